package org.stroom.ports.simui.view;

import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.stroom.ports.portmgr.config.DescriptionReader;
import org.stroom.ports.portmgr.config.SystemDescription;
import org.stroom.ports.simui.Screenshot;
import org.stroom.ports.simui.sim.Frame;
import org.stroom.ports.simui.sim.SimEngine;
import org.stroom.ports.simui.viewmodel.SimulatorViewModel;

/**
 * Measures how the simulator window copes with a large, busy installation: 44 PRI spans (1,012 bearer channels,
 * 1,056 cells) under inbound fax and voice traffic on a threaded engine, in the real window rendered headless
 * (Monocle, software pipeline). Records, per pulse, the time {@link SimulatorViewModel#applyLatestFrame()} takes
 * and the interval between pulses (which includes layout and rendering), and the engine's events per second.
 *
 * <p>Not a test (Surefire does not run it). Run: {@code java -cp <test class path>
 * org.stroom.ports.simui.view.FramePumpBenchmark [speed] [measureSeconds] [window|vm] [traffic|idle]} (defaults 10, 30,
 * window, traffic; {@code idle} leaves the traffic off, so only the clock changes; {@code vm} applies frames to a view model with no scene, to separate rendering); the figures go
 * to {@code docs/performance.md}, section "Simulator UI".
 */
public final class FramePumpBenchmark {
    private FramePumpBenchmark() {}

    /**
     * @param args optional speed factor and measuring seconds
     * @throws Exception when the window cannot be built
     */
    public static void main(String[] args) throws Exception {
        double speed = args.length > 0 ? Double.parseDouble(args[0]) : 10;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        boolean window = args.length < 3 || !args[2].equals("vm");
        Screenshot.startHeadlessToolkit();
        SystemDescription d = DescriptionReader.parse("benchmark", yaml(11, 4));
        long[] apply = new long[1 << 20];
        long[] gaps = new long[1 << 20];
        int[] counts = new int[3];
        boolean[] measuring = new boolean[1];
        CompletableFuture<SimulatorViewModel> ready = new CompletableFuture<>();
        Platform.runLater(() -> {
            SimulatorViewModel vm = new SimulatorViewModel(
                    (desc, t) -> SimEngine.open(desc, t, SimEngine.Options.interactive(Instant.EPOCH)));
            vm.load(d, "benchmark: 11 machines x TR1034-4T1, 44 PRI spans");
            if (window) {
                MainView view = new MainView(vm);
                Stage stage = new Stage();
                stage.setScene(new Scene(view.root(), 1900, 1180));
                stage.show();
            }
            new AnimationTimer() {
                long last;

                @Override
                public void handle(long now) {
                    long t0 = System.nanoTime();
                    boolean applied = vm.applyLatestFrame();
                    long t1 = System.nanoTime();
                    if (measuring[0]) {
                        if (applied && counts[0] < apply.length) {
                            apply[counts[0]++] = t1 - t0;
                        }
                        if (last != 0 && counts[1] < gaps.length) {
                            gaps[counts[1]++] = now - last;
                        }
                        counts[2]++;
                    }
                    last = now;
                }
            }.start();
            ready.complete(vm);
        });
        SimulatorViewModel vm = ready.get(60, TimeUnit.SECONDS);
        SimEngine engine = vm.engine();
        engine.setSpeed(speed).get(5, TimeUnit.SECONDS);
        boolean idle = args.length > 3 && args[3].equals("idle");
        if (!idle) {
            engine.startTraffic().get(5, TimeUnit.SECONDS);
        }
        System.out.printf(
                Locale.ROOT,
                "cells %d, speed x%.0f, warming up 15 s%n",
                engine.layout().cellCount(),
                speed);
        new CountDownLatch(1).await(15, TimeUnit.SECONDS);
        Frame before = engine.latestFrame();
        long[] cpuBefore = cpu();
        long realBefore = System.nanoTime();
        runOnFx(() -> measuring[0] = true);
        long[] build = new long[seconds * 200];
        int builds = 0;
        long lastSeq = 0;
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        int busyMax = 0;
        while (System.nanoTime() < end) {
            Frame f = engine.latestFrame();
            if (f.sequence() != lastSeq && builds < build.length) {
                lastSeq = f.sequence();
                build[builds++] = f.stats().buildNanos();
                int busy = 0;
                for (int i = 0; i < f.cellCount(); i++) {
                    busy += f.state(i).busy() ? 1 : 0;
                }
                busyMax = Math.max(busyMax, busy);
            }
            new CountDownLatch(1).await(5, TimeUnit.MILLISECONDS);
        }
        runOnFx(() -> measuring[0] = false);
        long[] cpuAfter = cpu();
        Frame after = engine.latestFrame();
        double real = (System.nanoTime() - realBefore) / 1e9;
        double events = (after.stats().eventsTotal() - before.stats().eventsTotal()) / real;
        double simSeconds = (after.clock().simNanos() - before.clock().simNanos()) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "measured %.1f s real, %.0f s simulated (achieved x%.1f), %.0f HAL events/s, up to %d busy cells%n",
                real,
                simSeconds,
                simSeconds / real,
                events,
                busyMax);
        System.out.printf(
                Locale.ROOT,
                "pulses %d (%.1f/s), frames applied %d (%.1f/s)%n",
                counts[2],
                counts[2] / real,
                counts[0],
                counts[0] / real);
        System.out.printf(
                Locale.ROOT,
                "CPU per pulse: FX thread %.2f ms, renderer %.2f ms; simulation thread %.0f %% of a core%n",
                (cpuAfter[0] - cpuBefore[0]) / 1e6 / Math.max(1, counts[2]),
                (cpuAfter[1] - cpuBefore[1]) / 1e6 / Math.max(1, counts[2]),
                (cpuAfter[2] - cpuBefore[2]) / 1e7 / real);
        System.out.println("applyLatestFrame ms: " + percentiles(apply, counts[0]));
        System.out.println("pulse interval ms:   " + percentiles(gaps, counts[1]));
        System.out.println("frame build ms (simulation thread): " + percentiles(build, builds));
        Platform.runLater(vm::close);
        Platform.exit();
        System.exit(0);
    }

    /** @return CPU nanoseconds of the FX thread, the renderer thread(s) and the simulation thread */
    private static long[] cpu() {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long[] out = new long[3];
        for (java.lang.management.ThreadInfo t : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (t == null) {
                continue;
            }
            long c = Math.max(0, mx.getThreadCpuTime(t.getThreadId()));
            String n = t.getThreadName();
            if (n.equals("JavaFX Application Thread")) {
                out[0] += c;
            } else if (n.startsWith("QuantumRenderer")) {
                out[1] += c;
            } else if (n.equals("simui-sim")) {
                out[2] += c;
            }
        }
        return out;
    }

    private static void runOnFx(Runnable r) throws Exception {
        CompletableFuture<Void> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            r.run();
            f.complete(null);
        });
        f.get(10, TimeUnit.SECONDS);
    }

    private static String percentiles(long[] values, int n) {
        if (n == 0) {
            return "no samples";
        }
        long[] v = Arrays.copyOf(values, n);
        Arrays.sort(v);
        return String.format(
                Locale.ROOT,
                "p50 %.2f, p95 %.2f, p99 %.2f, max %.2f (n=%d)",
                v[n / 2] / 1e6,
                v[(int) (n * 0.95)] / 1e6,
                v[Math.min(n - 1, (int) (n * 0.99))] / 1e6,
                v[n - 1] / 1e6,
                n);
    }

    /** @return one system of {@code machines} machines, each with one four-span TR1034, all spans PRI with DIDs */
    static String yaml(int machines, int spansPerBoard) {
        StringBuilder b = new StringBuilder("systems:\n  - name: perf\n    machines:\n");
        StringBuilder circuits = new StringBuilder();
        int n = 0;
        for (int m = 0; m < machines; m++) {
            b.append("      - name: m").append(m).append("\n        role: ").append(m == 0 ? "server" : "node");
            b.append("\n        boards:\n          - model: TR1034_4T1\n            spans:\n");
            for (int p = 1; p <= spansPerBoard; p++) {
                n++;
                String id = String.format(Locale.ROOT, "PERF.%04d", n);
                long first = 2125500000L + n * 1000L;
                b.append("              - {port: ")
                        .append(p)
                        .append(", circuit: ")
                        .append(id)
                        .append(", signalling: ISDN_PRI, switch: NI2, dids: [\"")
                        .append(first)
                        .append('-')
                        .append(first + 299)
                        .append("\"]}\n");
                circuits.append(circuits.length() == 0 ? "" : ", ").append(id);
            }
        }
        b.append("    huntGroups:\n      - {name: inbound, kind: FAX, strategy: BALANCE_MACHINES, members: [")
                .append(circuits)
                .append("]}\n");
        b.append("    modules:\n");
        b.append("      - {name: inbound-fax, type: INBOUND_FAX, pool: inbound, busyHourAttempts: 20000,"
                + " pagesPerFax: 2, faxSpeed: V34, target: {blocking: 0.01}}\n");
        b.append("redundancy:\n  mode: MODE_0\n");
        return b.toString();
    }
}
