package org.stroom.ports.portmgr.cluster;

import org.stroom.ports.portmgr.capacity.proof.TakeoverProof;

/**
 * Builds a takeover proof from this system's live state at the moment it is asked.
 *
 * <p>Thread-safety: called on the monitor's thread only.
 */
@FunctionalInterface
public interface ProofSource {
    /**
     * @param cause why
     * @param detail details for the proof, e.g. {@code "15 consecutive missed heartbeats: no reply within 1000 ms"}
     * @return the signed proof; never null
     */
    TakeoverProof prove(TakeoverCause cause, String detail);
}
