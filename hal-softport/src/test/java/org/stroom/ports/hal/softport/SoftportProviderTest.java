package org.stroom.ports.hal.softport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stroom.ports.hal.api.BoardInfo;
import org.stroom.ports.hal.api.Hal;
import org.stroom.ports.hal.api.HalBackend;
import org.stroom.ports.hal.api.HalException;
import org.stroom.ports.hal.api.SpanInfo;
import org.stroom.ports.hal.api.spi.Availability;
import org.stroom.ports.hal.api.spi.BackendOptions;
import org.stroom.ports.hal.api.spi.BackendProvider;
import org.stroom.ports.t1.SpanConfig;

class SoftportProviderTest {
    private final VirtualClock clock = new VirtualClock();

    private BackendOptions options(Map<String, String> props) {
        return new BackendOptions(props, clock, "node2");
    }

    @Test
    void isFoundByServiceLoaderAsASimulatedLowPriorityBackend() {
        BackendProvider p = Hal.providers().stream()
                .filter(x -> x.id().equals("softport"))
                .findFirst()
                .orElseThrow();
        assertThat(p).isInstanceOf(SoftportProvider.class);
        assertThat(p.simulated()).isTrue();
        assertThat(p.priority()).isZero();
    }

    @Test
    void isChosenOnlyWhenSimulatedBackendsAreAllowed() {
        BackendOptions o = options(Map.of());
        assertThat(Hal.choose(Hal.Selection.best(true, o), Hal.providers()).id())
                .isIn("softport", "brooktrout", "dialogic");
        assertThatThrownBy(() -> Hal.choose(Hal.Selection.best(false, o), java.util.List.of(new SoftportProvider())))
                .hasMessageContaining("simulated");
    }

    @Test
    void opensTheNamedBoardsWithGeneratedPriSpansOnTheOptionsVirtualClock() {
        try (HalBackend b = new SoftportProvider()
                .open(options(
                        Map.of("softport.boards", "TR1034_4T1, d480jct_2t1", "softport.didBase", "2125550000")))) {
            assertThat(b.boards()).extracting(BoardInfo::model).containsExactly("TR1034-4T1", "D/480JCT-2T1");
            assertThat(b.spans()).hasSize(6).allSatisfy(s -> assertThat(s.usable())
                    .isTrue());
            SpanConfig last = b.spans().get(5).config().orElseThrow();
            assertThat(last.circuitId().value()).isEqualTo("SOFT-node2-B1-S2");
            assertThat(last.didRanges().get(0).first()).isEqualTo("2125550500");
            assertThat(b.channels()).hasSize(6 * 23);
            assertThat(((SoftBackend) b).clock()).isSameAs(clock);

            SoftBackend soft = (SoftBackend) b;
            soft.farEnd(b.spans().get(0).location()).offerCallToDid("2125550042", "");
            clock.advance(Duration.ofSeconds(1));
            assertThat(b.channels().stream().filter(c -> c.call().isPresent())).hasSize(1);
        }
    }

    @Test
    void badOptionsMakeItUnavailableWithTheReasonAndOpenFailsClearly() {
        BackendOptions bad = options(Map.of("softport.boards", "TR1034_4T1,PC_FAX_9000"));
        Availability a = new SoftportProvider().probe(bad);
        assertThat(a).isInstanceOfSatisfying(Availability.Unavailable.class, u -> assertThat(u.reason())
                .contains("PC_FAX_9000")
                .contains("TR1034_1T1"));
        assertThatThrownBy(() -> new SoftportProvider().open(bad))
                .isInstanceOf(HalException.class)
                .hasMessageContaining("softport.boards");
        assertThat(new SoftportProvider()
                        .probe(options(Map.of("softport.didBase", "12")))
                        .isAvailable())
                .isFalse();
        assertThat(new SoftportProvider().probe(options(Map.of()))).isEqualTo(Availability.available());
    }

    @Test
    void withoutASchedulerInTheOptionsItRunsOnItsOwnRealTimeClock() {
        try (HalBackend b = new SoftportProvider().open(BackendOptions.defaults())) {
            assertThat(((SoftBackend) b).clock()).isInstanceOf(RealTimeClock.class);
            assertThat(b.spans()).extracting(SpanInfo::usable).containsOnly(true);
        }
    }
}
