package org.stroom.ports.hal.api;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Call state of a DS0 channel. The allowed transitions are enforced in one place,
 * {@link ChannelStateMachine}.
 *
 * <pre>
 *            inbound                accept            answer
 *   IDLE ─────────────▶ OFFERED ─────────▶ ALERTING ─────────▶ CONNECTED
 *    │ ▲                  │  └──────── answer ──────────────────▲   │
 *    │ │  placeCall       ▼ reject / abandon                    │   │ hang up / far end
 *    │ │  ─────────▶ DIALLING ─ far end ringing ─▶ ALERTING ────┘   ▼
 *    │ └──────────────────────── release ───────────────────── DISCONNECTING
 *    ├──▶ OUT_OF_SERVICE (alarm, fault, lock) ──▶ IDLE
 *    └──▶ BLOCKED (administratively blocked) ──▶ IDLE
 * </pre>
 *
 * <p>Thread-safety: immutable.
 */
public enum ChannelState {
    /** Free: can receive an inbound call or place an outbound one. */
    IDLE,
    /** An inbound call is offered and waits for accept, answer or reject. */
    OFFERED,
    /** Ringing: inbound accepted (ringback to the caller) or outbound ringing at the far end. */
    ALERTING,
    /** Outbound call being set up. */
    DIALLING,
    /** Call answered; media may run. */
    CONNECTED,
    /** Call being cleared; returns to IDLE when released. */
    DISCONNECTING,
    /** Not usable: span alarm, board fault, D-channel down or stuck channel. */
    OUT_OF_SERVICE,
    /** Administratively blocked (maintenance). */
    BLOCKED;

    private static final Set<ChannelState> CLEARABLE =
            Collections.unmodifiableSet(EnumSet.of(OFFERED, ALERTING, DIALLING, CONNECTED));

    /** @return whether a call occupies the channel in this state */
    public boolean inCall() {
        return this == OFFERED || this == ALERTING || this == DIALLING || this == CONNECTED || this == DISCONNECTING;
    }

    /**
     * @return whether {@link HalBackend#hangUp} clears a call in this state: OFFERED, ALERTING, DIALLING or
     *     CONNECTED. A DISCONNECTING call is being cleared already, so a second hang-up is refused, as on a
     *     channel without a call.
     */
    public boolean clearable() {
        return CLEARABLE.contains(this);
    }

    /** @return the states {@link #clearable()} holds for (unmodifiable), for {@link ChannelStateMachine#require} */
    public static Set<ChannelState> clearableStates() {
        return CLEARABLE;
    }
}
