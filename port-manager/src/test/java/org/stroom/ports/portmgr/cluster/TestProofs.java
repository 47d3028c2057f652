package org.stroom.ports.portmgr.cluster;

import static org.stroom.ports.portmgr.capacity.SystemBuilder.PRI_NI2;
import static org.stroom.ports.portmgr.capacity.SystemBuilder.pri;
import static org.stroom.ports.portmgr.capacity.SystemBuilder.system;

import java.time.Instant;
import java.time.InstantSource;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.stroom.ports.hal.api.PortKind;
import org.stroom.ports.portmgr.capacity.Grade;
import org.stroom.ports.portmgr.capacity.HoldingTime;
import org.stroom.ports.portmgr.capacity.HuntPool;
import org.stroom.ports.portmgr.capacity.InventorySystem;
import org.stroom.ports.portmgr.capacity.LoadProfile;
import org.stroom.ports.portmgr.capacity.Module;
import org.stroom.ports.portmgr.capacity.ModuleKind;
import org.stroom.ports.portmgr.capacity.PoolScope;
import org.stroom.ports.portmgr.capacity.PortAbility;
import org.stroom.ports.portmgr.capacity.check.RedundancyChecker;
import org.stroom.ports.portmgr.capacity.proof.ProofSigner;
import org.stroom.ports.portmgr.capacity.proof.TakeoverProof;
import org.stroom.ports.portmgr.capacity.proof.TakeoverProver;
import org.stroom.ports.t1.DidRange;

/** Real signed proofs of each grade, built once, and a small Mode 2 pair for end-to-end tests. */
final class TestProofs {
    static final Instant T0 = Instant.parse("2026-11-22T08:30:00Z");
    static final ProofSigner SIGNER = ProofSigner.generate();
    static final TakeoverProver PROVER = new TakeoverProver(new RedundancyChecker(), SIGNER, InstantSource.fixed(T0));

    private static final Map<Grade, TakeoverProof> BY_GRADE = new EnumMap<>(Grade.class);

    private TestProofs() {}

    static InventorySystem active() {
        return system("Active")
                .server("ACT")
                .board(0, 2, PortAbility.FAX_AND_VOICE)
                .span(pri("ACT-IN", "3125550100-3125550199"))
                .span(pri("ACT-OUT"))
                .build();
    }

    static InventorySystem passive() {
        return system("Passive")
                .server("PAS")
                .board(0, 2, PortAbility.FAX_AND_VOICE)
                .span(pri("PAS-OUT"))
                .spare(PRI_NI2)
                .build();
    }

    static LoadProfile load(double inboundCalls) {
        return new LoadProfile(
                "Active",
                List.of(
                        new HuntPool(
                                "inbound-fax",
                                PortKind.FAX,
                                PoolScope.dids(List.of(DidRange.parse("3125550100-3125550199")))),
                        new HuntPool("ivr", PortKind.VOICE, PoolScope.anySpan())),
                List.of(
                        Module.loss(
                                "inbound",
                                ModuleKind.INBOUND_FAX,
                                "inbound-fax",
                                inboundCalls,
                                HoldingTime.mean(90),
                                0.01),
                        Module.loss("ivr", ModuleKind.IVR_VOICE, "ivr", 100, HoldingTime.mean(120), 0.01)));
    }

    /** @return a proof of the grade: 300 inbound calls pass, 700 degrade, 900 fail */
    static synchronized TakeoverProof of(Grade grade) {
        return BY_GRADE.computeIfAbsent(grade, g -> {
            double calls = g == Grade.PASS ? 300 : g == Grade.DEGRADED ? 700 : 900;
            TakeoverProof p = PROVER.prove("test " + g, active(), load(calls), passive(), LoadProfile.empty("Passive"));
            if (p.grade() != g) {
                throw new IllegalStateException("fixture for " + g + " graded " + p.grade());
            }
            return p;
        });
    }
}
