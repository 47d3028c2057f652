package org.stroom.ports.portmgr.cluster;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.stroom.ports.portmgr.capacity.InventorySystem;
import org.stroom.ports.portmgr.capacity.LoadProfile;
import org.stroom.ports.portmgr.capacity.Measurement;
import org.stroom.ports.portmgr.capacity.proof.TakeoverProof;
import org.stroom.ports.portmgr.capacity.proof.TakeoverProver;

/**
 * The standard {@link ProofSource}: a proof from the survivor's live inventory, the failed peer's configured load
 * and its last replicated measurements.
 *
 * <p>Thread-safety: as safe as the suppliers given; the monitor calls it from its own thread.
 */
public final class ProverProofSource implements ProofSource {
    private final TakeoverProver prover;
    private final InventorySystem peer;
    private final LoadProfile peerLoad;
    private final Supplier<List<Measurement>> measurements;
    private final Supplier<InventorySystem> survivor;
    private final LoadProfile survivorLoad;

    /**
     * @param prover builds and signs proofs
     * @param peer the peer's inventory as last known (its circuits and DIDs)
     * @param peerLoad the peer's configured load
     * @param measurements the peer's last replicated measurements, e.g. {@link MonitorDriver#lastMeasurements()}
     * @param survivor this system's live inventory
     * @param survivorLoad this system's own load (empty for a passive system)
     */
    public ProverProofSource(
            TakeoverProver prover,
            InventorySystem peer,
            LoadProfile peerLoad,
            Supplier<List<Measurement>> measurements,
            Supplier<InventorySystem> survivor,
            LoadProfile survivorLoad) {
        this.prover = Objects.requireNonNull(prover, "ProverProofSource: prover");
        this.peer = Objects.requireNonNull(peer, "ProverProofSource: peer");
        this.peerLoad = Objects.requireNonNull(peerLoad, "ProverProofSource: peerLoad");
        this.measurements = Objects.requireNonNull(measurements, "ProverProofSource: measurements");
        this.survivor = Objects.requireNonNull(survivor, "ProverProofSource: survivor");
        this.survivorLoad = Objects.requireNonNull(survivorLoad, "ProverProofSource: survivorLoad");
    }

    @Override
    public TakeoverProof prove(TakeoverCause cause, String detail) {
        return prover.prove(cause + ": " + detail, peer, peerLoad, measurements.get(), survivor.get(), survivorLoad);
    }
}
