package org.stroom.ports.hal.api;

import java.util.Objects;
import java.util.Set;

/**
 * An operation was asked of a channel in a state that does not allow it. The channel is unchanged.
 *
 * <p>Thread-safety: immutable.
 */
public class WrongStateException extends HalException {
    private static final long serialVersionUID = 1L;

    private final ChannelId channel;
    private final ChannelState state;
    private final String operation;

    /**
     * @param channel the channel
     * @param state its current state
     * @param operation what was asked, e.g. {@code "answer"}
     * @param allowed states in which the operation is allowed
     */
    public WrongStateException(ChannelId channel, ChannelState state, String operation, Set<ChannelState> allowed) {
        super("cannot " + operation + " on channel " + channel + ": it is " + state + "; " + operation
                + " is allowed only when " + allowed);
        this.channel = Objects.requireNonNull(channel, "channel");
        this.state = Objects.requireNonNull(state, "state");
        this.operation = Objects.requireNonNull(operation, "operation");
    }

    /** @return the channel */
    public ChannelId channel() {
        return channel;
    }

    /** @return the state the channel was in */
    public ChannelState state() {
        return state;
    }

    /** @return the refused operation */
    public String operation() {
        return operation;
    }
}
