package org.stroom.ports.portmgr.alloc;

import java.util.List;
import java.util.Objects;
import org.stroom.ports.hal.api.ChannelId;

/**
 * The outcome of applying one {@link Input}. Requests get {@link Granted}, {@link Released},
 * {@link Renewed} or {@link Rejected}; other inputs get {@link Applied} (with the leases they ended, if
 * any) or {@link Ignored} when they do not fit the inventory (an unknown machine, span or call).
 *
 * <p>Thread-safety: all results are immutable records.
 */
public sealed interface Result {
    /**
     * The event core's answer when the ring is full: {@code overloadedResult(Result::overloaded)}.
     *
     * @param input the input the core could not accept
     * @return {@link Rejected} with {@link RejectReason#OVERLOADED} for a request, {@link Ignored} otherwise
     */
    static Result overloaded(Input input) {
        if (input instanceof Input.Request r) {
            return new Rejected(r.requestId(), RejectReason.OVERLOADED, "the port manager's ring is full; retry later");
        }
        return new Ignored("dropped: the port manager's ring is full");
    }

    /**
     * A port was leased.
     *
     * @param requestId the request's correlation id
     * @param leaseId the new lease, positive, assigned in increasing order
     * @param channel the leased channel
     * @param expiresAtNanos the lease ends at the first {@link Input.Tick} at or after this time unless
     *     renewed or tied to a live call
     *     <p>Thread-safety: immutable.
     */
    record Granted(long requestId, long leaseId, ChannelId channel, long expiresAtNanos) implements Result {
        /** Validates. */
        public Granted {
            Objects.requireNonNull(channel, "Granted.channel");
        }
    }

    /**
     * A request was refused.
     *
     * @param requestId the request's correlation id
     * @param reason why
     * @param detail human-readable explanation for logs and operators
     *     <p>Thread-safety: immutable.
     */
    record Rejected(long requestId, RejectReason reason, String detail) implements Result {
        /** Validates. */
        public Rejected {
            Objects.requireNonNull(reason, "Rejected.reason");
            Objects.requireNonNull(detail, "Rejected.detail");
        }
    }

    /**
     * A lease was given back.
     *
     * @param requestId the request's correlation id
     * @param leaseId the lease
     * @param channel its channel
     *     <p>Thread-safety: immutable.
     */
    record Released(long requestId, long leaseId, ChannelId channel) implements Result {
        /** Validates. */
        public Released {
            Objects.requireNonNull(channel, "Released.channel");
        }
    }

    /**
     * A lease was extended.
     *
     * @param requestId the request's correlation id
     * @param leaseId the lease
     * @param expiresAtNanos its new expiry
     *     <p>Thread-safety: immutable.
     */
    record Renewed(long requestId, long leaseId, long expiresAtNanos) implements Result {}

    /**
     * A non-request input took effect (possibly none, when it repeated the known state).
     *
     * @param endedLeases leases this input ended, in the order they ended; usually empty
     *     <p>Thread-safety: immutable.
     */
    record Applied(List<EndedLease> endedLeases) implements Result {
        /** The common result: applied, no lease ended. */
        public static final Applied NONE = new Applied(List.of());

        /** Copies the list. */
        public Applied {
            endedLeases = List.copyOf(endedLeases);
        }
    }

    /**
     * An input did not fit the inventory and changed nothing but the counters.
     *
     * @param detail what did not fit, naming the machine, span, channel or call
     *     <p>Thread-safety: immutable.
     */
    record Ignored(String detail) implements Result {
        /** Validates. */
        public Ignored {
            Objects.requireNonNull(detail, "Ignored.detail");
        }
    }
}
