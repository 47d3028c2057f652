package org.stroom.ports.portmgr.config;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import org.stroom.ports.hal.api.PortKind;
import org.stroom.ports.hal.api.Vendor;

/**
 * The board models a description may name, with their span counts and what their channels can do.
 *
 * <p>Thread-safety: immutable.
 */
public enum BoardCatalogue {
    /** Brooktrout TR1034, one T1: 24 channels, fax and voice on every channel. */
    TR1034_1T1(Vendor.BROOKTROUT, 1, Set.of(PortKind.FAX, PortKind.VOICE)),
    /** Brooktrout TR1034, two T1s: 48 channels. */
    TR1034_2T1(Vendor.BROOKTROUT, 2, Set.of(PortKind.FAX, PortKind.VOICE)),
    /** Brooktrout TR1034, four T1s: 96 channels. */
    TR1034_4T1(Vendor.BROOKTROUT, 4, Set.of(PortKind.FAX, PortKind.VOICE)),
    /** Dialogic D/240JCT-T1: one T1, 24 voice channels. */
    D240JCT_T1(Vendor.DIALOGIC, 1, Set.of(PortKind.VOICE)),
    /** Dialogic D/480JCT-2T1: two T1s, 48 voice channels. */
    D480JCT_2T1(Vendor.DIALOGIC, 2, Set.of(PortKind.VOICE));

    private final Vendor vendor;
    private final int spans;
    private final Set<PortKind> kinds;

    BoardCatalogue(Vendor vendor, int spans, Set<PortKind> kinds) {
        this.vendor = vendor;
        this.spans = spans;
        this.kinds = kinds;
    }

    /** @return manufacturer */
    public Vendor vendor() {
        return vendor;
    }

    /** @return T1 span ports */
    public int spans() {
        return spans;
    }

    /** @return what the board's channels can do */
    public Set<PortKind> kinds() {
        return kinds;
    }

    /** @return the model with this name, ignoring case and punctuation ("D/480JCT-2T1" works) */
    public static Optional<BoardCatalogue> find(String name) {
        String n = name.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        return Arrays.stream(values())
                .filter(m -> m.name().replace("_", "").equals(n))
                .findFirst();
    }
}
