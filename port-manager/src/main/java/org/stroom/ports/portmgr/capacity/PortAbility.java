package org.stroom.ports.portmgr.capacity;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.stroom.ports.hal.api.PortKind;

/**
 * What the channels of a span (or the free positions of a board) can be used for. A channel able to do both
 * counts for either kind, but only once: the capacity model decides the split.
 *
 * <p>Thread-safety: immutable.
 */
public enum PortAbility {
    /** Fax only (fax resources, no voice play/record). */
    FAX(EnumSet.of(PortKind.FAX)),
    /** Voice only. */
    VOICE(EnumSet.of(PortKind.VOICE)),
    /** Fax or voice, one at a time. */
    FAX_AND_VOICE(EnumSet.of(PortKind.FAX, PortKind.VOICE));

    private final Set<PortKind> kinds;

    PortAbility(Set<PortKind> kinds) {
        this.kinds = Collections.unmodifiableSet(kinds);
    }

    /** @return the kinds a channel with this ability can serve; never empty */
    public Set<PortKind> kinds() {
        return kinds;
    }

    /** @return whether a channel with this ability can serve {@code kind} */
    public boolean supports(PortKind kind) {
        return kinds.contains(kind);
    }

    /** @return whether every kind of {@code other} is also supported here */
    public boolean covers(PortAbility other) {
        return kinds.containsAll(other.kinds);
    }
}
