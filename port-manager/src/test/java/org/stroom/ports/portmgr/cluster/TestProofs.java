package org.stroom.ports.portmgr.cluster;

import java.time.Instant;
import java.time.InstantSource;
import java.util.EnumMap;
import java.util.Map;
import org.stroom.ports.portmgr.capacity.Grade;
import org.stroom.ports.portmgr.capacity.LoadProfile;
import org.stroom.ports.portmgr.capacity.ModeTwoPair;
import org.stroom.ports.portmgr.capacity.check.RedundancyChecker;
import org.stroom.ports.portmgr.capacity.proof.ProofSigner;
import org.stroom.ports.portmgr.capacity.proof.TakeoverProof;
import org.stroom.ports.portmgr.capacity.proof.TakeoverProver;

/** Real signed proofs of each grade, built once, and a small Mode 2 pair for end-to-end tests. */
final class TestProofs {
    static final Instant T0 = Instant.parse("2026-11-22T08:30:00Z");
    static final ProofSigner SIGNER = ProofSigner.generate();
    static final TakeoverProver PROVER = new TakeoverProver(new RedundancyChecker(), SIGNER, InstantSource.fixed(T0));

    private static final Map<Grade, TakeoverProof> BY_GRADE = new EnumMap<>(Grade.class);

    private TestProofs() {}

    /** @return a proof of the grade: 300 inbound calls pass, 700 degrade, 900 fail */
    static synchronized TakeoverProof of(Grade grade) {
        return BY_GRADE.computeIfAbsent(grade, g -> {
            double calls = g == Grade.PASS ? 300 : g == Grade.DEGRADED ? 700 : 900;
            TakeoverProof p = PROVER.prove(
                    "test " + g,
                    ModeTwoPair.active(),
                    ModeTwoPair.load(calls),
                    ModeTwoPair.passive(),
                    LoadProfile.empty("Passive"));
            if (p.grade() != g) {
                throw new IllegalStateException("fixture for " + g + " graded " + p.grade());
            }
            return p;
        });
    }
}
