package org.stroom.ports.t1;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ValidationProperties {

    @Provide
    Arbitrary<SpanConfig> anySpan() {
        Arbitrary<CircuitId> ids = Arbitraries.strings()
                .alpha()
                .ofMinLength(1)
                .ofMaxLength(8)
                .map(CircuitId::new)
                .injectNull(0.1);
        Arbitrary<DidRange> dids = Arbitraries.longs()
                .between(2000000000L, 2000000999L)
                .flatMap(a -> Arbitraries.longs()
                        .between(0, 200)
                        .map(n -> new DidRange(Long.toString(a), Long.toString(a + n))));
        Arbitrary<List<Integer>> ts =
                Arbitraries.integers().between(-2, 27).injectNull(0.05).list().ofMaxSize(26);
        return Combinators.combine(
                        ids,
                        Arbitraries.of(Framing.class).injectNull(0.1),
                        Arbitraries.of(LineCoding.class).injectNull(0.1),
                        Arbitraries.of(SignallingMode.class).injectNull(0.1),
                        Arbitraries.of(Signalling.class).injectNull(0.1),
                        Arbitraries.of(PriSwitch.class).injectNull(0.3),
                        Arbitraries.integers().between(-3, 12),
                        Arbitraries.of(LineBuildOut.class).injectNull(0.1))
                .flatAs((id, f, c, m, s, sw, p, lbo) -> Combinators.combine(
                                dids.list().ofMaxSize(4), ts)
                        .as((d, t) -> new SpanConfig(id, f, c, m, s, sw, p, lbo, d, t)));
    }

    @Property(tries = 500)
    void validationNeverThrowsOnArbitraryInput(@ForAll("anySpan") SpanConfig span) {
        ValidationReport r = SpanConfigValidator.validate(span, "s");
        assertThat(r.violations()).allSatisfy(v -> {
            assertThat(v.field()).startsWith("s");
            assertThat(v.problem()).isNotBlank();
            assertThat(v.fix()).isNotBlank();
        });
    }

    @Property(tries = 300)
    void boardValidationNeverThrows(@ForAll("anySpan") SpanConfig a, @ForAll("anySpan") SpanConfig b) {
        ValidationReport r = SpanConfigValidator.validateBoard(java.util.Arrays.asList(a, null, b), "board");
        assertThat(r.violations()).isNotNull();
    }

    @Property(tries = 300)
    void equalConfigurationsValidateEqually(@ForAll("anySpan") SpanConfig span) {
        SpanConfig copy = new SpanConfig(
                span.circuitId(),
                span.framing(),
                span.lineCoding(),
                span.signallingMode(),
                span.signalling(),
                span.priSwitch(),
                span.clockPriority(),
                span.lineBuildOut(),
                List.copyOf(span.didRanges()),
                new java.util.ArrayList<>(span.unprovisionedTimeslots()));
        assertThat(copy).isEqualTo(span);
        assertThat(SpanConfigValidator.validate(copy, "s")).isEqualTo(SpanConfigValidator.validate(span, "s"));
    }
}
