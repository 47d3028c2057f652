package org.stroom.ports.portmgr.alloc;

/**
 * Why a lease ended without its holder releasing it.
 *
 * <p>Thread-safety: immutable.
 */
public enum EndCause {
    /** Not renewed before its expiry and not tied to a live call. */
    EXPIRED,
    /** Its machine went down (declared, or heartbeats stopped); its calls are gone. */
    MACHINE_DOWN,
    /** Its span was removed or moved to another machine. */
    SPAN_REMOVED,
    /** An inbound call was offered on the channel leased for an outbound call (glare); the network won. */
    GLARE
}
