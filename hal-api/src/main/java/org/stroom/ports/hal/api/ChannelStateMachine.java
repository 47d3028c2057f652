package org.stroom.ports.hal.api;

import static org.stroom.ports.hal.api.ChannelState.ALERTING;
import static org.stroom.ports.hal.api.ChannelState.BLOCKED;
import static org.stroom.ports.hal.api.ChannelState.CONNECTED;
import static org.stroom.ports.hal.api.ChannelState.DIALLING;
import static org.stroom.ports.hal.api.ChannelState.DISCONNECTING;
import static org.stroom.ports.hal.api.ChannelState.IDLE;
import static org.stroom.ports.hal.api.ChannelState.OFFERED;
import static org.stroom.ports.hal.api.ChannelState.OUT_OF_SERVICE;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The one place where channel state transitions are checked. Every backend keeps one per channel
 * and moves it only through {@link #transition}; operations check their precondition with
 * {@link #require}. The last {@value #HISTORY} transitions can be read back.
 *
 * <p>Thread-safety: not thread-safe; the owning backend confines each instance to one thread or
 * guards it with the channel's lock.
 */
public final class ChannelStateMachine {
    /** Transitions kept in the history. */
    public static final int HISTORY = 64;

    private static final Map<ChannelState, Set<ChannelState>> ALLOWED = new EnumMap<>(ChannelState.class);

    static {
        ALLOWED.put(IDLE, EnumSet.of(OFFERED, DIALLING, OUT_OF_SERVICE, BLOCKED));
        ALLOWED.put(OFFERED, EnumSet.of(ALERTING, CONNECTED, DISCONNECTING, OUT_OF_SERVICE));
        ALLOWED.put(ALERTING, EnumSet.of(CONNECTED, DISCONNECTING, OUT_OF_SERVICE));
        ALLOWED.put(DIALLING, EnumSet.of(ALERTING, CONNECTED, DISCONNECTING, OUT_OF_SERVICE));
        ALLOWED.put(CONNECTED, EnumSet.of(DISCONNECTING, OUT_OF_SERVICE));
        ALLOWED.put(DISCONNECTING, EnumSet.of(IDLE, OUT_OF_SERVICE));
        ALLOWED.put(OUT_OF_SERVICE, EnumSet.of(IDLE, BLOCKED));
        ALLOWED.put(BLOCKED, EnumSet.of(IDLE, OUT_OF_SERVICE));
    }

    private final ChannelId channel;
    private ChannelState state;
    private final ArrayDeque<StateChange> history = new ArrayDeque<>();

    /**
     * @param channel the channel
     * @param initial the starting state (IDLE, or OUT_OF_SERVICE for a span that is not up yet)
     */
    public ChannelStateMachine(ChannelId channel, ChannelState initial) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.state = Objects.requireNonNull(initial, "initial");
    }

    /** @return whether {@code from → to} is a legal transition */
    public static boolean allowed(ChannelState from, ChannelState to) {
        return ALLOWED.get(from).contains(to);
    }

    /** @return the current state */
    public ChannelState state() {
        return state;
    }

    /**
     * Checks an operation's precondition without changing anything.
     *
     * @param operation what is asked, used in the error
     * @param allowedStates the states that allow it
     * @throws WrongStateException when the current state is not among them
     */
    public void require(String operation, Set<ChannelState> allowedStates) {
        if (!allowedStates.contains(state)) {
            throw new WrongStateException(channel, state, operation, allowedStates);
        }
    }

    /**
     * Moves to {@code to}.
     *
     * @param to the new state
     * @param atNanos backend clock time
     * @param reason cause, recorded in the history
     * @throws IllegalStateException when the transition is not in the table: a backend bug, not a
     *     caller error
     */
    public void transition(ChannelState to, long atNanos, String reason) {
        if (!allowed(state, to)) {
            throw new IllegalStateException(
                    "illegal channel transition " + state + " -> " + to + " on " + channel + " (" + reason + ")");
        }
        if (history.size() == HISTORY) {
            history.removeFirst();
        }
        history.addLast(new StateChange(state, to, atNanos, reason));
        state = to;
    }

    /** @return the last transitions, oldest first; a copy */
    public List<StateChange> history() {
        return new ArrayList<>(history);
    }
}
