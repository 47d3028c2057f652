package org.stroom.ports.t1;

import java.util.BitSet;
import java.util.OptionalInt;

/**
 * Which of a span's 24 DS0 timeslots carry bearer traffic and which carries signalling.
 *
 * <p>PRI: timeslots 1..23 are B-channels and 24 is the D-channel. CAS: all 24 are bearers. Timeslots
 * the carrier has not provisioned (fractional T1) are neither.
 *
 * <p>Thread-safety: immutable.
 */
public final class Ds0Layout {
    /** Timeslots on a DS1. */
    public static final int TIMESLOTS = 24;
    /** The D-channel timeslot of an ISDN PRI span. */
    public static final int PRI_D_CHANNEL = 24;

    private final BitSet bearers;
    private final int dChannel;

    private Ds0Layout(BitSet bearers, int dChannel) {
        this.bearers = bearers;
        this.dChannel = dChannel;
    }

    /**
     * @param signalling the span's protocol
     * @param unprovisioned timeslots (1..24) the carrier does not deliver; out-of-range entries are
     *     ignored here and reported by {@link SpanConfigValidator}
     * @return the layout
     */
    public static Ds0Layout of(Signalling signalling, Iterable<Integer> unprovisioned) {
        BitSet b = new BitSet(TIMESLOTS + 1);
        b.set(1, TIMESLOTS + 1);
        int d = 0;
        if (signalling == Signalling.ISDN_PRI) {
            b.clear(PRI_D_CHANNEL);
            d = PRI_D_CHANNEL;
        }
        for (Integer ts : unprovisioned) {
            if (ts != null && ts >= 1 && ts <= TIMESLOTS) {
                b.clear(ts);
            }
        }
        return new Ds0Layout(b, d);
    }

    /** @return the layout of a span with every timeslot provisioned */
    public static Ds0Layout of(Signalling signalling) {
        return of(signalling, java.util.List.of());
    }

    /** @return whether timeslot {@code ds0} (1..24) is a bearer */
    public boolean isBearer(int ds0) {
        checkTimeslot(ds0);
        return bearers.get(ds0);
    }

    /** @return the bearer timeslots in ascending order */
    public int[] bearerTimeslots() {
        return bearers.stream().toArray();
    }

    /** @return number of bearer timeslots (23 on a full PRI, 24 on a full CAS span) */
    public int bearerCount() {
        return bearers.cardinality();
    }

    /** @return the D-channel timeslot, empty for CAS */
    public OptionalInt dChannel() {
        return dChannel == 0 ? OptionalInt.empty() : OptionalInt.of(dChannel);
    }

    /**
     * @throws IllegalArgumentException if {@code ds0} is outside 1..24
     */
    public static void checkTimeslot(int ds0) {
        if (ds0 < 1 || ds0 > TIMESLOTS) {
            throw new IllegalArgumentException("DS0 timeslot " + ds0 + " is outside 1.." + TIMESLOTS);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ds0Layout l && l.dChannel == dChannel && l.bearers.equals(bearers);
    }

    @Override
    public int hashCode() {
        return bearers.hashCode() * 31 + dChannel;
    }

    @Override
    public String toString() {
        return "Ds0Layout[bearers=" + bearers + (dChannel == 0 ? "" : ", d=" + dChannel) + "]";
    }
}
