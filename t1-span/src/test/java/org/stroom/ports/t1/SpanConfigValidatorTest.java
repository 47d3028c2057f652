package org.stroom.ports.t1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpanConfigValidatorTest {
    private static final CircuitId C1 = new CircuitId("DHEC.100001..SW");
    private static final CircuitId C2 = new CircuitId("DHEC.100002..SW");

    private static SpanConfig pri() {
        return SpanConfig.pri(C1, PriSwitch.NI2, 1, List.of(DidRange.parse("3125550100-3125550199")));
    }

    private static SpanConfig with(
            SpanConfig s, Framing f, LineCoding c, SignallingMode m, Signalling sig, PriSwitch sw, List<Integer> ts) {
        return new SpanConfig(s.circuitId(), f, c, m, sig, sw, s.clockPriority(), s.lineBuildOut(), s.didRanges(), ts);
    }

    private static Violation only(ValidationReport r) {
        assertThat(r.violations()).hasSize(1);
        return r.violations().get(0);
    }

    @Test
    void acceptsStandardPriAndCasSpans() {
        assertThat(SpanConfigValidator.validate(pri(), "span").isValid()).isTrue();
        SpanConfig cas = SpanConfig.cas(C2, Signalling.EM_WINK_START, 0, List.of());
        assertThat(SpanConfigValidator.validate(cas, "span").isValid()).isTrue();
        assertThat(cas.layout().bearerCount()).isEqualTo(24);
        assertThat(pri().layout().bearerCount()).isEqualTo(23);
        assertThat(pri().layout().dChannel()).hasValue(24);
    }

    @Test
    void rejectsPriOnD4Framing() {
        SpanConfig s = with(
                pri(), Framing.D4, LineCoding.B8ZS, SignallingMode.CCS, Signalling.ISDN_PRI, PriSwitch.NI2, List.of());
        Violation v = only(SpanConfigValidator.validate(s, "spans[0]"));
        assertThat(v.field()).isEqualTo("spans[0].framing");
        assertThat(v.rule()).isEqualTo("pri-needs-esf");
        assertThat(v.message())
                .isEqualTo("spans[0].framing: ISDN PRI is declared on D4 framing; PRI runs only on ESF. "
                        + "Fix: set framing to ESF (ask the carrier if the circuit was ordered as D4) [pri-needs-esf]");
    }

    @Test
    void rejectsPriWithAmiCoding() {
        SpanConfig s = with(
                pri(), Framing.ESF, LineCoding.AMI, SignallingMode.CCS, Signalling.ISDN_PRI, PriSwitch.NI2, List.of());
        Violation v = only(SpanConfigValidator.validate(s, "s"));
        assertThat(v.rule()).isEqualTo("pri-needs-b8zs");
        assertThat(v.field()).isEqualTo("s.lineCoding");
        assertThat(v.problem()).contains("AMI").contains("B8ZS");
    }

    @Test
    void rejectsCasSignallingDeclaredOnCcsSpan() {
        SpanConfig s =
                with(pri(), Framing.ESF, LineCoding.B8ZS, SignallingMode.CCS, Signalling.LOOP_START, null, List.of());
        Violation v = only(SpanConfigValidator.validate(s, "s"));
        assertThat(v.rule()).isEqualTo("signalling-mode-mismatch");
        assertThat(v.problem()).isEqualTo("CAS signalling LOOP_START is declared on a CCS span");
        assertThat(v.fix()).contains("set signallingMode to CAS");
    }

    @Test
    void rejectsPriDeclaredOnCasSpan() {
        SpanConfig s = with(
                pri(), Framing.ESF, LineCoding.B8ZS, SignallingMode.CAS, Signalling.ISDN_PRI, PriSwitch.NI2, List.of());
        Violation v = only(SpanConfigValidator.validate(s, "s"));
        assertThat(v.rule()).isEqualTo("signalling-mode-mismatch");
        assertThat(v.problem()).isEqualTo("CCS signalling ISDN_PRI is declared on a CAS span");
    }

    @Test
    void rejectsPriWithoutSwitchVariantAndSwitchOnCas() {
        SpanConfig noSwitch =
                with(pri(), Framing.ESF, LineCoding.B8ZS, SignallingMode.CCS, Signalling.ISDN_PRI, null, List.of());
        assertThat(only(SpanConfigValidator.validate(noSwitch, "s")).rule()).isEqualTo("pri-switch-missing");
        SpanConfig casSwitch = with(
                pri(),
                Framing.ESF,
                LineCoding.B8ZS,
                SignallingMode.CAS,
                Signalling.GROUND_START,
                PriSwitch.DMS100,
                List.of());
        Violation v = only(SpanConfigValidator.validate(casSwitch, "s"));
        assertThat(v.rule()).isEqualTo("switch-on-cas");
        assertThat(v.field()).isEqualTo("s.priSwitch");
    }

    @Test
    void rejectsClockPriorityOutOfRange() {
        Violation v = only(SpanConfigValidator.validate(pri().withClockPriority(9), "s"));
        assertThat(v.rule()).isEqualTo("clock-priority-range");
        assertThat(v.problem()).isEqualTo("clock priority 9 is outside 0..8");
        assertThat(only(SpanConfigValidator.validate(pri().withClockPriority(-1), "s"))
                        .rule())
                .isEqualTo("clock-priority-range");
    }

    @Test
    void rejectsDuplicateNonZeroClockPriorityWithinOneBoard() {
        SpanConfig a = pri();
        SpanConfig b = SpanConfig.cas(C2, Signalling.EM_WINK_START, 1, List.of());
        ValidationReport r = SpanConfigValidator.validateBoard(List.of(a, b), "boards[0]");
        Violation v = only(r);
        assertThat(v.field()).isEqualTo("boards[0].spans[1].clockPriority");
        assertThat(v.problem()).isEqualTo("clock priority 1 is also used by boards[0].spans[0] on the same board");
        // priority 0 (never a clock source) may repeat
        ValidationReport zeros =
                SpanConfigValidator.validateBoard(List.of(a.withClockPriority(0), b.withClockPriority(0)), "boards[0]");
        assertThat(zeros.isValid()).isTrue();
    }

    @Test
    void rejectsOverlappingDidRangesWithinAndAcrossSpans() {
        SpanConfig a = SpanConfig.pri(
                C1,
                PriSwitch.NI2,
                0,
                List.of(DidRange.parse("3125550100-3125550199"), DidRange.parse("3125550150-3125550160")));
        Violation v = only(SpanConfigValidator.validate(a, "s"));
        assertThat(v.rule()).isEqualTo("did-overlap");
        assertThat(v.problem())
                .isEqualTo("DID range 3125550150-3125550160 overlaps 3125550100-3125550199 at s.didRanges[0]");

        SpanConfig b =
                SpanConfig.pri(new CircuitId("X1"), PriSwitch.NI2, 0, List.of(DidRange.parse("3125550100-3125550109")));
        SpanConfig c =
                SpanConfig.pri(new CircuitId("X2"), PriSwitch.NI2, 0, List.of(DidRange.parse("3125550109-3125550120")));
        Violation across = only(SpanConfigValidator.validateAcrossSpans(List.of(b, c), List.of("a", "b")));
        assertThat(across.field()).isEqualTo("b.didRanges[0]");
        assertThat(across.rule()).isEqualTo("did-overlap");
    }

    @Test
    void rejectsDuplicateCircuitIds() {
        Violation v = only(SpanConfigValidator.validateAcrossSpans(
                List.of(pri(), SpanConfig.cas(C1, Signalling.LOOP_START, 0, List.of())), List.of("a", "b")));
        assertThat(v.rule()).isEqualTo("circuit-duplicate");
        assertThat(v.problem()).isEqualTo("circuit id DHEC.100001..SW is also used by a");
    }

    @Test
    void rejectsDs0IndexOutOfRangeDChannelAndDuplicates() {
        SpanConfig s = with(
                pri(),
                Framing.ESF,
                LineCoding.B8ZS,
                SignallingMode.CCS,
                Signalling.ISDN_PRI,
                PriSwitch.NI2,
                Arrays.asList(0, 25, 24, 3, 3, null));
        ValidationReport r = SpanConfigValidator.validate(s, "s");
        assertThat(r.violations())
                .extracting(Violation::rule)
                .containsExactly("ds0-range", "ds0-range", "ds0-d-channel", "ds0-duplicate", "ds0-range");
        assertThat(r.violations().get(0).message())
                .isEqualTo(
                        "s.unprovisionedTimeslots[0]: DS0 index 0 is outside 1..24. Fix: use a timeslot number from 1 to 24 [ds0-range]");
        assertThat(s.layout().bearerCount()).isEqualTo(22);
    }

    @Test
    void rejectsSpanWithNoBearerLeft() {
        List<Integer> all = new java.util.ArrayList<>();
        for (int i = 1; i <= 24; i++) {
            all.add(i);
        }
        SpanConfig s = SpanConfig.cas(C2, Signalling.LOOP_START, 0, List.of());
        SpanConfig none = new SpanConfig(
                s.circuitId(),
                s.framing(),
                s.lineCoding(),
                s.signallingMode(),
                s.signalling(),
                null,
                0,
                s.lineBuildOut(),
                List.of(),
                all);
        assertThat(only(SpanConfigValidator.validate(none, "s")).rule()).isEqualTo("ds0-none");
    }

    @Test
    void reportsEveryMissingFieldAtOnce() {
        SpanConfig empty = new SpanConfig(null, null, null, null, null, null, 0, null, null, null);
        ValidationReport r = SpanConfigValidator.validate(empty, "spans[4]");
        assertThat(r.violations())
                .extracting(Violation::field)
                .containsExactly(
                        "spans[4].circuitId",
                        "spans[4].framing",
                        "spans[4].lineCoding",
                        "spans[4].signallingMode",
                        "spans[4].signalling",
                        "spans[4].lineBuildOut");
        assertThat(r.violations()).allMatch(v -> v.rule().equals("missing"));
        assertThat(SpanConfigValidator.validate(null, "x").violations()).hasSize(1);
    }

    @Test
    void reportsAllRulesOfOneInputTogether() {
        SpanConfig bad = with(
                pri().withClockPriority(12),
                Framing.D4,
                LineCoding.AMI,
                SignallingMode.CCS,
                Signalling.ISDN_PRI,
                null,
                List.of(30));
        assertThat(SpanConfigValidator.validate(bad, "s").violations())
                .extracting(Violation::rule)
                .containsExactlyInAnyOrder(
                        "pri-needs-esf", "pri-needs-b8zs", "pri-switch-missing", "clock-priority-range", "ds0-range");
        assertThatThrownBy(bad::validated)
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageStartingWith("5 configuration rule(s) broken:")
                .hasMessageContaining("pri-needs-esf");
    }

    @Test
    void valueRecordsExplainBadInput() {
        assertThatThrownBy(() -> new CircuitId(" ")).hasMessageContaining("circuit id is blank");
        assertThatThrownBy(() -> DidRange.parse("312555+100")).hasMessageContaining("contains '+'");
        assertThatThrownBy(() -> DidRange.parse("200-100")).hasMessageContaining("write it as 100-200");
        assertThatThrownBy(() -> DidRange.parse("100-1000")).hasMessageContaining("same number of digits");
        assertThatThrownBy(() -> new SpanLocation("node1", 0, 5)).hasMessageContaining("port 5 is outside 1..4");
        assertThatThrownBy(() -> Ds0Layout.checkTimeslot(25)).hasMessageContaining("DS0 timeslot 25 is outside 1..24");
        assertThat(DidRange.parse("3125550100-3125550199").size()).isEqualTo(100);
        assertThat(DidRange.parse("3125550100").contains("3125550100")).isTrue();
    }
}
