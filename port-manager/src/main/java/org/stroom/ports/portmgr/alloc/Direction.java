package org.stroom.ports.portmgr.alloc;

/**
 * Which way a call on a port goes. A span is provisioned for inbound calls (DID trunks), outbound
 * calls, or both; an allocation names the direction it needs.
 *
 * <p>Thread-safety: immutable.
 */
public enum Direction {
    /** Calls arriving from the network (inbound fax, IVR). */
    IN,
    /** Calls we place (outbound fax jobs, alert broadcasts). */
    OUT
}
