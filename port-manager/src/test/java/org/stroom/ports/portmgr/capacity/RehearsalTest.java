package org.stroom.ports.portmgr.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.stroom.ports.hal.api.PortKind;

class RehearsalTest {
    private final PortSizer sizer = new PortSizer();

    @Test
    void everySingleFailureOfA19200ChannelSystemIsRehearsed() {
        InventorySystem big = LargeSystems.system("Big", 100, true, false, 0);
        CapacityModel model =
                CapacityModel.compile(big, LargeSystems.load("Big", 100, 0), sizer, DegradedLimits.defaults());

        RehearsalReport report = Rehearsal.allSingleFailures(model);

        assertThat(big.bearerChannels()).isEqualTo(19_200);
        // 101 machines, 200 boards, 800 spans.
        assertThat(report.cases()).hasSize(1_101);
        assertThat(report.baseline().grade()).isEqualTo(Grade.PASS);
        assertThat(report.baseline().kind(PortKind.FAX).usable()).isEqualTo(19_200);
        assertThat(report.worst()).isEqualTo(Grade.PASS);
        assertThat(report.cases().get(1).verdict().excluded())
                .containsExactly("rehearsal: machine Big-N0 fails (192 ports)");
        assertThat(report.summary())
                .isEqualTo("Big: 1101 single failures: 1101 PASS, 0 DEGRADED, 0 FAIL (baseline PASS)");
    }

    @Test
    void rehearsalFindsTheNodeWhoseLossBreaksATightSystem() {
        InventorySystem small = LargeSystems.system("Small", 4, true, false, 0);
        LoadProfile tight = LargeSystems.load("Small", 4, 0);
        CapacityModel model = CapacityModel.compile(small, tight, sizer, DegradedLimits.defaults());

        RehearsalReport report = Rehearsal.allSingleFailures(model);

        assertThat(report.baseline().grade()).isEqualTo(Grade.PASS);
        assertThat(report.notPassing())
                .extracting(c -> c.failures().describe())
                .contains("machine Small-N0", "machine Small-N3")
                .doesNotContain("machine Small-SRV");
    }

    @Test
    void combinationsOfFailuresCanBeRehearsed() {
        InventorySystem small = LargeSystems.system("Small", 4, true, false, 0);
        CapacityModel model =
                CapacityModel.compile(small, LargeSystems.load("Small", 4, 0), sizer, DegradedLimits.defaults());
        FailureSet both = FailureSet.span(new org.stroom.ports.t1.SpanLocation("Small-N1", 0, 2))
                .plus(FailureSet.board(new org.stroom.ports.hal.api.BoardId("Small-N2", 1)));

        Verdict v = Rehearsal.whatIf(model, both);

        assertThat(v.scenario()).isEqualTo("what if: board Small-N2/b1, span Small-N1/b0/s2 fails");
        assertThat(v.kind(PortKind.VOICE).usable()).isEqualTo(768 - 24 - 96);
    }
}
