package org.stroom.ports.portmgr.alloc;

import java.util.Arrays;
import java.util.Set;
import org.stroom.ports.hal.api.ChannelId;
import org.stroom.ports.t1.CircuitId;
import org.stroom.ports.t1.Ds0Layout;
import org.stroom.ports.t1.Signalling;
import org.stroom.ports.t1.SpanLocation;
import org.stroom.ports.t1.SpanStatus;

/**
 * One span position and everything on it: provisioning, status, locks and the 24 channels' leases and
 * calls as bit masks (bit {@code ds0 - 1}). A position keeps its slot for the life of the state, with or
 * without a circuit plugged in, so hunt groups and locks can name it. Owned by {@link PortManagerState}.
 */
final class SpanSlot {
    static final int CH = Ds0Layout.TIMESLOTS;

    /** Span categories, from worst to best; a group's reject reason comes from them. */
    static final int ABSENT = 0;

    static final int MACHINE_DOWN = 1;
    static final int ALARM = 2;
    static final int LOCKED = 3;
    static final int OK = 4;
    static final int CATEGORIES = 5;

    final int index;
    final MachineSlot machine;
    final SpanLocation location;
    final ChannelId[] ids = new ChannelId[CH];

    // Provisioning; all masks 0 while absent.
    boolean present;
    CircuitId circuit;
    Signalling signalling;
    int bearer;
    int fax;
    int voice;
    /** Bit {@code Direction.ordinal()} set when the span is provisioned for that direction. */
    int directions;

    // Status.
    SpanStatus status;
    boolean boardFaulted;
    boolean locked;
    int lockedChannels;
    int outOfService;

    // Occupancy.
    int leased;
    int inCall;
    final long[] leaseId = new long[CH];
    final long[] requestId = new long[CH];
    final long[] expiresAt = new long[CH];
    final long[] callId = new long[CH];
    final byte[] leaseKind = new byte[CH];
    final byte[] leaseDirection = new byte[CH];
    /**
     * Priority class of each lease; meaningful only while the channel's {@link #leased} bit is set. It keeps the
     * class of the last lease after that lease ends, so that the next grant of the same class to the channel
     * stores nothing: a reference store into this long-lived array costs a GC write barrier with a memory fence.
     */
    final String[] leaseClass = new String[CH];

    // Derived, maintained by PortManagerState.refresh.
    int category = ABSENT;
    /** The status instance {@link #judgedUsable} was computed for: statuses are immutable, a change replaces it. */
    private SpanStatus judgedStatus;

    private boolean judgedUsable;
    int freeMask;
    int busyMask;
    int countedFax;
    int countedVoice;

    // Hunt group memberships: group and segment index within it.
    HuntGroup[] memberOf = new HuntGroup[4];
    int[] memberSeg = new int[4];
    /**
     * Whether membership i's group already has this span's segment in its list of changed segments, so a further
     * change need not tell it again (set by {@link PortManagerState#refresh}, cleared by the group's flush). Spares
     * the groups nobody hunts for a while a call on every change of the span.
     */
    boolean[] memberTold = new boolean[4];

    int memberships;

    SpanSlot(int index, MachineSlot machine, SpanLocation location) {
        this.index = index;
        this.machine = machine;
        this.location = location;
        for (int i = 0; i < CH; i++) {
            ids[i] = new ChannelId(location, i + 1);
        }
    }

    int kindMask(int kind) {
        return kind == 0 ? fax : voice;
    }

    int category() {
        if (!present) {
            return ABSENT;
        }
        if (!machine.up()) {
            return MACHINE_DOWN;
        }
        if (status != judgedStatus) {
            judgedStatus = status;
            judgedUsable = status.usableForTraffic();
        }
        if (boardFaulted || !judgedUsable) {
            return ALARM;
        }
        return locked ? LOCKED : OK;
    }

    Set<Direction> directionSet() {
        java.util.EnumSet<Direction> out = java.util.EnumSet.noneOf(Direction.class);
        for (Direction d : Direction.values()) {
            if ((directions & (1 << d.ordinal())) != 0) {
                out.add(d);
            }
        }
        return out;
    }

    void addMembership(HuntGroup g, int seg) {
        if (memberships == memberOf.length) {
            memberOf = Arrays.copyOf(memberOf, memberships * 2);
            memberSeg = Arrays.copyOf(memberSeg, memberships * 2);
            memberTold = Arrays.copyOf(memberTold, memberships * 2);
        }
        memberOf[memberships] = g;
        memberSeg[memberships] = seg;
        memberTold[memberships] = false;
        memberships++;
    }

    void removeMemberships(HuntGroup g) {
        int n = 0;
        for (int i = 0; i < memberships; i++) {
            if (memberOf[i] != g) {
                memberOf[n] = memberOf[i];
                memberSeg[n] = memberSeg[i];
                memberTold[n] = memberTold[i];
                n++;
            }
        }
        for (int i = n; i < memberships; i++) {
            memberOf[i] = null;
            memberTold[i] = false;
        }
        memberships = n;
    }

    /**
     * Group {@code g} has brought its segment {@code seg} of this span up to date: tell it of the next change.
     *
     * @param membership where {@code g}'s membership was when the span told it of the change; checked, since a
     *     group detached meanwhile moves the memberships after it
     */
    void flushedBy(HuntGroup g, int seg, int membership) {
        if (membership < memberships && memberOf[membership] == g && memberSeg[membership] == seg) {
            memberTold[membership] = false;
            return;
        }
        for (int i = 0; i < memberships; i++) {
            if (memberOf[i] == g && memberSeg[i] == seg) {
                memberTold[i] = false;
                return;
            }
        }
    }

    /** @return the segment of {@code g} on this span, or -1 */
    int segmentIn(HuntGroup g) {
        for (int i = 0; i < memberships; i++) {
            if (memberOf[i] == g) {
                return memberSeg[i];
            }
        }
        return -1;
    }

    void provision(CircuitId c, Signalling s, int bearerMask, int faxMask, int voiceMask, Set<Direction> dirs) {
        present = true;
        circuit = c;
        signalling = s;
        bearer = bearerMask;
        fax = faxMask;
        voice = voiceMask;
        int d = 0;
        for (Direction x : dirs) {
            d |= 1 << x.ordinal();
        }
        directions = d;
        status = SpanStatus.healthy(s);
        outOfService = 0;
    }

    void unprovision() {
        present = false;
        circuit = null;
        signalling = null;
        bearer = 0;
        fax = 0;
        voice = 0;
        directions = 0;
        status = null;
        outOfService = 0;
    }

    void clearLease(int bit) {
        leased &= ~(1 << bit);
        leaseId[bit] = 0;
        requestId[bit] = 0;
        expiresAt[bit] = 0;
        leaseKind[bit] = 0;
        leaseDirection[bit] = 0;
    }

    void clearCall(int bit) {
        inCall &= ~(1 << bit);
        callId[bit] = 0;
    }
}
