package org.stroom.ports.portmgr.alloc;

import java.util.Objects;
import org.stroom.ports.hal.api.ChannelId;
import org.stroom.ports.hal.api.ChannelState;

/**
 * What the HAL says about one channel, for reconciliation.
 *
 * @param channel the channel
 * @param state its call state in the HAL
 * @param callId the HAL's call id when {@code state.inCall()}, otherwise 0
 *     <p>Thread-safety: immutable.
 */
public record AuditEntry(ChannelId channel, ChannelState state, long callId) {
    /**
     * @throws IllegalArgumentException when the call id does not fit the state
     */
    public AuditEntry {
        Objects.requireNonNull(channel, "AuditEntry.channel");
        Objects.requireNonNull(state, "AuditEntry.state");
        if (state.inCall() && callId <= 0) {
            throw new IllegalArgumentException(
                    "AuditEntry for " + channel + ": state " + state + " needs a positive call id, got " + callId);
        }
        if (!state.inCall() && callId != 0) {
            throw new IllegalArgumentException("AuditEntry for " + channel + ": state " + state
                    + " has no call; call id must be 0, got " + callId);
        }
    }
}
