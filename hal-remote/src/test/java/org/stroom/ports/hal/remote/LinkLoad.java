package org.stroom.ports.hal.remote;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import org.stroom.ports.hal.api.BackendState;
import org.stroom.ports.hal.api.BoardInfo;
import org.stroom.ports.hal.api.CallId;
import org.stroom.ports.hal.api.ChannelId;
import org.stroom.ports.hal.api.ChannelInfo;
import org.stroom.ports.hal.api.DigitRequest;
import org.stroom.ports.hal.api.FaxReceiveRequest;
import org.stroom.ports.hal.api.FaxSendRequest;
import org.stroom.ports.hal.api.HalBackend;
import org.stroom.ports.hal.api.OutboundCall;
import org.stroom.ports.hal.api.PlayRequest;
import org.stroom.ports.hal.api.Q850Cause;
import org.stroom.ports.hal.api.RecordRequest;
import org.stroom.ports.hal.api.SpanInfo;
import org.stroom.ports.hal.api.StateChange;
import org.stroom.ports.hal.api.event.DigitReceived;
import org.stroom.ports.hal.api.event.HalEventListener;
import org.stroom.ports.hal.api.event.Subscription;
import org.stroom.ports.hal.api.spi.EventHub;
import org.stroom.ports.hal.softport.BoardModel;
import org.stroom.ports.hal.softport.SoftBackend;
import org.stroom.ports.hal.softport.VirtualClock;
import org.stroom.ports.t1.NanoClock;
import org.stroom.ports.t1.SpanLocation;

/**
 * Load test of the Node ↔ Server link on loopback with mutual TLS (not part of the test run):
 *
 * <ol>
 *   <li>events per second Node → Server: a Node whose backend publishes DigitReceived events as fast
 *       as it can (journaled to Chronicle, sent, applied, re-published, acknowledged), measured from
 *       the first publish to the Server applying the last;
 *   <li>the latency a command adds: {@code setBlocked(true/false)} round trips through the {@link
 *       RemoteBackend}, against the same calls on the local softport backend.
 * </ol>
 *
 * <pre>
 *   cd hal-remote &amp;&amp; mvn -B -o -q test-compile dependency:build-classpath -Dmdep.includeScope=test \
 *       -Dmdep.outputFile=target/cp.txt
 *   java ${jvm.flags.chronicle} -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *       org.stroom.ports.hal.remote.LinkLoad [events] [commands] [runs]
 * </pre>
 */
public final class LinkLoad {
    private LinkLoad() {}

    public static void main(String[] args) throws Exception {
        long events = args.length > 0 ? Long.parseLong(args[0]) : 500_000;
        int commands = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path dir = Files.createTempDirectory("link-load");
        TestPki pki = new TestPki(dir.resolve("pki"));
        System.out.printf(
                "%d events, %d commands per run, %d runs; %d processors, load average %.1f%n",
                events,
                commands,
                runs,
                Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage());
        for (int run = 1; run <= runs; run++) {
            run(pki, dir.resolve("run" + run), events, commands, run);
        }
    }

    private static void run(TestPki pki, Path dir, long events, int commands, int run) throws Exception {
        VirtualClock clock = new VirtualClock();
        SoftBackend soft = SoftBackend.builder("node1")
                .clock(clock)
                .seed(1)
                .board(BoardModel.TR1034_1T1, LinkFixture.pri())
                .build();
        Flood flood = new Flood(soft);
        NodeServer node = NodeServer.start(
                flood, NodeConfig.of("node1", pki.files("node1"), Set.of("server1"), dir.resolve("journal")));
        AtomicLong received = new AtomicLong();
        try (RemoteBackend remote = RemoteBackend.builder("node1", "127.0.0.1", node.port())
                .serverName("server1")
                .tls(pki.files("server1"))
                .heartbeat(Duration.ofMillis(500), Duration.ofSeconds(10))
                .commandTimeout(Duration.ofSeconds(30))
                .build()) {
            if (!remote.awaitUp(Duration.ofSeconds(60))) {
                throw new IllegalStateException("link did not come up: " + remote.status());
            }
            remote.subscribeNodeEvents((seq, e) -> received.incrementAndGet());

            // warm-up, then the measured burst
            long start0 = remote.status().lastApplied();
            flood.publish(events / 10);
            remote.awaitApplied(start0 + events / 10, Duration.ofMinutes(5));
            long from = remote.status().lastApplied();
            long t0 = System.nanoTime();
            flood.publish(events);
            long published = System.nanoTime();
            if (!remote.awaitApplied(from + events, Duration.ofMinutes(10))) {
                throw new IllegalStateException("not all events arrived: " + remote.status());
            }
            long t1 = System.nanoTime();
            System.out.printf(
                    "run %d: events Node→Server %,.0f/s (publishing alone %,.0f/s), %d duplicates%n",
                    run,
                    events / ((t1 - t0) / 1e9),
                    events / ((published - t0) / 1e9),
                    remote.status().duplicatesDropped());

            ChannelId ch = new ChannelId(new SpanLocation("node1", 0, 1), 5);
            long[] local = time(commands, i -> soft.setBlocked(ch, i % 2 == 0));
            long[] remoteTimes = time(commands, i -> remote.setBlocked(ch, i % 2 == 0));
            System.out.printf(
                    "run %d: setBlocked round trip µs  local p50 %.1f p99 %.1f | remote p50 %.1f p99 %.1f p99.9 %.1f"
                            + " | added p50 %.1f%n",
                    run,
                    pct(local, 50),
                    pct(local, 99),
                    pct(remoteTimes, 50),
                    pct(remoteTimes, 99),
                    pct(remoteTimes, 99.9),
                    pct(remoteTimes, 50) - pct(local, 50));
        } finally {
            node.close();
            soft.close();
        }
    }

    private interface Op {
        void run(int i);
    }

    private static long[] time(int n, Op op) {
        for (int i = 0; i < n / 5; i++) {
            op.run(i); // warm-up
        }
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
            long s = System.nanoTime();
            op.run(i);
            t[i] = System.nanoTime() - s;
        }
        Arrays.sort(t);
        return t;
    }

    private static double pct(long[] sorted, double p) {
        int i = (int) Math.min(sorted.length - 1, Math.ceil(p / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1_000.0;
    }

    /**
     * The softport backend for inventory and commands, with its own hub that publishes DigitReceived
     * events in a tight loop (a digit on a connected call: the commonest small event).
     */
    static final class Flood implements HalBackend {
        private final SoftBackend soft;
        private final EventHub hub = new EventHub("flood", NanoClock.system());

        Flood(SoftBackend soft) {
            this.soft = soft;
        }

        void publish(long n) {
            ChannelId ch = new ChannelId(new SpanLocation("node1", 0, 1), 1);
            CallId call = new CallId(1);
            for (long i = 0; i < n; i++) {
                hub.publish((s, at) -> new DigitReceived(s, at, ch, call, '5'));
            }
        }

        @Override
        public Subscription subscribe(HalEventListener listener) {
            return hub.subscribe(listener);
        }

        @Override
        public Subscription subscribe(HalEventListener listener, Executor executor) {
            return hub.subscribe(listener, executor);
        }

        @Override
        public String id() {
            return "flood";
        }

        @Override
        public boolean simulated() {
            return true;
        }

        @Override
        public BackendState state() {
            return soft.state();
        }

        @Override
        public void setInService(boolean inService) {
            soft.setInService(inService);
        }

        @Override
        public List<BoardInfo> boards() {
            return soft.boards();
        }

        @Override
        public List<SpanInfo> spans() {
            return soft.spans();
        }

        @Override
        public SpanInfo span(SpanLocation location) {
            return soft.span(location);
        }

        @Override
        public List<ChannelInfo> channels() {
            return soft.channels();
        }

        @Override
        public ChannelInfo channel(ChannelId channel) {
            return soft.channel(channel);
        }

        @Override
        public List<StateChange> history(ChannelId channel) {
            return soft.history(channel);
        }

        @Override
        public void accept(ChannelId channel) {
            soft.accept(channel);
        }

        @Override
        public void answer(ChannelId channel) {
            soft.answer(channel);
        }

        @Override
        public void reject(ChannelId channel, Q850Cause cause) {
            soft.reject(channel, cause);
        }

        @Override
        public CallId placeCall(ChannelId channel, OutboundCall call) {
            return soft.placeCall(channel, call);
        }

        @Override
        public void hangUp(ChannelId channel, Q850Cause cause) {
            soft.hangUp(channel, cause);
        }

        @Override
        public void play(ChannelId channel, PlayRequest request) {
            soft.play(channel, request);
        }

        @Override
        public void record(ChannelId channel, RecordRequest request) {
            soft.record(channel, request);
        }

        @Override
        public void collectDigits(ChannelId channel, DigitRequest request) {
            soft.collectDigits(channel, request);
        }

        @Override
        public void sendDigits(ChannelId channel, String digits) {
            soft.sendDigits(channel, digits);
        }

        @Override
        public void sendFax(ChannelId channel, FaxSendRequest request) {
            soft.sendFax(channel, request);
        }

        @Override
        public void receiveFax(ChannelId channel, FaxReceiveRequest request) {
            soft.receiveFax(channel, request);
        }

        @Override
        public void stopMedia(ChannelId channel) {
            soft.stopMedia(channel);
        }

        @Override
        public void setBlocked(ChannelId channel, boolean blocked) {
            soft.setBlocked(channel, blocked);
        }

        @Override
        public void close() {
            hub.close();
        }
    }
}
