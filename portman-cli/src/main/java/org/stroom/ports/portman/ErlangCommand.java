package org.stroom.ports.portman;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.stroom.ports.portmgr.capacity.traffic.ErlangB;
import org.stroom.ports.portmgr.capacity.traffic.ErlangC;
import org.stroom.ports.portmgr.capacity.traffic.ExtendedErlangB;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code portman erlang b|c|ports|traffic}: the traffic calculators a planner uses.
 *
 * <p>Thread-safety: a command runs on the calling thread.
 */
@Command(
        name = "erlang",
        mixinStandardHelpOptions = true,
        description = "Erlang B and C calculators.",
        subcommands = {
            ErlangCommand.Blocking.class,
            ErlangCommand.Queue.class,
            ErlangCommand.Ports.class,
            ErlangCommand.Traffic.class
        })
final class ErlangCommand implements Runnable {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static String pct(double p) {
        return String.format(Locale.ROOT, "%.4f %%", p * 100);
    }

    static String num(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    @Command(
            name = "b",
            mixinStandardHelpOptions = true,
            description = "Blocking probability of N ports offered A erlangs (blocked calls cleared).")
    static final class Blocking implements Callable<Integer> {
        @Option(names = "--ports", required = true, description = "ports in the group (N)")
        int ports;

        @Option(names = "--traffic", required = true, description = "offered traffic in erlangs (A)")
        double traffic;

        @Option(
                names = "--retry",
                defaultValue = "0",
                description =
                        "fraction of blocked calls that retry (Extended Erlang B), 0..<1; default ${DEFAULT-VALUE}")
        double retry;

        @Mixin
        Output output;

        @Override
        public Integer call() {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("ports", ports);
            r.put("offeredErlangs", traffic);
            if (retry > 0) {
                ExtendedErlangB.Result x = ExtendedErlangB.evaluate(ports, traffic, retry);
                r.put("retryFraction", retry);
                r.put("blocking", x.blocking());
                r.put("offeredWithRetriesErlangs", x.offeredErlangs());
                r.put("carriedErlangs", x.carriedErlangs());
                output.print(
                        r,
                        "blocking " + pct(x.blocking()) + " with retries (offered incl. retries "
                                + num(x.offeredErlangs()) + " E, carried " + num(x.carriedErlangs()) + " E)");
            } else {
                double b = ErlangB.blocking(ports, traffic);
                r.put("blocking", b);
                r.put("carriedErlangs", ErlangB.carried(ports, traffic));
                output.print(r, "blocking " + pct(b) + " (carried " + num(ErlangB.carried(ports, traffic)) + " E)");
            }
            return Portman.OK;
        }
    }

    @Command(
            name = "c",
            mixinStandardHelpOptions = true,
            description =
                    "Erlang C: waiting on N ports offered A erlangs (blocked calls wait), e.g. an outbound fax queue.")
    static final class Queue implements Callable<Integer> {
        @Option(names = "--ports", required = true, description = "ports serving the queue (N)")
        int ports;

        @Option(names = "--traffic", required = true, description = "offered traffic in erlangs (A < N)")
        double traffic;

        @Option(names = "--holding", required = true, description = "mean holding time in seconds")
        double holding;

        @Option(
                names = "--within",
                defaultValue = "60",
                description = "service-level threshold in seconds; default ${DEFAULT-VALUE}")
        double within;

        @Mixin
        Output output;

        @Override
        public Integer call() {
            double pw = ErlangC.probabilityOfWaiting(ports, traffic);
            double w = ErlangC.meanWait(ports, traffic, holding);
            double sl = ErlangC.serviceLevel(ports, traffic, holding, within);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("ports", ports);
            r.put("offeredErlangs", traffic);
            r.put("holdingSeconds", holding);
            r.put("probabilityOfWaiting", pw);
            r.put("meanWaitSeconds", w);
            r.put("withinSeconds", within);
            r.put("serviceLevel", sl);
            output.print(
                    r,
                    "probability of waiting " + pct(pw) + ", mean wait " + num(w) + " s, " + pct(sl) + " served within "
                            + num(within) + " s");
            return Portman.OK;
        }
    }

    @Command(
            name = "ports",
            mixinStandardHelpOptions = true,
            description =
                    "Ports needed to carry A erlangs at a target blocking (or queue service level with --holding).")
    static final class Ports implements Callable<Integer> {
        @Option(names = "--traffic", required = true, description = "offered traffic in erlangs")
        double traffic;

        @Option(names = "--blocking", description = "target blocking, e.g. 0.01 for 1 %%")
        Double blocking;

        @Option(
                names = "--retry",
                defaultValue = "0",
                description = "fraction of blocked calls that retry, 0..<1; default ${DEFAULT-VALUE}")
        double retry;

        @Option(names = "--holding", description = "mean holding time in seconds: size a queue (Erlang C) instead")
        Double holding;

        @Option(
                names = "--service-level",
                defaultValue = "0.8",
                description = "with --holding: fraction served within --within; default ${DEFAULT-VALUE}")
        double serviceLevel;

        @Option(
                names = "--within",
                defaultValue = "60",
                description = "with --holding: seconds; default ${DEFAULT-VALUE}")
        double within;

        @Mixin
        Output output;

        @Override
        public Integer call() {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("offeredErlangs", traffic);
            if (holding != null) {
                int n = ErlangC.portsFor(traffic, holding, serviceLevel, within);
                r.put("ports", n);
                r.put("serviceLevel", ErlangC.serviceLevel(n, traffic, holding, within));
                output.print(r, Integer.toString(n));
                return Portman.OK;
            }
            if (blocking == null) {
                throw new IllegalArgumentException("give --blocking (loss system) or --holding (queue)");
            }
            int n = retry > 0
                    ? ExtendedErlangB.portsFor(traffic, blocking, retry)
                    : ErlangB.portsFor(traffic, blocking);
            double achieved = retry > 0 ? ExtendedErlangB.blocking(n, traffic, retry) : ErlangB.blocking(n, traffic);
            r.put("targetBlocking", blocking);
            r.put("ports", n);
            r.put("blocking", achieved);
            if (n > 0) {
                double fewer =
                        retry > 0 ? ExtendedErlangB.blocking(n - 1, traffic, retry) : ErlangB.blocking(n - 1, traffic);
                r.put("blockingWithOneFewer", fewer);
            }
            output.print(r, Integer.toString(n));
            return Portman.OK;
        }
    }

    @Command(
            name = "traffic",
            mixinStandardHelpOptions = true,
            description = "Erlangs N ports carry at a target blocking.")
    static final class Traffic implements Callable<Integer> {
        @Option(names = "--ports", required = true, description = "ports in the group")
        int ports;

        @Option(names = "--blocking", required = true, description = "target blocking, e.g. 0.01")
        double blocking;

        @Mixin
        Output output;

        @Override
        public Integer call() {
            double a = ErlangB.trafficFor(ports, blocking);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("ports", ports);
            r.put("targetBlocking", blocking);
            r.put("offeredErlangs", a);
            r.put("carriedErlangs", ErlangB.carried(ports, a));
            output.print(r, num(a));
            return Portman.OK;
        }
    }
}
