package org.stroom.ports.simui.sim;

import java.util.EnumSet;
import java.util.Set;
import org.stroom.ports.hal.api.PortKind;
import org.stroom.ports.hal.softport.Cable;
import org.stroom.ports.t1.SpanConfig;

/**
 * A telco circuit of the installation: its cable, the system it was described in, what it is used for, and the
 * position it occupies (plugged in, or pulled out but not yet plugged in elsewhere).
 *
 * <p>Thread-safety: not thread-safe; owned by the simulation thread.
 */
final class Circuit {
    final String id;
    final Cable cable;
    final String home;
    final Set<PortKind> kinds;
    final Set<PortKind> declared;
    /** Position index it occupies, or -1 when another circuit took its position while it was pulled out. */
    int position;

    /**
     * @param kinds the kinds of the hunt groups that use it (what a span move must preserve)
     * @param declared the kinds its span declares in the description, empty for "whatever the board can do"
     */
    Circuit(Cable cable, String home, Set<PortKind> kinds, Set<PortKind> declared, int position) {
        this.id = cable.circuitId().value();
        this.cable = cable;
        this.home = home;
        this.kinds = kinds.isEmpty() ? EnumSet.noneOf(PortKind.class) : EnumSet.copyOf(kinds);
        this.declared = declared.isEmpty() ? EnumSet.noneOf(PortKind.class) : EnumSet.copyOf(declared);
        this.position = position;
    }

    SpanConfig config() {
        return cable.config();
    }

    boolean plugged() {
        return cable.plugged();
    }
}
