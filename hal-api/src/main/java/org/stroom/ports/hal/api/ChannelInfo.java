package org.stroom.ports.hal.api;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A channel's capability and state at one moment.
 *
 * @param id the channel
 * @param kinds what the channel can be used for (FAX, VOICE or both); empty for a D-channel
 * @param state the call state
 * @param call the call on the channel, if any
 *     <p>Thread-safety: immutable.
 */
public record ChannelInfo(ChannelId id, Set<PortKind> kinds, ChannelState state, Optional<CallId> call) {
    /** Copies the set. */
    public ChannelInfo {
        Objects.requireNonNull(id, "id");
        kinds = kinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(kinds));
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(call, "call");
    }
}
