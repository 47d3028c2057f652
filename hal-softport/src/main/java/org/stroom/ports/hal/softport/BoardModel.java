package org.stroom.ports.hal.softport;

import java.util.EnumSet;
import java.util.Set;
import org.stroom.ports.hal.api.BoardCapabilities;
import org.stroom.ports.hal.api.FaxModulation;
import org.stroom.ports.hal.api.PortKind;
import org.stroom.ports.hal.api.Vendor;
import org.stroom.ports.t1.Ds0Layout;

/**
 * The boards the simulator can stand in for, with the resources of the real ones.
 *
 * <ul>
 *   <li>Brooktrout TR1034 with 1, 2 or 4 T1 spans (24, 48, 96 DS0s): TruFax on every channel, V.34
 *       up to 33,600 bit/s (and V.17, V.29, V.27ter), plus voice (play, record, DTMF) on every
 *       channel.
 *   <li>Dialogic D/240JCT-T1 (one T1, 24 DS0s) and D/480JCT-2T1 (two T1s, 48 DS0s): voice on every
 *       channel. Fax is a separately licensed resource on JCT boards; the simulator gives each
 *       span <b>{@value #JCT_FAX_PER_SPAN} fax resources</b>, fixed to DS0s 1..12 of the span, at
 *       V.17 14,400 bit/s at most (no V.34). DS0s 13..24 are voice only. Fixing the resources to
 *       timeslots keeps {@link org.stroom.ports.hal.api.ChannelInfo#kinds()} truthful, so capacity
 *       sums made from channel kinds match what the board can run at once.
 * </ul>
 *
 * <p>Thread-safety: immutable.
 */
public enum BoardModel {
    /** Brooktrout TR1034, one T1 span. */
    TR1034_1T1(Vendor.BROOKTROUT, "TR1034-1T1", 1),
    /** Brooktrout TR1034, two T1 spans. */
    TR1034_2T1(Vendor.BROOKTROUT, "TR1034-2T1", 2),
    /** Brooktrout TR1034, four T1 spans. */
    TR1034_4T1(Vendor.BROOKTROUT, "TR1034-4T1", 4),
    /** Dialogic D/240JCT-T1, one T1 span. */
    D240JCT_T1(Vendor.DIALOGIC, "D/240JCT-T1", 1),
    /** Dialogic D/480JCT-2T1, two T1 spans. */
    D480JCT_2T1(Vendor.DIALOGIC, "D/480JCT-2T1", 2);

    /** Fax resources per span on the simulated Dialogic JCT boards (DS0s 1..12). */
    public static final int JCT_FAX_PER_SPAN = 12;

    private final Vendor vendor;
    private final String modelName;
    private final int spans;

    BoardModel(Vendor vendor, String modelName, int spans) {
        this.vendor = vendor;
        this.modelName = modelName;
        this.spans = spans;
    }

    /** @return the manufacturer */
    public Vendor vendor() {
        return vendor;
    }

    /** @return the model name as the vendor prints it, e.g. {@code "D/480JCT-2T1"} */
    public String modelName() {
        return modelName;
    }

    /** @return the number of T1 span ports on the board */
    public int spans() {
        return spans;
    }

    /** @return DS0 channels the board terminates: 24 per span */
    public int channels() {
        return spans * Ds0Layout.TIMESLOTS;
    }

    /** @return fax resources per span: 24 on a TR1034, {@value #JCT_FAX_PER_SPAN} on a JCT board */
    public int faxChannelsPerSpan() {
        return vendor == Vendor.BROOKTROUT ? Ds0Layout.TIMESLOTS : JCT_FAX_PER_SPAN;
    }

    /** @return the fax modulations the board supports */
    public Set<FaxModulation> faxModulations() {
        return vendor == Vendor.BROOKTROUT
                ? EnumSet.allOf(FaxModulation.class)
                : EnumSet.of(FaxModulation.V27TER, FaxModulation.V29, FaxModulation.V17);
    }

    /** @return what the board can do */
    public BoardCapabilities capabilities() {
        Set<FaxModulation> fax = faxModulations();
        int best = fax.stream().mapToInt(FaxModulation::maxBps).max().orElse(0);
        return new BoardCapabilities(
                fax, best, false, true, true, true, true, channels(), spans * faxChannelsPerSpan(), channels());
    }

    /**
     * @param ds0 timeslot 1..24 on any span of the board
     * @return what the channel on that timeslot can be used for
     */
    public Set<PortKind> kinds(int ds0) {
        Ds0Layout.checkTimeslot(ds0);
        return ds0 <= faxChannelsPerSpan() ? EnumSet.of(PortKind.FAX, PortKind.VOICE) : EnumSet.of(PortKind.VOICE);
    }
}
