package org.stroom.ports.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stroom.ports.hal.api.PortKind;
import org.stroom.ports.hal.softport.VirtualClock;
import org.stroom.ports.portmgr.alloc.Metrics;
import org.stroom.ports.portmgr.config.SystemDescription;

class SimulatedSystemTest {
    @TempDir
    Path dir;

    @Test
    void runsABusyHourOfTheDefaultSystemThroughThePortManager() {
        SystemDescription d = DefaultSystem.description();
        VirtualClock clock = new VirtualClock();
        try (SimulatedSystem sys = new SimulatedSystem(d.systems().get(0), clock, 42, dir, false)) {
            sys.startTraffic();
            for (int minute = 0; minute < 60; minute++) {
                clock.advance(Duration.ofMinutes(1));
            }
            sys.stopTraffic();
            clock.advance(Duration.ofMinutes(10));
            List<ModuleStats> stats = sys.moduleStats();
            System.out.println(stats);
            assertThat(stats)
                    .extracting(ModuleStats::module)
                    .containsExactlyInAnyOrder("inbound-fax", "outbound-fax", "ivr");
            for (ModuleStats s : stats) {
                assertThat(s.offered()).as(s.module()).isGreaterThan(100);
                assertThat(s.carried() + s.blocked()).as(s.module()).isEqualTo(s.offered());
            }
            Metrics m = sys.metrics();
            System.out.println(m.activity());
            assertThat(m.byKind().get(PortKind.FAX).total()).isEqualTo(184);
            assertThat(m.activity().granted())
                    .isEqualTo(stats.stream()
                                    .filter(ModuleStats::outbound)
                                    .mapToLong(s -> s.carried())
                                    .sum()
                            + stats.stream()
                                    .filter(ModuleStats::outbound)
                                    .mapToLong(s -> 0)
                                    .sum());
            assertThat(m.activity().carriedErlangSeconds()).isGreaterThan(0);
            // all calls finished: nothing busy
            assertThat(m.byKind().get(PortKind.FAX).busy()).isZero();
        }
    }
}
