package org.stroom.ports.hal.brooktrout.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.stroom.ports.hal.brooktrout.config.SpanImport.ImportedSpan;
import org.stroom.ports.t1.CircuitId;
import org.stroom.ports.t1.Framing;
import org.stroom.ports.t1.LineBuildOut;
import org.stroom.ports.t1.LineCoding;
import org.stroom.ports.t1.PriSwitch;
import org.stroom.ports.t1.Signalling;
import org.stroom.ports.t1.SpanConfig;
import org.stroom.ports.t1.SpanConfigValidator;

class ConfigRoundTripProperties {

    private static final Map<String, List<String>> BTCALL_VALUES = Map.of(
            "country_code", List.of("0810", "0812", "0001"),
            "ecm_enable", List.of("0", "1", "2"),
            "t4_recv_timer", List.of("3000", "6000", "15000"),
            "eff_pt_caps", List.of("0x0", "1F"),
            "debug_output", List.of("disabled", "stdout"));

    @Property(tries = 200)
    void btcallSettingsSurviveTextRoundTrip(@ForAll("btcall") List<Setting> settings) {
        BtcallConfig cfg = new BtcallConfig("btcall.cfg", settings);
        BtcallConfig back = BrooktroutConfigParser.parseBtcall("btcall.cfg", cfg.toText());
        assertThat(back.settings().stream().map(s -> s.keyword() + "=" + s.value()))
                .containsExactlyElementsOf(settings.stream()
                        .map(s -> s.keyword() + "=" + s.value())
                        .collect(Collectors.toList()));
    }

    @Provide
    Arbitrary<List<Setting>> btcall() {
        return Arbitraries.subsetOf(BTCALL_VALUES.keySet()).flatMap(keys -> {
            List<Arbitrary<Setting>> each = new ArrayList<>();
            for (String k : keys) {
                each.add(Arbitraries.of(BTCALL_VALUES.get(k)).map(v -> new Setting(k, v, 0)));
            }
            return Combinators.combine(each).as(list -> list);
        });
    }

    @Property(tries = 200)
    void validSpansSurviveExportAndReimport(@ForAll("spans") List<ImportedSpan> spans) {
        String text = SpanImport.toCallControl("x.cfg", spans).toText();
        assertThat(SpanImport.toSpans(BrooktroutConfigParser.parseCallControl("x.cfg", text)))
                .isEqualTo(spans);
    }

    @Provide
    Arbitrary<List<ImportedSpan>> spans() {
        return Arbitraries.integers().between(1, 4).flatMap(n -> {
            List<Arbitrary<ImportedSpan>> each = new ArrayList<>();
            for (int port = 1; port <= n; port++) {
                each.add(span(port));
            }
            return Combinators.combine(each).as(list -> list);
        });
    }

    private static Arbitrary<ImportedSpan> span(int port) {
        Arbitrary<Signalling> sig = Arbitraries.of(Signalling.class);
        return sig.flatMap(s -> {
            boolean pri = s == Signalling.ISDN_PRI;
            int bearer = pri ? 23 : 24;
            return Combinators.combine(
                            pri ? Arbitraries.just(Framing.ESF) : Arbitraries.of(Framing.class),
                            pri ? Arbitraries.just(LineCoding.B8ZS) : Arbitraries.of(LineCoding.class),
                            pri ? Arbitraries.of(PriSwitch.class) : Arbitraries.just((PriSwitch) null),
                            Arbitraries.of(LineBuildOut.class),
                            Arbitraries.integers().between(1, bearer))
                    .as((framing, coding, sw, lbo, channels) -> {
                        List<Integer> unprovisioned = new ArrayList<>();
                        for (int t = channels + 1; t <= bearer; t++) {
                            unprovisioned.add(t);
                        }
                        SpanConfig c = new SpanConfig(
                                new CircuitId("C" + port),
                                framing,
                                coding,
                                s.mode(),
                                s,
                                sw,
                                port == 1 ? 1 : 0,
                                lbo,
                                List.of(),
                                unprovisioned);
                        assertThat(SpanConfigValidator.validate(c, "gen").isValid())
                                .as("generator makes valid spans: %s", c)
                                .isTrue();
                        return new ImportedSpan(new SectionName(SectionName.Type.PORT, 2, port), c);
                    });
        });
    }
}
