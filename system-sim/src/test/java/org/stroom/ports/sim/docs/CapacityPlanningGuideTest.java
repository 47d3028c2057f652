package org.stroom.ports.sim.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stroom.ports.hal.api.FaxModulation;
import org.stroom.ports.hal.api.FaxTiming;
import org.stroom.ports.portmgr.capacity.HoldingTime;
import org.stroom.ports.portmgr.capacity.Module;
import org.stroom.ports.portmgr.capacity.ModuleKind;
import org.stroom.ports.portmgr.capacity.Target;
import org.stroom.ports.portmgr.capacity.traffic.ErlangB;
import org.stroom.ports.portmgr.capacity.traffic.ErlangC;
import org.stroom.ports.portmgr.capacity.traffic.ExtendedErlangB;

/**
 * Keeps the numbers of {@code docs/capacity-planning.md} true: every {@code $ ./portman erlang ...} transcript is
 * recomputed with the calculators behind the command (and printed the way {@code ErlangCommand} prints), and every
 * holding time and traffic figure the guide quotes is recomputed from the models and must appear in it.
 */
class CapacityPlanningGuideTest {
    static final Path GUIDE = Path.of("../docs/capacity-planning.md");

    private final String guide = GuideSyncTest.read(GUIDE);

    @Test
    void everyErlangTranscriptPrintsWhatTheCalculatorsCompute() {
        List<String[]> transcripts = transcripts(guide);

        assertThat(transcripts).hasSizeGreaterThanOrEqualTo(25);
        for (String[] t : transcripts) {
            assertThat(t[1]).as("output of %s", t[0]).isEqualTo(run(t[0]));
        }
    }

    @Test
    void faxHoldingTimesAreThoseOfTheOnePageModelTheCapacityApiShares() {
        for (FaxModulation m : List.of(FaxModulation.V34, FaxModulation.V17)) {
            for (int pages = 1; pages <= 3; pages++) {
                assertThat(guide).contains("| " + seconds(faxTiming(m, pages)));
                assertThat(HoldingTime.FaxPages.typical(pages, m).seconds())
                        .as("the capacity API's holding time for %d pages at %s", pages, m)
                        .isEqualTo(faxTiming(m, pages));
            }
        }
        assertThat(guide)
                .contains(seconds(FaxTiming.DEFAULT.sessionSeconds(FaxModulation.V17, 2.5)) + " for 2.5 pages at V.17")
                .contains(seconds(HoldingTime.FaxPages.typical(3, FaxModulation.V34)
                                .seconds()) + " for 3 pages at V.34")
                .contains(seconds(HoldingTime.FaxPages.typical(2, FaxModulation.V17)
                                .seconds()) + " for 2 pages at V.17");
    }

    @Test
    void trafficFiguresAreAttemptsTimesHoldingAndRoundingThemKeepsThePortCounts() {
        double inboundFax = erlangs(900, faxTiming(FaxModulation.V34, 3));
        double outboundFax = erlangs(600, faxTiming(FaxModulation.V17, 2));
        double ivr = erlangs(400, 120);
        double eastIvr = erlangs(300, 90);
        double eastFax = erlangs(400, faxTiming(FaxModulation.V34, 3));
        double cleanList = erlangs(1300, faxTiming(FaxModulation.V17, 2));
        double poorList = erlangs(2700, faxTiming(FaxModulation.V17, 2));

        for (double e : List.of(inboundFax, outboundFax, ivr, eastFax, cleanList, poorList)) {
            assertThat(guide).contains(number(e) + " E");
        }
        assertThat(guide).contains("= " + new java.math.BigDecimal(eastIvr).stripTrailingZeros() + " E");
        // The guide feeds four-decimal figures to the calculators; the exact figures need the same ports.
        assertThat(ErlangB.portsFor(inboundFax, 0.01)).isEqualTo(ErlangB.portsFor(round4(inboundFax), 0.01));
        assertThat(ErlangB.portsFor(ivr, 0.01)).isEqualTo(ErlangB.portsFor(round4(ivr), 0.01));
        assertThat(ErlangB.portsFor(eastFax, 0.01)).isEqualTo(ErlangB.portsFor(round4(eastFax), 0.01));
        double holding = faxTiming(FaxModulation.V17, 2);
        for (double e : List.of(outboundFax, cleanList, poorList)) {
            assertThat(ErlangC.portsFor(e, holding, 0.9, 300))
                    .isEqualTo(ErlangC.portsFor(round4(e), round4(holding), 0.9, 300));
        }
    }

    @Test
    void poolingGainsAndFailureCostsAreThoseOfErlangB() {
        double t24 = ErlangB.trafficFor(24, 0.01);
        double t23 = ErlangB.trafficFor(23, 0.01);
        double t96 = ErlangB.trafficFor(96, 0.01);
        double t92 = ErlangB.trafficFor(92, 0.01);
        double t72 = ErlangB.trafficFor(72, 0.01);

        assertThat(guide)
                .contains("4 × " + number(t24) + " = " + String.format(Locale.ROOT, "%.2f", 4 * round4(t24)) + " E")
                .contains("4 × " + number(t23) + " = " + String.format(Locale.ROOT, "%.2f", 4 * round4(t23)) + " E")
                .contains("| +" + Math.round(100 * (t96 / (4 * t24) - 1)) + " % |")
                .contains("| +" + Math.round(100 * (t92 / (4 * t23) - 1)) + " % |")
                .contains("costs " + Math.round(100 * (1 - t72 / t96)) + " % of the capacity");
    }

    // ------------------------------------------------------------------ the calculators, as portman prints them

    static String run(String commandLine) {
        String[] words = commandLine.trim().split("\\s+");
        assertThat(words[0] + " " + words[1]).as(commandLine).isEqualTo("./portman erlang");
        String sub = words[2];
        Map<String, Double> o = new HashMap<>();
        for (int i = 3; i < words.length; i += 2) {
            o.put(words[i], Double.parseDouble(words[i + 1]));
        }
        double retry = o.getOrDefault("--retry", 0.0);
        switch (sub) {
            case "traffic":
                return num(ErlangB.trafficFor(o.get("--ports").intValue(), o.get("--blocking")));
            case "ports":
                if (o.containsKey("--holding")) {
                    return Integer.toString(ErlangC.portsFor(
                            o.get("--traffic"), o.get("--holding"), o.get("--service-level"), o.get("--within")));
                }
                return Integer.toString(
                        retry > 0
                                ? ExtendedErlangB.portsFor(o.get("--traffic"), o.get("--blocking"), retry)
                                : ErlangB.portsFor(o.get("--traffic"), o.get("--blocking")));
            case "b": {
                int n = o.get("--ports").intValue();
                double a = o.get("--traffic");
                if (retry > 0) {
                    ExtendedErlangB.Result x = ExtendedErlangB.evaluate(n, a, retry);
                    return "blocking " + pct(x.blocking()) + " with retries (offered incl. retries "
                            + num(x.offeredErlangs()) + " E, carried " + num(x.carriedErlangs()) + " E)";
                }
                return "blocking " + pct(ErlangB.blocking(n, a)) + " (carried " + num(ErlangB.carried(n, a)) + " E)";
            }
            case "c": {
                int n = o.get("--ports").intValue();
                double a = o.get("--traffic");
                double h = o.get("--holding");
                double w = o.get("--within");
                return "probability of waiting " + pct(ErlangC.probabilityOfWaiting(n, a)) + ", mean wait "
                        + num(ErlangC.meanWait(n, a, h)) + " s, " + pct(ErlangC.serviceLevel(n, a, h, w))
                        + " served within " + num(w) + " s";
            }
            default:
                throw new AssertionError("the guide uses 'portman erlang " + sub + "', which this test cannot check");
        }
    }

    /** @return {command line, output} of every {@code $ ./portman erlang} line in a console block */
    static List<String[]> transcripts(String markdown) {
        List<String[]> out = new ArrayList<>();
        for (String block : GuideSyncTest.fencedBlocks(markdown, "console")) {
            String[] lines = block.split("\n");
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].startsWith("$ ./portman erlang")) {
                    StringBuilder output = new StringBuilder();
                    for (int j = i + 1; j < lines.length && !lines[j].startsWith("$ "); j++) {
                        output.append(output.length() == 0 ? "" : "\n").append(lines[j]);
                    }
                    out.add(new String[] {lines[i].substring(2), output.toString()});
                }
            }
        }
        return out;
    }

    private static double faxTiming(FaxModulation m, int pages) {
        return FaxTiming.DEFAULT.session(m, pages).toNanos() / 1e9;
    }

    private static double erlangs(double attempts, double holdingSeconds) {
        return Module.queued(
                        "m",
                        ModuleKind.OUTBOUND_FAX,
                        "p",
                        attempts,
                        HoldingTime.mean(holdingSeconds),
                        new Target.ServiceLevel(0.9, 300))
                .offeredErlangs();
    }

    private static double round4(double v) {
        return Math.round(v * 1e4) / 1e4;
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    private static String seconds(double v) {
        return number(v) + " s";
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    private static String pct(double p) {
        return String.format(Locale.ROOT, "%.4f %%", p * 100);
    }
}
