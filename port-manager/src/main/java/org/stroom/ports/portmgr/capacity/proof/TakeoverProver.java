package org.stroom.ports.portmgr.capacity.proof;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.stroom.ports.portmgr.capacity.InventorySystem;
import org.stroom.ports.portmgr.capacity.LoadProfile;
import org.stroom.ports.portmgr.capacity.Measurement;
import org.stroom.ports.portmgr.capacity.Module;
import org.stroom.ports.portmgr.capacity.check.RedundancyChecker;
import org.stroom.ports.portmgr.capacity.check.TakeoverAnalysis;

/**
 * Builds signed takeover proofs: runs the takeover check on the survivor's live inventory and the failed
 * system's load, renders the result as canonical JSON and text, and signs the JSON.
 *
 * <p>Thread-safety: immutable; safe from any thread.
 */
public final class TakeoverProver {
    private final RedundancyChecker checker;
    private final ProofSigner signer;
    private final InstantSource clock;

    /**
     * @param checker runs the takeover analysis
     * @param signer signs proofs
     * @param clock wall clock for the proof's timestamp (injected: tests and simulations use a fixed one)
     */
    public TakeoverProver(RedundancyChecker checker, ProofSigner signer, InstantSource clock) {
        this.checker = Objects.requireNonNull(checker, "TakeoverProver: checker");
        this.signer = Objects.requireNonNull(signer, "TakeoverProver: signer");
        this.clock = Objects.requireNonNull(clock, "TakeoverProver: clock");
    }

    /** @return the signer's public key, for later verification */
    public java.security.PublicKey publicKey() {
        return signer.publicKey();
    }

    /**
     * @param cause why the takeover is considered (free text, part of the signed proof)
     * @param failed the failed system as last known
     * @param failedLoad its configured load
     * @param measurements its last replicated busy-hour measurements; they replace the configured figures of the
     *     modules they name (measurements of unknown modules are listed in the proof and otherwise ignored)
     * @param survivor the survivor's live inventory
     * @param survivorLoad the survivor's own load (empty for a passive system)
     * @return the signed proof
     */
    public TakeoverProof prove(
            String cause,
            InventorySystem failed,
            LoadProfile failedLoad,
            List<Measurement> measurements,
            InventorySystem survivor,
            LoadProfile survivorLoad) {
        Objects.requireNonNull(cause, "prove: cause");
        List<Measurement> known = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        for (Measurement m : measurements) {
            if (failedLoad.modules().stream().map(Module::name).anyMatch(m.module()::equals)) {
                known.add(m);
            } else {
                ignored.add(m.module());
            }
        }
        LoadProfile load = failedLoad.withMeasurements(known);
        TakeoverAnalysis analysis = checker.takeover(failed, load, survivor, survivorLoad);
        Instant now = clock.instant();
        String json = CanonicalJson.write(ProofDocument.tree(analysis, cause, now, ignored));
        String text = ProofDocument.text(analysis, cause, now, signer.keyId());
        byte[] sig = signer.sign(json.getBytes(StandardCharsets.UTF_8));
        return new TakeoverProof(analysis, cause, now, json, text, signer.keyId(), sig);
    }

    /**
     * A proof with the configured load only.
     *
     * @param cause why
     * @param failed the failed system
     * @param failedLoad its configured load
     * @param survivor the survivor
     * @param survivorLoad the survivor's own load
     * @return the signed proof
     */
    public TakeoverProof prove(
            String cause,
            InventorySystem failed,
            LoadProfile failedLoad,
            InventorySystem survivor,
            LoadProfile survivorLoad) {
        return prove(cause, failed, failedLoad, List.of(), survivor, survivorLoad);
    }
}
