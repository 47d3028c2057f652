package org.stroom.ports.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.stroom.ports.portmgr.capacity.proof.TakeoverProof;
import org.stroom.ports.portmgr.capacity.traffic.ErlangB;
import org.stroom.ports.portmgr.capacity.traffic.ErlangC;
import org.stroom.ports.portmgr.config.SystemDescription;
import org.stroom.ports.report.ReportData.GroupRow;
import org.stroom.ports.sim.DefaultSystem;

class ReportBuilderTest {
    @Test
    void describesTheDefaultInstallation() {
        ReportData r = Reports.defaultReport();
        assertThat(r.meta().mode()).isEqualTo("MODE_2");
        assertThat(r.meta().generatedAt()).isEqualTo(Reports.NOW.toString());
        assertThat(r.meta().backups()).containsExactly("stroom-b backs stroom-a");
        assertThat(r.systems()).extracting(ReportData.SystemRow::role).containsExactly("active", "passive");
        assertThat(r.systems()).allSatisfy(s -> {
            assertThat(s.machines()).isEqualTo(3);
            assertThat(s.spans()).isEqualTo(8);
            assertThat(s.bearerChannels()).isEqualTo(184);
            assertThat(s.usablePorts()).isEqualTo(184);
        });
        assertThat(r.inventory()).hasSize(6);
        assertThat(r.inventory().stream()
                        .mapToInt(ReportData.MachineRow::bearerChannels)
                        .sum())
                .isEqualTo(368);
        assertThat(r.spans()).hasSize(16).allMatch(s -> s.utilisation() == null);
        assertThat(r.simulation()).isNull();
    }

    @Test
    void sizesLossGroupsWithErlangBAtTheirTarget() {
        GroupRow voice = group(Reports.defaultReport(), "stroom-a", "voice");
        assertThat(voice.busyHourErlangs()).isEqualTo(14.0);
        assertThat(voice.requiredPorts()).isEqualTo(ErlangB.portsFor(14.0, 0.01));
        assertThat(voice.configuredPorts()).isEqualTo(23);
        assertThat(voice.blockingAtConfigured())
                .isCloseTo(ErlangB.blocking(23, 14.0), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(voice.meetsTarget())
                .as("23 ports give %s blocking", voice.blockingAtConfigured())
                .isTrue();
        // 14 E at 1 % needs 23 ports: one PRI's 23 B-channels suffice
        assertThat(voice.recommendedSpans()).isEqualTo(1);
        assertThat(voice.recommendedPorts()).isEqualTo(23);
        assertThat(voice.curve()).isNotNull();
    }

    @Test
    void sizesQueuedOutboundFaxWithErlangCAtItsServiceLevel() {
        GroupRow out = group(Reports.defaultReport(), "stroom-a", "fax-out");
        assertThat(out.discipline()).isEqualTo("QUEUE");
        assertThat(out.blockingAtConfigured()).isNull();
        double a = out.busyHourErlangs();
        double holding = CapacityMapping.holdingSeconds(DefaultSystem.description()
                .system("stroom-a")
                .orElseThrow()
                .modules()
                .get(1));
        assertThat(out.requiredPorts()).isEqualTo(ErlangC.portsFor(a, holding, 0.9, 300));
        assertThat(out.waitProbabilityAtConfigured())
                .isCloseTo(ErlangC.probabilityOfWaiting(69, a), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(out.meetsTarget()).isTrue();
    }

    @Test
    void leavesOnlyWhatOtherRolesDoNotNeedToEachRoleOfASharedGroup() {
        ReportData r = Reports.examples().get("mode0.yaml");
        GroupRow in = r.groups().stream()
                .filter(g -> "fax (inbound)".equals(g.pool()))
                .findFirst()
                .orElseThrow();
        GroupRow out = r.groups().stream()
                .filter(g -> "fax (outbound, queued)".equals(g.pool()))
                .findFirst()
                .orElseThrow();
        assertThat(in.configuredPorts()).as("two circuits deliver the DIDs").isEqualTo(46);
        assertThat(out.configuredPorts()).as("all six circuits of the group").isEqualTo(138);
        assertThat(in.groupRequiredPorts()).isEqualTo(in.requiredPorts() + out.requiredPorts());
        assertThat(out.availablePorts()).isEqualTo(138 - in.requiredPorts());
        assertThat(in.availablePorts()).isEqualTo(46);
    }

    @Test
    void listsTheVerdictsOfEachRedundancyMode() {
        assertThat(Reports.examples().get("mode0.yaml").verdicts()).hasSize(1);
        assertThat(Reports.examples().get("mode1.yaml").verdicts()).hasSize(4);
        assertThat(Reports.examples().get("mode2.yaml").verdicts())
                .extracting(ReportData.VerdictRow::scenario)
                .containsExactly("Mode 2: stroom-a carries its load", "Mode 2: stroom-a fails, stroom-b takes over");
        for (ReportData r : Reports.all().values()) {
            String worst = r.verdicts().stream()
                    .map(ReportData.VerdictRow::grade)
                    .max(java.util.Comparator.comparing(
                            g -> List.of("PASS", "DEGRADED", "FAIL").indexOf(g)))
                    .orElseThrow();
            assertThat(r.meta().grade()).isEqualTo(worst);
            assertThat(r.verdicts()).allSatisfy(v -> assertThat(v.kinds())
                    .extracting(ReportData.KindRow::kind)
                    .containsExactly("FAX", "VOICE"));
        }
    }

    @Test
    void rehearsesEverySingleFailureOfTheActiveAndOfTheTakeover() {
        ReportData r = Reports.defaultReport();
        // 3 machines + 3 boards + 8 spans, plus the baseline, once for stroom-a alone and once for the takeover
        assertThat(r.whatIf()).hasSize(2 * (1 + 3 + 3 + 8));
        assertThat(r.whatIf().stream().filter(w -> w.failure().equals("none"))).hasSize(2);
        assertThat(r.whatIf())
                .filteredOn(w -> w.failure().equals("machine a-server"))
                .singleElement()
                .satisfies(w -> {
                    assertThat(w.faxUsable()).isEqualTo(184 - 46);
                    assertThat(w.context()).isEqualTo("stroom-a carries its own load");
                });
        assertThat(r.whatIf())
                .filteredOn(w -> w.context().equals("stroom-b takes over stroom-a"))
                .allMatch(w -> w.system().equals("stroom-b"));
    }

    @Test
    void plansTheTakeoverAndSaysWhatIsMissing() {
        ReportData r = Reports.defaultReport();
        assertThat(r.plan()).isNotEmpty().allMatch(p -> p.takeover().equals("stroom-b takes over stroom-a"));
        assertThat(r.plan())
                .extracting(ReportData.PlanRow::step)
                .isEqualTo(java.util.stream.IntStream.rangeClosed(1, r.plan().size())
                        .boxed()
                        .toList());
        assertThat(r.plan())
                .filteredOn(p -> p.action().equals("ROLLOVER"))
                .isNotEmpty()
                .allSatisfy(p -> {
                    assertThat(p.what()).startsWith("DIDs ");
                    assertThat(p.from()).startsWith("circuit DHEC.1001");
                    assertThat(p.to()).startsWith("circuit DHEC.2001");
                });
        assertThat(Reports.examples().get("mode0.yaml").plan()).isEmpty();
    }

    @Test
    void signsAndVerifiesOneProofPerTakeover() {
        assertThat(Reports.examples().get("mode0.yaml").proofs()).isEmpty();
        assertThat(Reports.examples().get("mode1.yaml").proofs())
                .extracting(ReportData.ProofRow::survivor)
                .containsExactly("stroom-west", "stroom-east");
        ReportData.ProofRow p = Reports.defaultReport().proofs().get(0);
        assertThat(p.verified()).isTrue();
        assertThat(p.tamperedCopyRejected()).isTrue();
        assertThat(p.createdAt()).isEqualTo(Reports.NOW.toString());
        assertThat(p.keyId()).isEqualTo(Reports.SIGNER.keyId());
        assertThat(TakeoverProof.verifyEnvelope(p.envelope(), Reports.SIGNER.publicKey()))
                .isTrue();
        assertThat(p.grade())
                .isEqualTo(Reports.defaultReport().verdicts().get(1).grade());
    }

    @Test
    void tamperingChangesADigitOfTheSignedJson() {
        String envelope = Reports.defaultReport().proofs().get(0).envelope();
        String tampered = ReportBuilder.tampered(envelope);
        assertThat(tampered).hasSameSizeAs(envelope).isNotEqualTo(envelope);
        assertThat(TakeoverProof.verifyEnvelope(tampered, Reports.SIGNER.publicKey()))
                .isFalse();
    }

    @Test
    void foldsASimulationRunIntoSpansGroupsAndModules() {
        SimulationResult sim = Reports.simulation();
        ReportData r = Reports.simulated();
        assertThat(sim.system()).isEqualTo("stroom-main");
        assertThat(sim.spans()).hasSize(6);
        assertThat(sim.modules())
                .extracting(SimulationResult.ModuleUse::module)
                .containsExactlyInAnyOrder("inbound-fax", "outbound-fax", "ivr");
        assertThat(sim.modules()).allSatisfy(m -> {
            assertThat(m.offered()).isPositive();
            assertThat(m.carried() + m.blocked()).isEqualTo(m.offered());
        });
        assertThat(r.spans()).allSatisfy(s -> {
            assertThat(s.utilisation()).isBetween(0.0, 1.0);
            assertThat(s.peakBusy()).isBetween(0, s.bearerChannels());
        });
        assertThat(r.spans().stream().mapToDouble(ReportData.SpanRow::meanBusy).sum())
                .as(
                        "carried traffic is near the offered %s E",
                        r.systems().get(0).busyHourErlangs())
                .isBetween(
                        0.6 * r.systems().get(0).busyHourErlangs(),
                        1.4 * r.systems().get(0).busyHourErlangs());
        assertThat(r.groups()).allSatisfy(g -> assertThat(g.measuredAttempts()).isNotNull());
        assertThat(r.simulation().modules()).hasSize(3);
    }

    @Test
    void simulatesTheActiveSystemOfModeTwo() {
        assertThat(ReportBuilder.simulatedSystem(DefaultSystem.description())).isEqualTo("stroom-a");
        assertThat(ReportBuilder.simulatedSystem(Reports.example("mode1.yaml"))).isEqualTo("stroom-east");
    }

    @Test
    void rejectsASimulationOfNoTime() {
        SystemDescription d = DefaultSystem.description();
        assertThatThrownBy(() -> ReportBuilder.simulate(d, 0, 1, Path.of("target", "never")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hours = 0.0");
        assertThatThrownBy(() -> ReportBuilder.simulate(d, Double.NaN, 1, Path.of("target", "never")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void buildsWithDefaultOptions() {
        ReportData r = ReportBuilder.build(Reports.example("mode2.yaml"), Optional.empty());
        assertThat(r.meta().title()).isEqualTo("Capacity-planning report");
        assertThat(r.proofs()).singleElement().satisfies(p -> assertThat(p.verified())
                .isTrue());
    }

    static GroupRow group(ReportData r, String system, String group) {
        return r.groups().stream()
                .filter(g -> g.system().equals(system) && g.group().equals(group))
                .findFirst()
                .orElseThrow();
    }
}
