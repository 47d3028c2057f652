package org.stroom.ports.portmgr.capacity.check;

/**
 * The customer's redundancy modes (functional specification "Stream System Backup/Recovery"), plus N+1.
 *
 * <p>Thread-safety: immutable.
 */
public enum RedundancyMode {
    /** One system, no redundancy: it must carry its own load. */
    MODE_0,
    /**
     * Two active systems with modules split between them: each must carry its own load plus the modules that
     * move to it when the other fails.
     */
    MODE_1,
    /** One active and one passive system: the passive must carry the active's load. */
    MODE_2,
    /** N active systems and one spare: the spare must carry any one of them. */
    N_PLUS_ONE
}
