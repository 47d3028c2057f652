package org.stroom.ports.portmgr.alloc;

/**
 * Why a request was not granted. An expected outcome, reported in {@link Result.Rejected}, never thrown.
 *
 * <p>Thread-safety: immutable.
 */
public enum RejectReason {
    /** Every candidate channel is busy, locked for maintenance or out of service. */
    NO_CAPACITY,
    /** The request names a hunt group that is not defined. */
    GROUP_UNKNOWN,
    /** Every candidate channel that is not on a down machine is on a span in alarm, with its D-channel down or on a faulted board. */
    ALL_IN_ALARM,
    /** Every candidate channel is on a machine that is down. */
    NODE_DOWN,
    /** Granting would leave fewer free ports of a kind than another priority class has reserved. */
    RESERVED_FOR_OTHERS,
    /**
     * The event core could not accept the request (ring full). Produced by the core, never by
     * {@link PortManagerState}.
     */
    OVERLOADED,
    /** Release or renew of a lease that does not exist (never granted, released or expired). */
    LEASE_UNKNOWN,
    /** The request is inconsistent with the inventory: wrong kind for the group, unknown affinity target. */
    INVALID_REQUEST
}
