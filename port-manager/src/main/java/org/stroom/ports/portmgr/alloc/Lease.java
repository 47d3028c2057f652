package org.stroom.ports.portmgr.alloc;

import java.util.Objects;
import org.stroom.ports.hal.api.ChannelId;
import org.stroom.ports.hal.api.PortKind;

/**
 * A view of one live lease.
 *
 * @param leaseId the lease
 * @param requestId the id of the request that obtained it
 * @param channel the leased channel
 * @param kind the kind requested
 * @param direction the direction requested
 * @param priorityClass the requester's class
 * @param expiresAtNanos expiry (not enforced while {@code callId != 0})
 * @param callId the HAL call the lease is tied to, or 0
 *     <p>Thread-safety: immutable.
 */
public record Lease(
        long leaseId,
        long requestId,
        ChannelId channel,
        PortKind kind,
        Direction direction,
        String priorityClass,
        long expiresAtNanos,
        long callId) {
    /** Validates. */
    public Lease {
        Objects.requireNonNull(channel, "Lease.channel");
        Objects.requireNonNull(kind, "Lease.kind");
        Objects.requireNonNull(direction, "Lease.direction");
        Objects.requireNonNull(priorityClass, "Lease.priorityClass");
    }
}
