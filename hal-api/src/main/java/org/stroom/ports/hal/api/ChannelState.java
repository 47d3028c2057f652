package org.stroom.ports.hal.api;

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

    /** @return whether a call occupies the channel in this state */
    public boolean inCall() {
        return this == OFFERED || this == ALERTING || this == DIALLING || this == CONNECTED || this == DISCONNECTING;
    }
}
