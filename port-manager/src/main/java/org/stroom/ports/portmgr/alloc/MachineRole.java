package org.stroom.ports.portmgr.alloc;

/**
 * The role of a machine in a Stroom System: exactly one Server and zero or more Nodes.
 *
 * <p>Thread-safety: immutable.
 */
public enum MachineRole {
    /** The machine with all application software (and possibly telephony boards). */
    SERVER,
    /** A machine that only holds telephony boards and drives them for the Server. */
    NODE
}
