package org.stroom.ports.portmgr.alloc;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.stroom.ports.hal.api.BoardId;
import org.stroom.ports.hal.api.ChannelId;
import org.stroom.ports.hal.api.PortKind;
import org.stroom.ports.t1.Alarm;
import org.stroom.ports.t1.CircuitId;
import org.stroom.ports.t1.Ds0Layout;
import org.stroom.ports.t1.Signalling;
import org.stroom.ports.t1.SpanLocation;

/**
 * Everything that changes the port manager's state: inventory, requests, HAL reports, machine
 * supervision, maintenance locks, clock ticks and audits. {@link PortManagerState#apply(Input, long)} is a
 * pure function of the state, the input and its time, so the journal of inputs rebuilds the state exactly.
 *
 * <p>Time: the event core stamps each input from its injected clock (nanoseconds from an arbitrary fixed
 * origin; see {@code EventCore} for when it reads which clock) and applies and journals the input with that
 * stamp, passed beside it; a submitted input's own
 * {@link #atNanos()} is not read (pass 0). An input decoded from the journal carries its stamp in
 * {@link #atNanos()}, and so does an input applied directly with {@link PortManagerState#apply(Input)}. The
 * state machine never reads a clock: lease expiries, heartbeat supervision and carried-traffic integration all
 * use these stamps.
 *
 * <p>Records validate in their compact constructors and throw {@link IllegalArgumentException} (or
 * {@link NullPointerException} for a missing required field) naming the record and the field. Whether
 * an input fits the inventory (a known machine, a present span) is decided by the state machine and
 * reported as a {@link Result}, never thrown.
 *
 * <p>Each type has a stable wire tag in {@link InputCodec}; adding a type means adding a tag.
 *
 * <p>Thread-safety: all inputs are immutable records.
 */
public sealed interface Input {
    /** @return the time this input is applied at (see above), nanoseconds from the core clock's origin */
    long atNanos();

    /**
     * @param atNanos a time
     * @return a copy of this input carrying {@code atNanos}
     */
    Input withAtNanos(long atNanos);

    /**
     * An input that asks for an answer: {@link Allocate}, {@link Release}, {@link Renew}.
     *
     * <p>Thread-safety: immutable.
     */
    sealed interface Request extends Input {
        /** @return the caller's correlation id, echoed in the result */
        long requestId();
    }

    /**
     * Adds a machine to the System.
     *
     * @param atNanos ring entry time
     * @param machine machine name, unique in the System
     * @param role SERVER (exactly one per System) or NODE
     * @param heartbeatTimeoutNanos a {@link Tick} later than the last heartbeat by more than this declares
     *     the machine down; 0 disables heartbeat supervision
     *     <p>Thread-safety: immutable.
     */
    record MachineAdded(long atNanos, String machine, MachineRole role, long heartbeatTimeoutNanos) implements Input {
        /** Validates. */
        public MachineAdded {
            Check.name("MachineAdded", "machine", machine);
            Objects.requireNonNull(role, "MachineAdded.role");
            Check.notNegative("MachineAdded", "heartbeatTimeoutNanos", heartbeatTimeoutNanos);
        }

        @Override
        public MachineAdded withAtNanos(long atNanos) {
            return new MachineAdded(atNanos, machine, role, heartbeatTimeoutNanos);
        }
    }

    /**
     * A T1 circuit is plugged into a span port of a known machine.
     *
     * @param atNanos ring entry time
     * @param span where it is plugged in
     * @param circuit the telco circuit id
     * @param signalling PRI or a CAS protocol
     * @param bearers bearer timeslots (a PRI span never has timeslot 24 as bearer)
     * @param fax bearers that can run fax (subset of {@code bearers})
     * @param voice bearers that can run voice (subset of {@code bearers})
     * @param directions call directions the circuit is provisioned for; not empty
     *     <p>Thread-safety: immutable.
     */
    record SpanAdded(
            long atNanos,
            SpanLocation span,
            CircuitId circuit,
            Signalling signalling,
            TimeslotSet bearers,
            TimeslotSet fax,
            TimeslotSet voice,
            Set<Direction> directions)
            implements Input {
        /** Validates and copies {@code directions}. */
        public SpanAdded {
            Objects.requireNonNull(span, "SpanAdded.span");
            Objects.requireNonNull(circuit, "SpanAdded.circuit");
            Objects.requireNonNull(signalling, "SpanAdded.signalling");
            Objects.requireNonNull(bearers, "SpanAdded.bearers");
            Objects.requireNonNull(fax, "SpanAdded.fax");
            Objects.requireNonNull(voice, "SpanAdded.voice");
            Objects.requireNonNull(directions, "SpanAdded.directions");
            if (signalling == Signalling.ISDN_PRI && bearers.contains(Ds0Layout.PRI_D_CHANNEL)) {
                throw new IllegalArgumentException("SpanAdded " + span + ": timeslot " + Ds0Layout.PRI_D_CHANNEL
                        + " is the PRI D-channel and cannot be a bearer");
            }
            if (!bearers.containsAll(fax) || !bearers.containsAll(voice)) {
                throw new IllegalArgumentException("SpanAdded " + span + ": fax " + fax + " and voice " + voice
                        + " timeslots must be bearers " + bearers);
            }
            if (directions.isEmpty()) {
                throw new IllegalArgumentException("SpanAdded " + span + ": directions is empty; give IN, OUT or both");
            }
            directions = Set.copyOf(EnumSet.copyOf(directions));
        }

        @Override
        public SpanAdded withAtNanos(long atNanos) {
            return new SpanAdded(atNanos, span, circuit, signalling, bearers, fax, voice, directions);
        }

        /**
         * @return a fully provisioned span whose every bearer can do {@code kinds}, for {@code directions}
         */
        public static SpanAdded uniform(
                long atNanos,
                SpanLocation span,
                CircuitId circuit,
                Signalling signalling,
                Set<PortKind> kinds,
                Set<Direction> directions) {
            TimeslotSet bearers = TimeslotSet.of(Ds0Layout.of(signalling));
            return new SpanAdded(
                    atNanos,
                    span,
                    circuit,
                    signalling,
                    bearers,
                    kinds.contains(PortKind.FAX) ? bearers : TimeslotSet.NONE,
                    kinds.contains(PortKind.VOICE) ? bearers : TimeslotSet.NONE,
                    directions);
        }
    }

    /**
     * The circuit is unplugged from a span port. Leases on it end ({@link EndCause#SPAN_REMOVED}), calls
     * on it are forgotten; maintenance locks on the port stay.
     *
     * @param atNanos ring entry time
     * @param span the span position
     *     <p>Thread-safety: immutable.
     */
    record SpanRemoved(long atNanos, SpanLocation span) implements Input {
        /** Validates. */
        public SpanRemoved {
            Objects.requireNonNull(span, "SpanRemoved.span");
        }

        @Override
        public SpanRemoved withAtNanos(long atNanos) {
            return new SpanRemoved(atNanos, span);
        }
    }

    /**
     * A span move: the circuit at {@code from} is re-plugged into the free port {@code to} (usually on
     * another machine), keeping its provisioning. Leases on it end; hunt group members keep naming
     * positions, so groups that should follow the circuit must be redefined.
     *
     * @param atNanos ring entry time
     * @param from the present span
     * @param to a span position without a circuit, on a known machine
     *     <p>Thread-safety: immutable.
     */
    record SpanMoved(long atNanos, SpanLocation from, SpanLocation to) implements Input {
        /** Validates. */
        public SpanMoved {
            Objects.requireNonNull(from, "SpanMoved.from");
            Objects.requireNonNull(to, "SpanMoved.to");
            if (from.equals(to)) {
                throw new IllegalArgumentException("SpanMoved from " + from + " to itself; give another position");
            }
        }

        @Override
        public SpanMoved withAtNanos(long atNanos) {
            return new SpanMoved(atNanos, from, to);
        }
    }

    /**
     * Defines (or redefines, resetting its hunt position) a hunt group. Every member span must have been
     * added before (it may since have been removed).
     *
     * @param atNanos ring entry time
     * @param name group name, unique
     * @param strategy how free channels are searched
     * @param kind the kind of port the group serves; members that cannot do it are skipped
     * @param members ordered members, one per span; not empty
     *     <p>Thread-safety: immutable.
     */
    record HuntGroupDefined(long atNanos, String name, HuntStrategy strategy, PortKind kind, List<GroupMember> members)
            implements Input {
        /** Validates and copies {@code members}. */
        public HuntGroupDefined {
            Check.name("HuntGroupDefined", "name", name);
            Objects.requireNonNull(strategy, "HuntGroupDefined.strategy");
            Objects.requireNonNull(kind, "HuntGroupDefined.kind");
            members = List.copyOf(members);
            if (members.isEmpty()) {
                throw new IllegalArgumentException("HuntGroupDefined '" + name + "' has no members");
            }
            Set<SpanLocation> seen = new HashSet<>();
            for (GroupMember m : members) {
                if (!seen.add(m.span())) {
                    throw new IllegalArgumentException("HuntGroupDefined '" + name + "' lists span " + m.span()
                            + " twice; give one member per span with all its timeslots");
                }
            }
        }

        @Override
        public HuntGroupDefined withAtNanos(long atNanos) {
            return new HuntGroupDefined(atNanos, name, strategy, kind, members);
        }
    }

    /**
     * Keeps at least {@code minFree} free ports of {@code kind} for requests of {@code priorityClass}: a
     * request of another class is rejected with {@link RejectReason#RESERVED_FOR_OTHERS} when the channel
     * its hunt found can do {@code kind} and taking it would leave fewer than the sum of the other classes'
     * reservations of that kind free. (The hunt does not look further for a channel that cannot do the
     * reserved kind.) A later definition for the same class and kind replaces it; 0 removes it.
     *
     * @param atNanos ring entry time
     * @param priorityClass the class the ports are kept for
     * @param kind port kind
     * @param minFree ports, 0 or more
     *     <p>Thread-safety: immutable.
     */
    record ReservationDefined(long atNanos, String priorityClass, PortKind kind, int minFree) implements Input {
        /** Validates. */
        public ReservationDefined {
            Check.name("ReservationDefined", "priorityClass", priorityClass);
            Objects.requireNonNull(kind, "ReservationDefined.kind");
            Check.notNegative("ReservationDefined", "minFree", minFree);
        }

        @Override
        public ReservationDefined withAtNanos(long atNanos) {
            return new ReservationDefined(atNanos, priorityClass, kind, minFree);
        }
    }

    /**
     * Asks for a port. Answered with {@link Result.Granted} or {@link Result.Rejected}.
     *
     * @param atNanos ring entry time
     * @param requestId the caller's correlation id, echoed in the result
     * @param kind FAX or VOICE
     * @param direction the call direction the port is for
     * @param group hunt group name, or null for the System-wide pool of {@code kind} (hunted with
     *     {@link HuntStrategy#BALANCE_MACHINES})
     * @param affinity preferred or required machine or span, or null
     * @param priorityClass the requester's class, for reservations
     * @param leaseNanos lease duration; positive
     *     <p>Thread-safety: immutable.
     */
    record Allocate(
            long atNanos,
            long requestId,
            PortKind kind,
            Direction direction,
            String group,
            Affinity affinity,
            String priorityClass,
            long leaseNanos)
            implements Request {
        /** Validates. */
        public Allocate {
            Objects.requireNonNull(kind, "Allocate.kind");
            Objects.requireNonNull(direction, "Allocate.direction");
            if (group != null) {
                Check.name("Allocate", "group", group);
            }
            Check.name("Allocate", "priorityClass", priorityClass);
            Check.positive("Allocate", "leaseNanos", leaseNanos);
        }

        @Override
        public Allocate withAtNanos(long atNanos) {
            return new Allocate(atNanos, requestId, kind, direction, group, affinity, priorityClass, leaseNanos);
        }
    }

    /**
     * Gives a lease back. The channel stays busy while a call is still on it.
     *
     * @param atNanos ring entry time
     * @param requestId the caller's correlation id
     * @param leaseId the lease, positive
     *     <p>Thread-safety: immutable.
     */
    record Release(long atNanos, long requestId, long leaseId) implements Request {
        /** Validates. */
        public Release {
            Check.positive("Release", "leaseId", leaseId);
        }

        @Override
        public Release withAtNanos(long atNanos) {
            return new Release(atNanos, requestId, leaseId);
        }
    }

    /**
     * Extends a lease to {@code atNanos + leaseNanos}.
     *
     * @param atNanos ring entry time
     * @param requestId the caller's correlation id
     * @param leaseId the lease, positive
     * @param leaseNanos new remaining duration; positive
     *     <p>Thread-safety: immutable.
     */
    record Renew(long atNanos, long requestId, long leaseId, long leaseNanos) implements Request {
        /** Validates. */
        public Renew {
            Check.positive("Renew", "leaseId", leaseId);
            Check.positive("Renew", "leaseNanos", leaseNanos);
        }

        @Override
        public Renew withAtNanos(long atNanos) {
            return new Renew(atNanos, requestId, leaseId, leaseNanos);
        }
    }

    /**
     * The HAL reports a call on a channel: an inbound call offered ({@code offered}), or progress of a call
     * (alerting, connected). The channel is busy until {@link CallEnded}. A call on a leased channel ties
     * the lease to it (no expiry while the call lives), except an offered inbound call on a channel leased
     * for {@link Direction#OUT}: glare, the lease ends.
     *
     * @param atNanos ring entry time
     * @param channel the channel
     * @param callId the HAL's call id, positive
     * @param offered true for a newly offered inbound call
     *     <p>Thread-safety: immutable.
     */
    record CallActive(long atNanos, ChannelId channel, long callId, boolean offered) implements Input {
        /** Validates. */
        public CallActive {
            Objects.requireNonNull(channel, "CallActive.channel");
            Check.positive("CallActive", "callId", callId);
        }

        @Override
        public CallActive withAtNanos(long atNanos) {
            return new CallActive(atNanos, channel, callId, offered);
        }
    }

    /**
     * The HAL reports the end of a call; the channel is no longer busy with it.
     *
     * @param atNanos ring entry time
     * @param channel the channel
     * @param callId the HAL's call id, positive
     *     <p>Thread-safety: immutable.
     */
    record CallEnded(long atNanos, ChannelId channel, long callId) implements Input {
        /** Validates. */
        public CallEnded {
            Objects.requireNonNull(channel, "CallEnded.channel");
            Check.positive("CallEnded", "callId", callId);
        }

        @Override
        public CallEnded withAtNanos(long atNanos) {
            return new CallEnded(atNanos, channel, callId);
        }
    }

    /**
     * A declared span alarm was raised or cleared. RED and BLUE take the span out of traffic; YELLOW alone
     * does not (t1-span rules, {@link org.stroom.ports.t1.SpanStatus#usableForTraffic()}).
     *
     * @param atNanos ring entry time
     * @param span the span
     * @param alarm the alarm
     * @param raised true when raised, false when cleared
     *     <p>Thread-safety: immutable.
     */
    record SpanAlarmChanged(long atNanos, SpanLocation span, Alarm alarm, boolean raised) implements Input {
        /** Validates. */
        public SpanAlarmChanged {
            Objects.requireNonNull(span, "SpanAlarmChanged.span");
            Objects.requireNonNull(alarm, "SpanAlarmChanged.alarm");
        }

        @Override
        public SpanAlarmChanged withAtNanos(long atNanos) {
            return new SpanAlarmChanged(atNanos, span, alarm, raised);
        }
    }

    /**
     * A PRI span's D-channel came up or went down; down takes the span out of traffic.
     *
     * @param atNanos ring entry time
     * @param span the span
     * @param up the new state
     *     <p>Thread-safety: immutable.
     */
    record DChannelChanged(long atNanos, SpanLocation span, boolean up) implements Input {
        /** Validates. */
        public DChannelChanged {
            Objects.requireNonNull(span, "DChannelChanged.span");
        }

        @Override
        public DChannelChanged withAtNanos(long atNanos) {
            return new DChannelChanged(atNanos, span, up);
        }
    }

    /**
     * The HAL took one channel out of service or put it back.
     *
     * @param atNanos ring entry time
     * @param channel the channel
     * @param inService the new state
     *     <p>Thread-safety: immutable.
     */
    record ChannelServiceChanged(long atNanos, ChannelId channel, boolean inService) implements Input {
        /** Validates. */
        public ChannelServiceChanged {
            Objects.requireNonNull(channel, "ChannelServiceChanged.channel");
        }

        @Override
        public ChannelServiceChanged withAtNanos(long atNanos) {
            return new ChannelServiceChanged(atNanos, channel, inService);
        }
    }

    /**
     * A board failed or recovered; while failed, every span on it is out of traffic.
     *
     * @param atNanos ring entry time
     * @param board the board
     * @param faulted true when failed
     *     <p>Thread-safety: immutable.
     */
    record BoardFaultChanged(long atNanos, BoardId board, boolean faulted) implements Input {
        /** Validates. */
        public BoardFaultChanged {
            Objects.requireNonNull(board, "BoardFaultChanged.board");
        }

        @Override
        public BoardFaultChanged withAtNanos(long atNanos) {
            return new BoardFaultChanged(atNanos, board, faulted);
        }
    }

    /**
     * A machine is alive. Brings back a machine that was declared down because its heartbeats stopped
     * (not one declared down with {@link MachineDown}).
     *
     * @param atNanos ring entry time
     * @param machine machine name
     *     <p>Thread-safety: immutable.
     */
    record MachineHeartbeat(long atNanos, String machine) implements Input {
        /** Validates. */
        public MachineHeartbeat {
            Check.name("MachineHeartbeat", "machine", machine);
        }

        @Override
        public MachineHeartbeat withAtNanos(long atNanos) {
            return new MachineHeartbeat(atNanos, machine);
        }
    }

    /**
     * A machine is down (controlled shutdown or lost). Its leases end ({@link EndCause#MACHINE_DOWN}) and
     * its calls are forgotten: they are gone with it.
     *
     * @param atNanos ring entry time
     * @param machine machine name
     *     <p>Thread-safety: immutable.
     */
    record MachineDown(long atNanos, String machine) implements Input {
        /** Validates. */
        public MachineDown {
            Check.name("MachineDown", "machine", machine);
        }

        @Override
        public MachineDown withAtNanos(long atNanos) {
            return new MachineDown(atNanos, machine);
        }
    }

    /**
     * A machine is up again.
     *
     * @param atNanos ring entry time
     * @param machine machine name
     *     <p>Thread-safety: immutable.
     */
    record MachineUp(long atNanos, String machine) implements Input {
        /** Validates. */
        public MachineUp {
            Check.name("MachineUp", "machine", machine);
        }

        @Override
        public MachineUp withAtNanos(long atNanos) {
            return new MachineUp(atNanos, machine);
        }
    }

    /**
     * Locks a span or one channel for maintenance: no new grants there. Existing leases and calls drain
     * normally. Locks are kept in snapshots and survive span removal.
     *
     * @param atNanos ring entry time
     * @param span the span position
     * @param ds0 the channel's timeslot 1..24, or 0 for the whole span
     *     <p>Thread-safety: immutable.
     */
    record Lock(long atNanos, SpanLocation span, int ds0) implements Input {
        /** Validates. */
        public Lock {
            Objects.requireNonNull(span, "Lock.span");
            if (ds0 != 0) {
                Ds0Layout.checkTimeslot(ds0);
            }
        }

        @Override
        public Lock withAtNanos(long atNanos) {
            return new Lock(atNanos, span, ds0);
        }
    }

    /**
     * Removes a maintenance lock set by {@link Lock} with the same span and timeslot.
     *
     * @param atNanos ring entry time
     * @param span the span position
     * @param ds0 the channel's timeslot 1..24, or 0 for the whole span
     *     <p>Thread-safety: immutable.
     */
    record Unlock(long atNanos, SpanLocation span, int ds0) implements Input {
        /** Validates. */
        public Unlock {
            Objects.requireNonNull(span, "Unlock.span");
            if (ds0 != 0) {
                Ds0Layout.checkTimeslot(ds0);
            }
        }

        @Override
        public Unlock withAtNanos(long atNanos) {
            return new Unlock(atNanos, span, ds0);
        }
    }

    /**
     * Time passes: machines whose heartbeats are overdue go down, then leases whose expiry is at or before
     * {@code atNanos} and that are not tied to a live call expire. The embedding application sends it
     * periodically through {@code PortManager.tick()} (system-sim does so every 10 s of virtual time).
     *
     * @param atNanos ring entry time
     *     <p>Thread-safety: immutable.
     */
    record Tick(long atNanos) implements Input {
        @Override
        public Tick withAtNanos(long atNanos) {
            return new Tick(atNanos);
        }
    }

    /**
     * The HAL's view of channels of one machine, for reconciliation: calls the manager holds that the HAL
     * no longer has are dropped, calls the HAL has that the manager missed are recorded, and service
     * state is corrected. Leases without a call are not touched (they expire).
     *
     * @param atNanos ring entry time
     * @param machine the machine whose HAL answered
     * @param channels one entry per channel, all on {@code machine}
     *     <p>Thread-safety: immutable.
     */
    record AuditReport(long atNanos, String machine, List<AuditEntry> channels) implements Input {
        /** Validates and copies {@code channels}. */
        public AuditReport {
            Check.name("AuditReport", "machine", machine);
            channels = List.copyOf(channels);
            for (AuditEntry e : channels) {
                if (!e.channel().span().machine().equals(machine)) {
                    throw new IllegalArgumentException("AuditReport for machine '" + machine + "' contains "
                            + e.channel() + " of another machine");
                }
            }
        }

        @Override
        public AuditReport withAtNanos(long atNanos) {
            return new AuditReport(atNanos, machine, channels);
        }
    }
}
