package org.stroom.ports.sim.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.data.Percentage.withPercentage;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.stroom.ports.hal.softport.VirtualClock;
import org.stroom.ports.portmgr.capacity.HoldingTime;
import org.stroom.ports.portmgr.capacity.HuntPool;
import org.stroom.ports.portmgr.capacity.LoadProfile;
import org.stroom.ports.portmgr.capacity.Measurement;
import org.stroom.ports.portmgr.capacity.Module;
import org.stroom.ports.portmgr.capacity.ModuleKind;
import org.stroom.ports.portmgr.capacity.PoolScope;
import org.stroom.ports.portmgr.capacity.Target;
import org.stroom.ports.portmgr.capacity.TrafficSource;
import org.stroom.ports.portmgr.config.SystemDescription;
import org.stroom.ports.sim.DefaultSystem;
import org.stroom.ports.sim.SimulatedSystem;

@Timeout(120)
class MeasuredLoadTest {
    @TempDir
    Path dir;

    @Test
    void measuredBusyHourOfTheDefaultSystemReplacesTheConfiguredFigures() {
        SystemDescription.StroomSystem a = DefaultSystem.description().systems().get(0);
        VirtualClock clock = new VirtualClock();
        try (SimulatedSystem sim = new SimulatedSystem(a, clock, 42, dir, false)) {
            sim.startTraffic();
            clock.advance(Duration.ofMinutes(10)); // warm-up: Little's law wants a loaded system at the start
            MeasuredLoad.Recorder rec = MeasuredLoad.record(sim, Duration.ofSeconds(5));
            for (int minute = 0; minute < 60; minute++) {
                clock.advance(Duration.ofMinutes(1));
            }
            double exactCarried = rec.carriedErlangs();
            rec.close();

            List<MeasuredLoad.ModuleTraffic> modules = rec.modules();
            modules.forEach(m -> System.out.printf(
                    "%-13s attempts/h %7.1f holding %6.1f s (configured %6.1f s) measured %6.2f E configured %6.2f E%n",
                    m.module(),
                    m.busyHourAttempts(),
                    m.meanHoldingSeconds(),
                    sim.meanHoldingSeconds(module(a, m.module())),
                    m.measuredErlangs(),
                    m.configuredErlangs()));
            Map<String, Double> groups = rec.groupErlangs();
            System.out.println("groups " + groups + ", exact carried " + exactCarried);

            assertThat(modules)
                    .extracting(MeasuredLoad.ModuleTraffic::module)
                    .containsExactlyInAnyOrder("inbound-fax", "outbound-fax", "ivr");
            assertThat(modules).allMatch(MeasuredLoad.ModuleTraffic::holdingMeasured);
            assertThat(rec.elapsed()).isEqualTo(Duration.ofHours(1));
            // the sampled per-group traffic adds up to the port manager's exact integral
            assertThat(groups.values().stream().mapToDouble(Double::doubleValue).sum())
                    .isCloseTo(exactCarried, withPercentage(2));
            for (MeasuredLoad.ModuleTraffic m : modules) {
                SystemDescription.Module d = module(a, m.module());
                assertThat(m.busyHourAttempts())
                        .as(m.module() + " attempts per hour (Poisson, ±3 sd)")
                        .isCloseTo(d.busyHourAttempts(), within(3 * Math.sqrt(d.busyHourAttempts())));
            }
            // inbound: the port is held from the offer to the release, a little longer than the configured
            // holding (the caller's for IVR, the T.30 session for fax)
            for (String inbound : List.of("inbound-fax", "ivr")) {
                MeasuredLoad.ModuleTraffic m = find(modules, inbound);
                assertThat(m.measuredErlangs()).as(inbound).isCloseTo(m.configuredErlangs(), withPercentage(10));
            }
            // outbound fax: the configured holding is the T.30 session only; the lease also covers dialling
            // and the far end's 4 s answer delay, so the measured traffic is higher by that much
            MeasuredLoad.ModuleTraffic out = find(modules, "outbound-fax");
            double configuredHolding = sim.meanHoldingSeconds(module(a, "outbound-fax"));
            assertThat(out.meanHoldingSeconds()).isBetween(configuredHolding + 3, configuredHolding + 7);
            assertThat(out.measuredErlangs()).isCloseTo(out.configuredErlangs(), withPercentage(20));

            LoadProfile configured = configuredProfile(sim, a);
            LoadProfile measured = configured.withMeasurements(rec.measurements());
            for (Module m : measured.modules()) {
                MeasuredLoad.ModuleTraffic t = find(modules, m.name());
                assertThat(m.source()).isEqualTo(TrafficSource.MEASURED);
                assertThat(m.busyHourAttempts()).isEqualTo(t.busyHourAttempts());
                assertThat(m.holding().seconds()).isCloseTo(t.meanHoldingSeconds(), within(1e-9));
            }
        }
    }

    @Test
    void busyHourMeanWeightsHoldingByAttempts() {
        List<Measurement> day1 = List.of(new Measurement("m", 100, 60), new Measurement("n", 10, 30));
        List<Measurement> day2 = List.of(new Measurement("m", 300, 120));

        List<Measurement> mean = MeasuredLoad.mean(List.of(day1, day2));

        assertThat(mean).hasSize(2);
        Measurement m = mean.get(0);
        assertThat(m.busyHourAttempts()).isEqualTo(200.0);
        assertThat(m.erlangs()).isCloseTo((day1.get(0).erlangs() + day2.get(0).erlangs()) / 2, within(1e-9));
        Measurement n = mean.get(1);
        assertThat(n.busyHourAttempts()).as("absent on day 2: 0 attempts").isEqualTo(5.0);
        assertThat(n.meanHoldingSeconds()).isEqualTo(30.0);
        assertThatThrownBy(() -> MeasuredLoad.mean(List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no busy hour");
    }

    @Test
    void recorderNeedsTimeToPassAndAPositiveInterval() {
        VirtualClock clock = new VirtualClock();
        try (SimulatedSystem sim =
                new SimulatedSystem(DefaultSystem.description().systems().get(0), clock, 1, dir, false)) {
            assertThatThrownBy(() -> MeasuredLoad.record(sim, Duration.ZERO))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("sampleEvery");
            MeasuredLoad.Recorder rec = MeasuredLoad.record(sim, Duration.ofSeconds(5));
            assertThatThrownBy(rec::modules)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("no virtual time");
            clock.advance(Duration.ofMinutes(1));
            assertThat(rec.modules()).allSatisfy(m -> {
                assertThat(m.attempts()).as("no traffic started").isZero();
                assertThat(m.holdingMeasured()).isFalse();
            });
            rec.close();
        }
    }

    private static MeasuredLoad.ModuleTraffic find(List<MeasuredLoad.ModuleTraffic> modules, String name) {
        return modules.stream().filter(m -> m.module().equals(name)).findFirst().orElseThrow();
    }

    private static SystemDescription.Module module(SystemDescription.StroomSystem s, String name) {
        return s.modules().stream()
                .filter(m -> m.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    /** The configured load of the system, one pool per hunt group (the shape is all that matters here). */
    private static LoadProfile configuredProfile(SimulatedSystem sim, SystemDescription.StroomSystem s) {
        List<HuntPool> pools = new ArrayList<>();
        List<Module> modules = new ArrayList<>();
        for (SystemDescription.HuntGroup g : s.huntGroups()) {
            pools.add(new HuntPool(g.name(), g.kind(), PoolScope.anySpan()));
        }
        for (SystemDescription.Module m : s.modules()) {
            HoldingTime h = HoldingTime.mean(sim.meanHoldingSeconds(m));
            ModuleKind kind = ModuleKind.valueOf(m.type().name());
            modules.add(
                    m.targetServiceLevel().isPresent()
                            ? Module.queued(
                                    m.name(),
                                    kind,
                                    m.pool(),
                                    m.busyHourAttempts(),
                                    h,
                                    new Target.ServiceLevel(
                                            m.targetServiceLevel().get(), m.withinSeconds()))
                            : new Module(
                                    m.name(),
                                    kind,
                                    m.pool(),
                                    m.busyHourAttempts(),
                                    h,
                                    0,
                                    0,
                                    Target.blocking(m.targetBlocking().orElseThrow()),
                                    TrafficSource.CONFIGURED));
        }
        return new LoadProfile(s.name(), pools, modules);
    }
}
