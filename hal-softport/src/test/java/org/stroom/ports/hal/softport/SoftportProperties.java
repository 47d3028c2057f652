package org.stroom.ports.hal.softport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.stroom.ports.hal.api.BackendState;
import org.stroom.ports.hal.api.BoardId;
import org.stroom.ports.hal.api.ChannelId;
import org.stroom.ports.hal.api.ChannelInfo;
import org.stroom.ports.hal.api.ChannelState;
import org.stroom.ports.t1.Defect;
import org.stroom.ports.t1.SpanLocation;

/**
 * Event and state invariants under random seeds, loads and fault plans: 30 simulated minutes of
 * inbound traffic (fax and voice), outbound calls with every far-end outcome and timing jitter,
 * with defects, D-channel failures, board faults, stuck channels, vendor errors, cable pulls and
 * out-of-service periods injected at random times; then every fault is healed and the calls left
 * are given three hours to end.
 */
class SoftportProperties {
    enum Kind {
        LOS,
        LOF,
        AIS,
        RAI,
        CLEAR_DEFECTS,
        DCHANNEL_DOWN,
        DCHANNEL_UP,
        BOARD_FAULT,
        BOARD_RECOVER,
        STICK,
        UNSTICK,
        FAIL_NEXT,
        UNPLUG,
        REPLUG,
        OUT_OF_SERVICE,
        IN_SERVICE
    }

    record Step(int atSecond, Kind kind, int port, int ds0) {}

    private static final BoardId BOARD = new BoardId("server", 0);

    @Provide
    Arbitrary<List<Step>> faultPlans() {
        return Combinators.combine(
                        Arbitraries.integers().between(0, 1800),
                        Arbitraries.of(Kind.class),
                        Arbitraries.integers().between(1, 2),
                        Arbitraries.integers().between(1, 23))
                .as(Step::new)
                .list()
                .ofMaxSize(10);
    }

    @Property(tries = 25)
    void noChannelIsEverInTwoCalls(
            @ForAll long seed,
            @ForAll @IntRange(min = 200, max = 2500) int callsPerHour,
            @ForAll("faultPlans") List<Step> plan) {
        EventInvariants inv = simulate(seed, callsPerHour, plan).invariants;
        assertThat(inv.violations(EventInvariants.CHANNEL)).isEmpty();
    }

    @Property(tries = 25)
    void everyCallEndsWithExactlyOneDisconnectedEvent(
            @ForAll long seed,
            @ForAll @IntRange(min = 200, max = 2500) int callsPerHour,
            @ForAll("faultPlans") List<Step> plan) {
        Run run = simulate(seed, callsPerHour, plan);
        assertThat(run.invariants.violations(EventInvariants.DISCONNECT)).isEmpty();
        assertThat(run.invariants.unfinished()).isEmpty();
        assertThat(run.invariants.disconnected).isEqualTo(run.invariants.started());
        assertThat(run.invariants.offered).isEqualTo(run.carried);
        assertThat(run.idleAtEnd).isTrue();
    }

    @Property(tries = 25)
    void sequenceNumbersIncreaseByOneAndTimesNeverGoBack(
            @ForAll long seed,
            @ForAll @IntRange(min = 200, max = 2500) int callsPerHour,
            @ForAll("faultPlans") List<Step> plan) {
        EventInvariants inv = simulate(seed, callsPerHour, plan).invariants;
        assertThat(inv.violations(EventInvariants.SEQUENCE)).isEmpty();
        // a backend taken out of service publishes nothing for refused offers; otherwise events must flow
        boolean everOutOfService = plan.stream().anyMatch(st -> st.kind() == Kind.OUT_OF_SERVICE);
        if (!everOutOfService) {
            assertThat(inv.events()).isPositive();
        }
    }

    /**
     * Found by a clean CI run with random seeds (jqwik seed -5288497978861564895, shrunk): LOS on
     * port 1 at 0 s, then a vendor error armed on port 2 at 9 s, at 200 calls/h. The armed error hit
     * the outbound application's hang-up of a connected call, and the application gave up, leaving
     * the call connected for ever; applications now retry a refused hang-up.
     */
    @net.jqwik.api.Example
    void losOnOneSpanThenAVendorErrorOnTheOtherKeepsEveryInvariant() {
        Run run = simulate(2, 200, List.of(new Step(0, Kind.LOS, 1, 1), new Step(9, Kind.FAIL_NEXT, 2, 1)));
        assertThat(run.invariants.events()).isPositive();
        assertThat(run.invariants.disconnected).isEqualTo(run.invariants.started());
        assertThat(run.idleAtEnd).isTrue();
    }

    record Run(EventInvariants invariants, long carried, boolean idleAtEnd) {}

    static Run simulate(long seed, int callsPerHour, List<Step> plan) {
        VirtualClock clock = new VirtualClock();
        SoftBackend backend = SoftBackend.builder("server")
                .clock(clock)
                .seed(seed)
                .callTimings(CallTimings.DEFAULT.withJitter(0.3))
                .board(BoardModel.TR1034_2T1, Sim.pri("P-A", 3125550100L), Sim.pri("P-B", 3125550200L))
                .build();
        List<Cable> cables = backend.cables();
        EventInvariants inv = new EventInvariants();
        backend.subscribe(inv, Runnable::run);
        ApplicationBehaviour app = ApplicationBehaviour.builder(backend)
                .acceptFirst((seed & 1) == 0)
                .answerAfter(Duration.ofMillis(Math.floorMod(seed, 3000)))
                .hangUpAfter(HoldingTime.exponential(Duration.ofSeconds(150)))
                .seed(seed)
                .build();
        TrafficSource traffic = TrafficSource.builder(clock)
                .seed(seed ^ 0x5DEECE66DL)
                .group(cables.toArray(Cable[]::new))
                .callsPerHour(callsPerHour)
                .faxShare(0.3)
                .voiceHolding(HoldingTime.exponential(Duration.ofSeconds(90)))
                .faxPages(PageCount.uniform(1, 3))
                .build();
        OutboundDriver outbound = new OutboundDriver(backend, inv, seed + 1, callsPerHour / 4.0);
        for (Step s : plan) {
            clock.schedule(Duration.ofSeconds(s.atSecond()).toNanos(), () -> apply(backend, cables, s));
        }
        traffic.start();
        outbound.start();
        for (int minute = 0; minute < 30; minute++) {
            clock.advance(Duration.ofMinutes(1));
            inv.checkAgainst(backend);
        }
        traffic.stop();
        outbound.stop();
        heal(backend, cables);
        clock.advance(Duration.ofHours(3));
        inv.checkAgainst(backend);
        boolean idle = backend.channels().stream().map(ChannelInfo::state).allMatch(s -> s == ChannelState.IDLE);
        long carried = traffic.stats().carried();
        app.close();
        backend.close();
        return new Run(inv, carried, idle);
    }

    private static void apply(SoftBackend b, List<Cable> cables, Step s) {
        SpanLocation span = new SpanLocation("server", 0, s.port());
        ChannelId ch = new ChannelId(span, s.ds0());
        Faults f = b.faults();
        try {
            switch (s.kind()) {
                case LOS -> f.raiseDefect(span, Defect.LOS);
                case LOF -> f.raiseDefect(span, Defect.LOF);
                case AIS -> f.raiseDefect(span, Defect.AIS);
                case RAI -> f.raiseDefect(span, Defect.RAI);
                case CLEAR_DEFECTS -> {
                    for (Defect d : Defect.values()) {
                        f.clearDefect(span, d);
                    }
                }
                case DCHANNEL_DOWN -> f.setDChannel(span, false);
                case DCHANNEL_UP -> f.setDChannel(span, true);
                case BOARD_FAULT -> f.boardFault(BOARD, "property fault");
                case BOARD_RECOVER -> f.boardRecover(BOARD);
                case STICK -> f.stickChannel(ch);
                case UNSTICK -> f.unstickChannel(ch);
                case FAIL_NEXT -> f.failNextOperation(ch);
                case UNPLUG -> cables.get(s.port() - 1).unplug();
                case REPLUG -> cables.get(s.port() - 1).plugInto(b, span);
                case OUT_OF_SERVICE -> b.setInService(false);
                case IN_SERVICE -> b.setInService(true);
            }
        } catch (IllegalArgumentException | IllegalStateException notApplicableNow) {
            // e.g. the D-channel of a span whose cable is out: the plan step does not apply now
        }
    }

    private static void heal(SoftBackend b, List<Cable> cables) {
        Faults f = b.faults();
        for (int port = 1; port <= 2; port++) {
            SpanLocation span = new SpanLocation("server", 0, port);
            cables.get(port - 1).plugInto(b, span);
            for (Defect d : Defect.values()) {
                f.clearDefect(span, d);
            }
            f.setDChannel(span, true);
            for (int ds0 = 1; ds0 <= 23; ds0++) {
                f.unstickChannel(new ChannelId(span, ds0));
            }
        }
        f.boardRecover(BOARD);
        if (b.state() != BackendState.IN_SERVICE) {
            b.setInService(true);
        }
    }
}
