package org.stroom.ports.portmgr.alloc;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.stroom.ports.hal.api.PortKind;
import org.stroom.ports.t1.SpanLocation;

/**
 * A consistent snapshot of the port manager's live metrics, taken on the writer thread by
 * {@link PortManagerState#metrics()}. Rates (events per second, carried erlangs over a window) are the
 * differences of two snapshots divided by the difference of their {@link #atNanos()}. Queue depths
 * belong to the event core, not to this state.
 *
 * @param atNanos ring time of the last input applied
 * @param liveLeases leases currently held
 * @param byKind channels able to do each kind (a channel able to do both counts in both)
 * @param byMachine channels per machine, in the order machines were added
 * @param bySpan channels per span position, in the order spans were first added
 * @param byGroup member channels per explicit hunt group, in definition order
 * @param activity counters since the state was created
 *     <p>Thread-safety: immutable.
 */
public record Metrics(
        long atNanos,
        int liveLeases,
        Map<PortKind, Counts> byKind,
        Map<String, Counts> byMachine,
        Map<SpanLocation, Counts> bySpan,
        Map<String, Counts> byGroup,
        Activity activity) {
    /** Copies the maps, keeping their order. */
    public Metrics {
        EnumMap<PortKind, Counts> kinds = new EnumMap<>(PortKind.class);
        kinds.putAll(byKind);
        byKind = Collections.unmodifiableMap(kinds);
        byMachine = Collections.unmodifiableMap(new LinkedHashMap<>(byMachine));
        bySpan = Collections.unmodifiableMap(new LinkedHashMap<>(bySpan));
        byGroup = Collections.unmodifiableMap(new LinkedHashMap<>(byGroup));
        Objects.requireNonNull(activity, "Metrics.activity");
    }

    /**
     * Channel counts of a span, machine, kind or group. Every bearer channel is exactly one of busy (a
     * lease or a call occupies it), free (a new lease could be granted on it) or unusable (idle but locked,
     * out of service, in alarm or on a down machine).
     *
     * @param total bearer channels
     * @param busy occupied by a lease or a call
     * @param free available for a new lease
     * @param unusable idle but not available
     *     <p>Thread-safety: immutable.
     */
    public record Counts(int total, int busy, int free, int unusable) {
        /** The counts of nothing. */
        public static final Counts ZERO = new Counts(0, 0, 0, 0);

        /**
         * @throws IllegalArgumentException when the parts do not add up to the total
         */
        public Counts {
            if (busy < 0 || free < 0 || unusable < 0 || busy + free + unusable != total) {
                throw new IllegalArgumentException("Counts: busy " + busy + " + free " + free + " + unusable "
                        + unusable + " must equal total " + total + " with no part negative");
            }
        }

        /** @return the sum of this and {@code o} */
        public Counts plus(Counts o) {
            return new Counts(total + o.total, busy + o.busy, free + o.free, unusable + o.unusable);
        }
    }

    /**
     * Counters since the state was created (kept in snapshots and rebuilt by replay).
     *
     * @param inputs inputs applied
     * @param requests allocate, release and renew inputs
     * @param halInputs inputs that came from HAL events
     * @param ticks tick inputs
     * @param ignored inputs answered with {@link Result.Ignored}
     * @param granted leases granted
     * @param rejected requests rejected, per reason (every reason present, possibly 0)
     * @param released leases released by their holders
     * @param renewed lease renewals
     * @param expired leases that expired
     * @param revoked leases ended by machine down, span removal or glare
     * @param callsSeen calls that became active on a channel
     * @param auditCorrections channel facts an audit report corrected
     * @param carriedErlangSeconds busy channels integrated over ring time, in erlang-seconds (divide by
     *     3600 for erlang-hours; the difference over a window divided by its length is the carried traffic
     *     in erlangs)
     *     <p>Thread-safety: immutable.
     */
    public record Activity(
            long inputs,
            long requests,
            long halInputs,
            long ticks,
            long ignored,
            long granted,
            Map<RejectReason, Long> rejected,
            long released,
            long renewed,
            long expired,
            long revoked,
            long callsSeen,
            long auditCorrections,
            double carriedErlangSeconds) {
        /** Copies the map. */
        public Activity {
            EnumMap<RejectReason, Long> reasons = new EnumMap<>(RejectReason.class);
            reasons.putAll(rejected);
            rejected = Collections.unmodifiableMap(reasons);
        }

        /** @return rejections of all reasons */
        public long rejectedTotal() {
            return rejected.values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
