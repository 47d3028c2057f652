package org.stroom.ports.portmgr.alloc;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.stroom.ports.hal.api.ChannelId;
import org.stroom.ports.hal.api.PortKind;

/**
 * What the port manager knows about one DS0 channel.
 *
 * @param channel the channel
 * @param bearer whether a present span carries a bearer on this timeslot
 * @param kinds what it can do; empty when not a bearer
 * @param usable whether a new lease could be granted on it if it were idle: its machine is up, its span
 *     usable for traffic (no RED/BLUE alarm, D-channel not down, board not faulted) and neither the span
 *     nor the channel is locked or out of service
 * @param locked whether a maintenance lock (on the channel or its span) applies
 * @param outOfService whether the HAL reported the channel out of service
 * @param leaseId the live lease on it, or 0
 * @param callId the HAL call on it, or 0
 *     <p>Thread-safety: immutable.
 */
public record ChannelStatus(
        ChannelId channel,
        boolean bearer,
        Set<PortKind> kinds,
        boolean usable,
        boolean locked,
        boolean outOfService,
        long leaseId,
        long callId) {
    /** Copies the kinds. */
    public ChannelStatus {
        Objects.requireNonNull(channel, "ChannelStatus.channel");
        kinds = kinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(kinds));
    }

    /** @return whether a lease or a call occupies the channel */
    public boolean busy() {
        return leaseId != 0 || callId != 0;
    }

    /** @return whether a new lease could be granted on it now */
    public boolean free() {
        return bearer && usable && !busy();
    }
}
