package org.stroom.ports.portmgr.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stroom.ports.hal.api.FaxModulation;
import org.stroom.ports.hal.api.FaxTiming;
import org.stroom.ports.hal.api.PortKind;
import org.stroom.ports.t1.DidRange;

class LoadModelTest {
    private static final HuntPool FAX = new HuntPool("fax", PortKind.FAX, PoolScope.anySpan());

    @Test
    void faxHoldingTimeAddsCallSetUpAndTheT30SessionAtTheNegotiatedSpeed() {
        HoldingTime.FaxPages v17 = new HoldingTime.FaxPages(2, FaxModulation.V17, 240, 20);
        HoldingTime.FaxPages v34 = new HoldingTime.FaxPages(2, FaxModulation.V34, 240, 20);

        // 20 call set-up + 3 answer tone + pre-message + 2 × (240 kbit at the top rate + post-page) + 1 post-message;
        // the session times page data in whole nanoseconds, hence the tolerance.
        assertThat(v17.seconds()).isCloseTo(20 + 3 + 12 + 2 * (240_000 / 14_400.0 + 4) + 1, within(1e-8));
        assertThat(v34.seconds()).isCloseTo(20 + 3 + 6 + 2 * (240_000 / 33_600.0 + 1) + 1, within(1e-8));
        assertThat(HoldingTime.FaxPages.typical(1, FaxModulation.V29).seconds())
                .isCloseTo(3 + 12 + (200_000 / 9_600.0 + 4) + 1, within(1e-8));
    }

    @Test
    void typicalFaxHoldingTimeIsTheSimulatorsSessionForWholePageCounts() {
        assertThat(HoldingTime.FaxPages.TYPICAL_KILOBITS_PER_PAGE).isEqualTo(200.0);
        for (FaxModulation m : FaxModulation.values()) {
            for (int pages = 1; pages <= 5; pages++) {
                assertThat(HoldingTime.FaxPages.typical(pages, m).seconds())
                        .as("%s, %d pages", m, pages)
                        .isEqualTo(FaxTiming.DEFAULT.session(m, pages).toNanos() / 1e9);
            }
        }
    }

    @Test
    void typicalFaxHoldingTimeInterpolatesFractionalPageCounts() {
        for (FaxModulation m : FaxModulation.values()) {
            double two = FaxTiming.DEFAULT.session(m, 2).toNanos() / 1e9;
            double three = FaxTiming.DEFAULT.session(m, 3).toNanos() / 1e9;

            assertThat(HoldingTime.FaxPages.typical(2.5, m).seconds()).isCloseTo((two + three) / 2, within(1e-9));
            assertThat(HoldingTime.FaxPages.typical(2.75, m).seconds())
                    .isCloseTo(two + 0.75 * (three - two), within(1e-9));
        }
    }

    @Test
    void faxHoldingTimeRejectsPagesTooSmallToTimeAndNegativeSetUp() {
        assertThatThrownBy(() -> new HoldingTime.FaxPages(1, FaxModulation.V17, 0.001, 0))
                .hasMessageContaining("kilobitsPerPage = 0.001 must be between 0.008 (one byte)");
        assertThatThrownBy(() -> new HoldingTime.FaxPages(0, FaxModulation.V17, 200, 0))
                .hasMessageContaining("meanPages = 0.0 must be finite and > 0");
        assertThatThrownBy(() -> new HoldingTime.FaxPages(1, FaxModulation.V17, 200, -1))
                .hasMessageContaining("callSetupSeconds = -1.0");
    }

    @Test
    void offeredTrafficIsAttemptsTimesHoldingOverAnHour() {
        Module m = Module.loss("m", ModuleKind.IVR_VOICE, "voice", 120, HoldingTime.mean(90), 0.01);

        assertThat(m.offeredErlangs()).isCloseTo(3.0, within(1e-12));
        assertThat(m.portKind()).isEqualTo(PortKind.VOICE);
    }

    @Test
    void moduleRejectsRetriesOrSourcesOnAQueueAndTooFewSources() {
        Module queued = Module.queued(
                "out", ModuleKind.OUTBOUND_FAX, "fax", 100, HoldingTime.mean(60), new Target.ServiceLevel(0.9, 60));
        Module loss = Module.loss("ivr", ModuleKind.IVR_VOICE, "voice", 100, HoldingTime.mean(72), 0.01);

        assertThatThrownBy(() -> queued.withRetryFraction(0.3))
                .hasMessageContaining("queued calls wait rather than retry");
        assertThatThrownBy(() -> queued.withSources(10)).hasMessageContaining("needs a blocking target");
        assertThatThrownBy(() -> loss.withSources(2)).hasMessageContaining("offers 2.0 E from 2 sources");
        assertThatThrownBy(() -> Module.loss("x", ModuleKind.IVR_VOICE, "v", -1, HoldingTime.mean(1), 0.01))
                .hasMessageContaining("busyHourAttempts = -1.0");
        assertThatThrownBy(() -> HoldingTime.mean(0)).hasMessageContaining("must be finite and > 0");
        assertThatThrownBy(() -> Target.blocking(1.0)).hasMessageContaining("outside (0, 1)");
    }

    @Test
    void profileChecksPoolsAndKinds() {
        Module voice = Module.loss("ivr", ModuleKind.IVR_VOICE, "fax", 10, HoldingTime.mean(60), 0.01);
        Module nowhere = Module.loss("in", ModuleKind.INBOUND_FAX, "inbound", 10, HoldingTime.mean(60), 0.01);
        Module lossFax = Module.loss("a", ModuleKind.CUSTOM_FAX, "fax", 10, HoldingTime.mean(60), 0.01);
        Module queuedFax =
                Module.queued("b", ModuleKind.OUTBOUND_FAX, "fax", 10, HoldingTime.mean(60), new Target.MeanWait(30));

        assertThatThrownBy(() -> new LoadProfile("p", List.of(FAX), List.of(voice)))
                .hasMessageContaining("needs VOICE ports but pool fax is a FAX pool");
        assertThatThrownBy(() -> new LoadProfile("p", List.of(FAX), List.of(nowhere)))
                .hasMessageContaining("uses pool inbound, which is not declared");
        assertThatThrownBy(() -> new LoadProfile("p", List.of(FAX), List.of(lossFax, queuedFax)))
                .hasMessageContaining("mixes queued and loss targets");
        assertThatThrownBy(() -> new LoadProfile("p", List.of(FAX, FAX), List.of()))
                .hasMessageContaining("declared twice");
    }

    @Test
    void measurementsReplaceConfiguredFiguresOfTheModulesTheyName() {
        Module m = Module.loss("a", ModuleKind.CUSTOM_FAX, "fax", 10, HoldingTime.mean(60), 0.01);
        LoadProfile p = new LoadProfile("p", List.of(FAX), List.of(m));

        LoadProfile measured = p.withMeasurements(List.of(new Measurement("a", 360, 100)));

        assertThat(measured.modules().get(0).offeredErlangs()).isCloseTo(10.0, within(1e-12));
        assertThat(measured.modules().get(0).source()).isEqualTo(TrafficSource.MEASURED);
        assertThatThrownBy(() -> p.withMeasurements(List.of(new Measurement("zz", 1, 1))))
                .hasMessageContaining("unknown module zz");
    }

    @Test
    void takingOverJoinsPoolsOfTheSameNameAndRenamesTheMovedModules() {
        HuntPool inA = new HuntPool("in", PortKind.FAX, PoolScope.dids(List.of(DidRange.parse("5550100-5550199"))));
        HuntPool inB = new HuntPool("in", PortKind.FAX, PoolScope.dids(List.of(DidRange.parse("5550200-5550299"))));
        Module m = Module.loss("inbound", ModuleKind.INBOUND_FAX, "in", 10, HoldingTime.mean(60), 0.01);
        LoadProfile a = new LoadProfile("A", List.of(inA), List.of(m));
        LoadProfile b = new LoadProfile("B", List.of(inB, FAX), List.of(m));

        LoadProfile both = b.plus(a);

        assertThat(both.name()).isEqualTo("B+A");
        assertThat(both.modules()).extracting(Module::name).containsExactly("inbound", "A:inbound");
        assertThat(((PoolScope.Dids) both.pool("in").orElseThrow().scope()).ranges())
                .containsExactly(DidRange.parse("5550200-5550299"), DidRange.parse("5550100-5550199"));
        assertThatThrownBy(() -> new LoadProfile(
                                "X", List.of(new HuntPool("in", PortKind.VOICE, PoolScope.anySpan())), List.of())
                        .plus(a))
                .hasMessageContaining("differ in kind");
    }
}
