package org.stroom.ports.portmgr.capacity.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;
import org.stroom.ports.portmgr.capacity.DegradedLimits;
import org.stroom.ports.portmgr.capacity.Grade;
import org.stroom.ports.portmgr.capacity.LoadProfile;
import org.stroom.ports.portmgr.capacity.ModeTwoPair;
import org.stroom.ports.portmgr.capacity.PortSizer;
import org.stroom.ports.portmgr.capacity.check.RedundancyChecker;

class PromotionPolicyTest {
    private static final Instant T0 = Instant.parse("2026-11-22T08:30:00Z");
    private final TakeoverProver prover = new TakeoverProver(
            new RedundancyChecker(new PortSizer(), DegradedLimits.defaults()),
            ProofSigner.generate(),
            InstantSource.fixed(T0));

    private TakeoverProof proofWith(double inboundCalls) {
        return prover.prove(
                "test",
                ModeTwoPair.active(),
                ModeTwoPair.load(inboundCalls),
                ModeTwoPair.passive(),
                LoadProfile.empty("Passive"));
    }

    /** 23 inbound ports: 300 calls of 90 s pass, 700 miss 1 % but stay under 5 %, 900 fail. */
    @Test
    void proofsUsedHereHaveTheIntendedGrades() {
        assertThat(proofWith(300).grade()).isEqualTo(Grade.PASS);
        assertThat(proofWith(700).grade()).isEqualTo(Grade.DEGRADED);
        assertThat(proofWith(900).grade()).isEqualTo(Grade.FAIL);
    }

    @Test
    void automaticPromotionHappensOnPassOnly() {
        PromotionPolicy strict = PromotionPolicy.strict();

        assertThat(strict.automatic(proofWith(300)).promote()).isTrue();
        assertThat(strict.automatic(proofWith(700)).promote()).isFalse();
        assertThat(strict.automatic(proofWith(900)).promote()).isFalse();
    }

    @Test
    void automaticPromotionAcceptsDegradedWhenThePolicyAllows() {
        PromotionPolicy lenient = new PromotionPolicy(true);

        assertThat(lenient.automatic(proofWith(700)).promote()).isTrue();
        assertThat(lenient.automatic(proofWith(900)).promote()).isFalse();
    }

    @Test
    void operatorCommandPromotesDegradedButFailNeedsAnOverrideThatIsRecorded() {
        PromotionPolicy strict = PromotionPolicy.strict();
        ManualOverride override = new ManualOverride("jsmith", "telco confirmed rollover of remaining DIDs", T0);

        PromotionDecision degraded = strict.manual(proofWith(700), null);
        PromotionDecision refused = strict.manual(proofWith(900), null);
        PromotionDecision overridden = strict.manual(proofWith(900), override);

        assertThat(degraded.promote()).isTrue();
        assertThat(degraded.overridden()).isFalse();
        assertThat(refused.promote()).isFalse();
        assertThat(refused.reason()).contains("needs an override");
        assertThat(overridden.promote()).isTrue();
        assertThat(overridden.override()).contains(override);
        assertThat(overridden.reason()).contains("jsmith").contains("telco confirmed");
    }

    @Test
    void overrideMustSayWhoAndWhy() {
        assertThatThrownBy(() -> new ManualOverride(" ", "why", T0)).hasMessageContaining("operator is blank");
        assertThatThrownBy(() -> new ManualOverride("jsmith", "", T0)).hasMessageContaining("reason is blank");
    }
}
