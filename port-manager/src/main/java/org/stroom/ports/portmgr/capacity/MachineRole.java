package org.stroom.ports.portmgr.capacity;

/**
 * The role of a machine within a Stroom System.
 *
 * <p>Thread-safety: immutable.
 */
public enum MachineRole {
    /** The machine with all application software (and telephony boards); exactly one per system. */
    SERVER,
    /** A machine that only holds telephony boards for the Server. */
    NODE
}
