package org.stroom.ports.portmgr.capacity.proof;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stroom.ports.portmgr.capacity.Grade;
import org.stroom.ports.portmgr.capacity.LoadProfile;
import org.stroom.ports.portmgr.capacity.Measurement;
import org.stroom.ports.portmgr.capacity.ModeTwoPair;
import org.stroom.ports.portmgr.capacity.TrafficSource;
import org.stroom.ports.portmgr.capacity.check.RedundancyChecker;

class TakeoverProofTest {
    private static final Instant T0 = Instant.parse("2026-11-22T08:30:00Z");
    private static final ProofSigner SIGNER = ProofSigner.generate();

    private final TakeoverProver prover = new TakeoverProver(new RedundancyChecker(), SIGNER, InstantSource.fixed(T0));

    private TakeoverProof prove(double inboundCalls) {
        return prover.prove(
                "15 consecutive missed heartbeats",
                ModeTwoPair.active(),
                ModeTwoPair.load(inboundCalls),
                ModeTwoPair.passive(),
                LoadProfile.empty("Passive"));
    }

    @Test
    void proofOfAPassingTakeoverVerifiesWithTheSignersKey() {
        TakeoverProof proof = prove(300);

        assertThat(proof.grade()).isEqualTo(Grade.PASS);
        assertThat(proof.verify(SIGNER.publicKey())).isTrue();
        assertThat(TakeoverProof.verifyEnvelope(proof.envelope(), SIGNER.publicKey()))
                .isTrue();
        assertThat(proof.keyId())
                .isEqualTo(ProofSigner.keyId(SIGNER.publicKey()))
                .hasSize(16);
        assertThat(proof.createdAt()).isEqualTo(T0);
    }

    @Test
    void anotherKeyOrAChangedByteFailsVerification() {
        TakeoverProof proof = prove(300);
        String envelope = proof.envelope();
        String tampered = envelope.replace("\"grade\":\"PASS\"", "\"grade\":\"FAIL\"");

        assertThat(tampered).isNotEqualTo(envelope);
        assertThat(TakeoverProof.verifyEnvelope(tampered, SIGNER.publicKey())).isFalse();
        assertThat(proof.verify(ProofSigner.generate().publicKey())).isFalse();
        assertThat(TakeoverProof.verifyEnvelope("{\"algorithm\":\"RSA\"}", SIGNER.publicKey()))
                .isFalse();
    }

    @Test
    void sameStateAndClockGiveTheSameCanonicalJson() {
        assertThat(prove(300).canonicalJson()).isEqualTo(prove(300).canonicalJson());
        assertThat(prove(300).canonicalJson()).isNotEqualTo(prove(301).canonicalJson());
    }

    @Test
    void proofCarriesInventoryLoadPlanMarginsAndVerdict() {
        TakeoverProof proof = prove(300);
        String json = proof.canonicalJson();

        assertThat(json)
                .startsWith("{\"cause\":\"15 consecutive missed heartbeats\",\"createdAt\":\"2026-11-22T08:30:00Z\"")
                .contains("\"format\":\"stroom-takeover-proof/1\"")
                .contains("\"circuit\":\"PAS-OUT\"")
                .contains("\"freePositions\":[{\"location\":\"PAS/b0/s2\",\"profile\":\"ESF/B8ZS/ISDN_PRI/NI2\"}]")
                .contains("\"moves\":[{\"circuit\":\"ACT-IN\",\"from\":\"ACT/b0/s1\",\"to\":\"PAS/b0/s2\"")
                .contains("\"margin\":")
                .contains("\"grade\":\"PASS\"");
        assertThat(proof.text())
                .contains("TAKEOVER PROOF: Passive takes over Active")
                .contains("VERDICT: PASS")
                .contains("move circuit ACT-IN from ACT/b0/s1 to PAS/b0/s2")
                .contains("FAX: required")
                .contains("Signed Ed25519, key " + proof.keyId());
    }

    @Test
    void replicatedMeasurementsReplaceConfiguredFigures() {
        TakeoverProof proof = prover.prove(
                "controlled shutdown",
                ModeTwoPair.active(),
                ModeTwoPair.load(300),
                List.of(new Measurement("inbound", 900, 90), new Measurement("retired-module", 5, 60)),
                ModeTwoPair.passive(),
                LoadProfile.empty("Passive"));

        assertThat(proof.analysis().load().modules())
                .filteredOn(m -> m.name().equals("Active:inbound"))
                .singleElement()
                .satisfies(m -> {
                    assertThat(m.busyHourAttempts()).isEqualTo(900);
                    assertThat(m.source()).isEqualTo(TrafficSource.MEASURED);
                });
        assertThat(proof.canonicalJson()).contains("\"ignoredMeasurements\":[\"retired-module\"]");
        assertThat(proof.grade()).isEqualTo(Grade.FAIL);
    }
}
