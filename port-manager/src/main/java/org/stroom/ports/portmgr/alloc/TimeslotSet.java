package org.stroom.ports.portmgr.alloc;

import org.stroom.ports.t1.Ds0Layout;

/**
 * A set of DS0 timeslots (1..24) of one span, held as a bit mask: bit {@code ds0 - 1} is set when
 * timeslot {@code ds0} is in the set.
 *
 * @param bits the mask; only the low 24 bits may be set
 *     <p>Thread-safety: immutable.
 */
public record TimeslotSet(int bits) {
    /** Mask of all 24 timeslots. */
    static final int ALL_BITS = (1 << Ds0Layout.TIMESLOTS) - 1;

    /** Every timeslot 1..24. */
    public static final TimeslotSet ALL = new TimeslotSet(ALL_BITS);

    /** No timeslot. */
    public static final TimeslotSet NONE = new TimeslotSet(0);

    /**
     * @throws IllegalArgumentException when a bit above bit 23 is set
     */
    public TimeslotSet {
        if ((bits & ~ALL_BITS) != 0) {
            throw new IllegalArgumentException(
                    "timeslot set 0x" + Integer.toHexString(bits) + " has bits above timeslot 24; use bits 0..23");
        }
    }

    /**
     * @param ds0s timeslots, each 1..24
     * @return the set of them
     * @throws IllegalArgumentException when a timeslot is outside 1..24
     */
    public static TimeslotSet of(int... ds0s) {
        int b = 0;
        for (int ds0 : ds0s) {
            Ds0Layout.checkTimeslot(ds0);
            b |= 1 << (ds0 - 1);
        }
        return new TimeslotSet(b);
    }

    /**
     * @param first first timeslot, 1..24
     * @param last last timeslot, {@code first}..24
     * @return timeslots {@code first..last}
     */
    public static TimeslotSet range(int first, int last) {
        Ds0Layout.checkTimeslot(first);
        Ds0Layout.checkTimeslot(last);
        if (last < first) {
            throw new IllegalArgumentException(
                    "timeslot range " + first + ".." + last + " is empty; give first <= last");
        }
        return new TimeslotSet((ALL_BITS >>> (Ds0Layout.TIMESLOTS - (last - first + 1))) << (first - 1));
    }

    /** @return the bearer timeslots of {@code layout} */
    public static TimeslotSet of(Ds0Layout layout) {
        return of(layout.bearerTimeslots());
    }

    /** @return whether timeslot {@code ds0} (1..24) is in the set */
    public boolean contains(int ds0) {
        Ds0Layout.checkTimeslot(ds0);
        return (bits & (1 << (ds0 - 1))) != 0;
    }

    /** @return whether every timeslot of {@code other} is in this set */
    public boolean containsAll(TimeslotSet other) {
        return (other.bits & ~bits) == 0;
    }

    /** @return number of timeslots in the set */
    public int size() {
        return Integer.bitCount(bits);
    }

    /** @return whether the set is empty */
    public boolean isEmpty() {
        return bits == 0;
    }

    /** @return the timeslots in ascending order */
    public int[] toArray() {
        int[] out = new int[size()];
        int i = 0;
        for (int b = bits; b != 0; b &= b - 1) {
            out[i++] = Integer.numberOfTrailingZeros(b) + 1;
        }
        return out;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        int ds0 = 1;
        while (ds0 <= Ds0Layout.TIMESLOTS) {
            if ((bits & (1 << (ds0 - 1))) == 0) {
                ds0++;
                continue;
            }
            int end = ds0;
            while (end < Ds0Layout.TIMESLOTS && (bits & (1 << end)) != 0) {
                end++;
            }
            if (sb.length() > 1) {
                sb.append(',');
            }
            sb.append(ds0);
            if (end > ds0) {
                sb.append('-').append(end);
            }
            ds0 = end + 1;
        }
        return sb.append('}').toString();
    }
}
