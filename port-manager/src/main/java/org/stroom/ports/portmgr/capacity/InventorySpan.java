package org.stroom.ports.portmgr.capacity;

import java.util.Objects;
import org.stroom.ports.t1.CircuitId;
import org.stroom.ports.t1.SpanConfig;
import org.stroom.ports.t1.SpanLocation;
import org.stroom.ports.t1.SpanStatus;

/**
 * One T1 span as the capacity model sees it: where it is plugged in, the circuit's provisioning, its current
 * status, what its channels can do, and how many of its bearer channels are locked (administratively out of
 * use).
 *
 * @param location where the circuit is plugged in; non-null
 * @param config the circuit's provisioning; non-null, with a circuit id, and valid by the t1-span rules
 * @param status operational state; non-null
 * @param ability what the channels can be used for; non-null
 * @param lockedChannels bearer channels locked out of use, 0..{@link #bearerChannels()}
 *     <p>Thread-safety: immutable.
 */
public record InventorySpan(
        SpanLocation location, SpanConfig config, SpanStatus status, PortAbility ability, int lockedChannels) {
    /**
     * @throws IllegalArgumentException when a component is missing or the locked count is out of range
     * @throws org.stroom.ports.t1.InvalidConfigurationException when the span configuration breaks a t1-span rule
     */
    public InventorySpan {
        Objects.requireNonNull(location, "inventory span: location");
        Objects.requireNonNull(config, "inventory span " + location + ": config");
        Objects.requireNonNull(status, "inventory span " + location + ": status");
        Objects.requireNonNull(ability, "inventory span " + location + ": ability");
        if (config.circuitId() == null) {
            throw new IllegalArgumentException(
                    "inventory span " + location + ": the circuit id is missing; give the carrier's circuit id");
        }
        config.validated();
        int bearers = config.layout().bearerCount();
        if (lockedChannels < 0 || lockedChannels > bearers) {
            throw new IllegalArgumentException("inventory span " + location + " (circuit " + config.circuitId()
                    + "): lockedChannels = " + lockedChannels + " is outside 0.." + bearers
                    + " (its bearer channels)");
        }
    }

    /**
     * A healthy span with no locked channel.
     *
     * @param location where it is plugged in
     * @param config provisioning
     * @param ability what its channels can do
     * @return the span
     */
    public static InventorySpan healthy(SpanLocation location, SpanConfig config, PortAbility ability) {
        return new InventorySpan(location, config, SpanStatus.healthy(config.signalling()), ability, 0);
    }

    /** @return the carrier's circuit id */
    public CircuitId circuit() {
        return config.circuitId();
    }

    /** @return bearer channels: 23 on a full PRI, 24 on a full CAS span, fewer when fractional */
    public int bearerChannels() {
        return config.layout().bearerCount();
    }

    /** @return ports usable for new calls: bearers minus locked ones, or 0 when the status stops traffic */
    public int usablePorts() {
        return status.usableForTraffic() ? bearerChannels() - lockedChannels : 0;
    }

    /** @return a copy with another status */
    public InventorySpan withStatus(SpanStatus newStatus) {
        return new InventorySpan(location, config, newStatus, ability, lockedChannels);
    }

    /** @return a copy with another configuration (e.g. DID ranges added by a rollover) */
    public InventorySpan withConfig(SpanConfig newConfig) {
        return new InventorySpan(location, newConfig, status, ability, lockedChannels);
    }

    /** @return a copy with another number of locked channels */
    public InventorySpan withLockedChannels(int locked) {
        return new InventorySpan(location, config, status, ability, locked);
    }

    @Override
    public String toString() {
        return location + " circuit " + config.circuitId();
    }
}
