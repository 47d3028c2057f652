package org.stroom.ports.portmgr.alloc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;
import net.jqwik.api.statistics.Statistics;
import org.stroom.ports.hal.api.BoardId;
import org.stroom.ports.hal.api.ChannelId;
import org.stroom.ports.hal.api.ChannelState;
import org.stroom.ports.hal.api.PortKind;
import org.stroom.ports.t1.Alarm;
import org.stroom.ports.t1.SpanLocation;

/**
 * Stateful properties: random sequences of allocate, release, renew, tick (expiry, heartbeat loss), span
 * alarms, D-channel loss, board faults, channel service, node down and up, locks, inbound and outbound
 * calls, audits, reservations, span moves and removals, snapshots and restarts, checked step by step
 * against the naive model in {@link World}.
 */
class PortManagerProperties {

    @Property(tries = 75)
    void allocatorKeepsItsInvariantsAndReplaysExactly(@ForAll("chains") ActionChain<World> chain) {
        World w = chain.withInvariant("no DS0 leased twice; leases are the model's", World::checkLeases)
                .withInvariant("busy + free + unusable == total, as the model counts", World::checkCounts)
                .withInvariant("incremental indexes == rebuilt indexes", World::checkIndexes)
                .run();
        w.restart();
        w.checkLeases();
        w.checkCounts();

        // The generators must reach the interesting paths, or the invariants prove little.
        Metrics.Activity a = w.live.metrics().activity();
        Map<RejectReason, Long> rej = a.rejected();
        Statistics.label("granted").collect(a.granted() > 0);
        Statistics.label("no capacity").collect(rej.get(RejectReason.NO_CAPACITY) > 0);
        Statistics.label("outage").collect(rej.get(RejectReason.ALL_IN_ALARM) + rej.get(RejectReason.NODE_DOWN) > 0);
        Statistics.label("reserved").collect(rej.get(RejectReason.RESERVED_FOR_OTHERS) > 0);
        Statistics.label("expired").collect(a.expired() > 0);
        Statistics.label("revoked").collect(a.revoked() > 0);
        Statistics.label("snapshot restored").collect(w.restoredFromSnapshot);
        for (String label : List.of("no capacity", "outage", "reserved", "expired", "revoked", "snapshot restored")) {
            Statistics.label(label).coverage(c -> c.check(true).count(n -> n >= 3));
        }
        Statistics.label("granted").coverage(c -> c.check(true).percentage(p -> p >= 50));
    }

    @Provide
    Arbitrary<ActionChain<World>> chains() {
        return ActionChain.startWith(World::new)
                .withAction(8, allocate())
                .withAction(3, release())
                .withAction(2, renew())
                .withAction(4, tick())
                .withAction(3, machines())
                .withAction(2, alarm())
                .withAction(1, dChannel())
                .withAction(1, boardFault())
                .withAction(1, channelService())
                .withAction(2, lock())
                .withAction(3, callOffered())
                .withAction(2, callOnLease())
                .withAction(3, callEnded())
                .withAction(1, audit())
                .withAction(1, reserve())
                .withAction(1, moveOrUnplug())
                .withAction(1, snapshot())
                .withAction(1, restart())
                .withMaxTransformations(60);
    }

    private static final List<String> GROUPS =
            Arrays.asList("td", "bu", "rru", "rrd", "lb", "lbv", "bal", "balf", null, "nope");
    private static final Map<String, PortKind> GROUP_KIND = Map.of(
            "td", PortKind.FAX,
            "bu", PortKind.VOICE,
            "rru", PortKind.FAX,
            "rrd", PortKind.VOICE,
            "lb", PortKind.FAX,
            "lbv", PortKind.VOICE,
            "bal", PortKind.VOICE,
            "balf", PortKind.FAX);

    private static Action.Dependent<World> allocate() {
        return w -> {
            Arbitrary<Affinity> affinity = Arbitraries.frequencyOf(
                    net.jqwik.api.Tuple.of(6, Arbitraries.just((Affinity) null)),
                    net.jqwik.api.Tuple.of(
                            1,
                            Combinators.combine(Arbitraries.of(w.slots), Arbitraries.of(true, false))
                                    .as(Affinity::span)),
                    net.jqwik.api.Tuple.of(
                            1,
                            Combinators.combine(Arbitraries.of(World.MACHINES), Arbitraries.of(true, false))
                                    .as(Affinity::machine)));
            Arbitrary<String> group = Arbitraries.of(GROUPS);
            return Combinators.combine(
                            group,
                            Arbitraries.of(PortKind.class),
                            Arbitraries.integers().between(0, 9),
                            Arbitraries.of(Direction.class),
                            affinity,
                            Arbitraries.of("normal", "normal", "alert"),
                            Arbitraries.of(1L, 3L, 10L).map(s -> s * World.SECOND))
                    .as((g, anyKind, pick, dir, aff, cls, lease) -> {
                        PortKind kind =
                                g != null && GROUP_KIND.containsKey(g) && pick > 0 ? GROUP_KIND.get(g) : anyKind;
                        return Transformer.mutate(
                                "allocate " + kind + " " + dir + " from " + g + " aff=" + aff + " cls=" + cls,
                                x -> x.allocate(g, kind, dir, aff, cls, lease));
                    });
        };
    }

    private static Arbitrary<Long> leaseIds(World w) {
        List<Long> ids = new ArrayList<>(w.leases.keySet());
        Arbitrary<Long> unknown = Arbitraries.longs().between(1, w.expectedNextLease + 2);
        return ids.isEmpty()
                ? unknown
                : Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(5, Arbitraries.of(ids)), net.jqwik.api.Tuple.of(1, unknown));
    }

    private static Action.Dependent<World> release() {
        return w -> leaseIds(w).map(id -> Transformer.mutate("release " + id, x -> x.release(id)));
    }

    private static Action.Dependent<World> renew() {
        return w -> Combinators.combine(leaseIds(w), Arbitraries.of(1L, 5L).map(s -> s * World.SECOND))
                .as((id, n) -> Transformer.mutate("renew " + id + " for " + n, x -> x.renew(id, n)));
    }

    private static Action.Independent<World> tick() {
        return () -> Arbitraries.longs()
                .between(0, 3000)
                .map(ms -> Transformer.mutate("tick +" + ms + "ms", x -> x.tick(ms * World.MS)));
    }

    private static Action.Independent<World> machines() {
        return () -> Combinators.combine(
                        Arbitraries.of(World.MACHINES), Arbitraries.integers().between(0, 5))
                .as((m, what) -> what <= 2
                        ? Transformer.<World>mutate("heartbeat " + m, x -> x.machineUp(m, true))
                        : what == 3
                                ? Transformer.<World>mutate("machine up " + m, x -> x.machineUp(m, false))
                                : Transformer.<World>mutate("machine down " + m, x -> x.machineDown(m)));
    }

    private static Action.Independent<World> alarm() {
        return () -> Combinators.combine(
                        Arbitraries.of(World.POSITIONS), Arbitraries.of(Alarm.class), Arbitraries.of(true, false))
                .as((s, a, raised) -> Transformer.mutate(
                        (raised ? "raise " : "clear ") + a + " on " + s, x -> x.alarm(s, a, raised)));
    }

    private static Action.Independent<World> dChannel() {
        return () -> Combinators.combine(Arbitraries.of(World.POSITIONS), Arbitraries.of(true, false))
                .as((s, up) ->
                        Transformer.mutate("D-channel " + (up ? "up" : "down") + " on " + s, x -> x.dChannel(s, up)));
    }

    private static Action.Independent<World> boardFault() {
        return () -> Combinators.combine(
                        Arbitraries.of(World.MACHINES),
                        Arbitraries.integers().between(0, 1),
                        Arbitraries.of(true, false))
                .as((m, b, f) -> Transformer.mutate(
                        (f ? "fault " : "recover ") + m + "/b" + b, x -> x.boardFault(new BoardId(m, b), f)));
    }

    private static Action.Dependent<World> channelService() {
        return w -> Combinators.combine(Arbitraries.of(w.allChannels()), Arbitraries.of(true, false))
                .as((c, in) -> Transformer.mutate(
                        "channel " + c + (in ? " in service" : " out of service"), x -> x.channelService(c, in)));
    }

    private static Action.Independent<World> lock() {
        return () -> Combinators.combine(
                        Arbitraries.of(World.POSITIONS),
                        Arbitraries.integers().between(0, 5),
                        Arbitraries.of(true, false))
                .as((s, ds0, l) ->
                        Transformer.mutate((l ? "lock " : "unlock ") + s + "/" + ds0, x -> x.lock(s, ds0, l)));
    }

    private static Action.Dependent<World> callOffered() {
        return w -> Arbitraries.of(w.allChannels())
                .map(c -> Transformer.mutate("inbound call on " + c, x -> x.callActive(c, x.nextCallId++, true)));
    }

    private static Action.Dependent<World> callOnLease() {
        List<ChannelId> leased = new ArrayList<>();
        return w -> {
            leased.clear();
            w.leases.values().forEach(l -> leased.add(l.channel()));
            if (leased.isEmpty()) {
                return Arbitraries.just(Transformer.noop());
            }
            List<ChannelId> choices = List.copyOf(leased);
            return Combinators.combine(Arbitraries.of(choices), Arbitraries.of(true, false))
                    .as((c, offered) -> Transformer.mutate(
                            (offered ? "inbound call on leased " : "outbound call progress on ") + c,
                            x -> x.callActive(c, x.calls.getOrDefault(c, x.nextCallId++), offered)));
        };
    }

    private static Action.Dependent<World> callEnded() {
        return w -> {
            List<Map.Entry<ChannelId, Long>> calls = new ArrayList<>(w.calls.entrySet());
            calls.sort(Map.Entry.comparingByValue());
            Arbitrary<Transformer<World>> wrong = Arbitraries.of(w.allChannels())
                    .map(c -> Transformer.mutate("end unknown call on " + c, x -> x.callEnded(c, 999_999)));
            if (calls.isEmpty()) {
                return wrong;
            }
            return Arbitraries.frequencyOf(
                    net.jqwik.api.Tuple.of(
                            6,
                            Arbitraries.of(calls)
                                    .map(e -> Transformer.mutate(
                                            "end call " + e.getValue() + " on " + e.getKey(),
                                            x -> x.callEnded(e.getKey(), e.getValue())))),
                    net.jqwik.api.Tuple.of(1, wrong));
        };
    }

    private static Action.Independent<World> audit() {
        return () -> Combinators.combine(
                        Arbitraries.of(World.MACHINES),
                        Combinators.combine(
                                        Arbitraries.integers().between(0, 4),
                                        Arbitraries.integers().between(1, 5),
                                        Arbitraries.of(
                                                ChannelState.IDLE,
                                                ChannelState.CONNECTED,
                                                ChannelState.OUT_OF_SERVICE,
                                                ChannelState.BLOCKED),
                                        Arbitraries.longs().between(1, 3))
                                .as(AuditSpec::new)
                                .list()
                                .ofMaxSize(4))
                .as((m, specs) -> Transformer.mutate("audit " + m + " " + specs, x -> {
                    List<SpanLocation> onMachine = World.POSITIONS.stream()
                            .filter(s -> s.machine().equals(m))
                            .toList();
                    List<AuditEntry> entries = new ArrayList<>();
                    for (AuditSpec spec : specs) {
                        SpanLocation s = onMachine.get(spec.span() % onMachine.size());
                        ChannelState st = spec.state();
                        entries.add(
                                new AuditEntry(new ChannelId(s, spec.ds0()), st, st.inCall() ? 1000 + spec.call() : 0));
                    }
                    x.audit(m, entries);
                }));
    }

    record AuditSpec(int span, int ds0, ChannelState state, long call) {}

    private static Action.Independent<World> reserve() {
        return () -> Combinators.combine(
                        Arbitraries.of("alert", "normal"),
                        Arbitraries.of(PortKind.class),
                        Arbitraries.integers().between(0, 3))
                .as((c, k, n) -> Transformer.mutate("reserve " + n + " " + k + " for " + c, x -> x.reserve(c, k, n)));
    }

    private static Action.Independent<World> moveOrUnplug() {
        return () -> Arbitraries.of(true, false)
                .map(move -> move
                        ? Transformer.<World>mutate("move D <-> spare", x -> {
                            if (x.present.containsKey(World.D)) {
                                x.move(World.D, World.SPARE);
                            } else {
                                x.move(World.SPARE, World.D);
                            }
                        })
                        : Transformer.<World>mutate(
                                "unplug or replug C", x -> x.unplugOrReplug(World.C, World.INITIAL.get(World.C))));
    }

    private static Action.Independent<World> snapshot() {
        return () -> Arbitraries.just(Transformer.mutate("snapshot", World::takeSnapshot));
    }

    private static Action.Independent<World> restart() {
        return () -> Arbitraries.just(
                Transformer.mutate("restart: replay journal, restore snapshot + tail", World::restart));
    }
}
