package org.stroom.ports.portmgr.alloc;

import java.util.Objects;
import org.stroom.ports.hal.api.ChannelId;

/**
 * A lease that ended without a release by its holder.
 *
 * @param leaseId the lease
 * @param requestId the id of the request that obtained it
 * @param channel its channel
 * @param cause why it ended
 *     <p>Thread-safety: immutable.
 */
public record EndedLease(long leaseId, long requestId, ChannelId channel, EndCause cause) {
    /** Validates. */
    public EndedLease {
        Objects.requireNonNull(channel, "EndedLease.channel");
        Objects.requireNonNull(cause, "EndedLease.cause");
    }
}
