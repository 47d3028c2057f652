package org.stroom.ports.portmgr.alloc;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.stroom.ports.hal.api.BoardId;
import org.stroom.ports.hal.api.ChannelId;
import org.stroom.ports.hal.api.ChannelState;
import org.stroom.ports.hal.api.PortKind;
import org.stroom.ports.t1.Alarm;
import org.stroom.ports.t1.CircuitId;
import org.stroom.ports.t1.Signalling;
import org.stroom.ports.t1.SpanLocation;

/** One hand-written instance of every input type, and generators of arbitrary valid inputs. */
final class InputSamples {
    private InputSamples() {}

    /** Every concrete input type, found by walking the sealed hierarchy. */
    static List<Class<?>> leafTypes(Class<?> root) {
        List<Class<?>> out = new ArrayList<>();
        Class<?>[] permitted = root.getPermittedSubclasses();
        if (permitted == null) {
            out.add(root);
            return out;
        }
        for (Class<?> c : permitted) {
            out.addAll(leafTypes(c));
        }
        return out;
    }

    static List<Input> oneOfEach() {
        SpanLocation a = new SpanLocation("nöde-é", 1, 4);
        SpanLocation b = new SpanLocation("server", 0, 1);
        ChannelId ch = new ChannelId(a, 23);
        return List.of(
                new Input.MachineAdded(-5, "node-日本", MachineRole.NODE, 30_000_000_000L),
                new Input.SpanAdded(
                        7,
                        a,
                        new CircuitId("DHEC.123456..SW"),
                        Signalling.ISDN_PRI,
                        TimeslotSet.range(1, 23),
                        TimeslotSet.of(1, 2, 3),
                        TimeslotSet.range(4, 23),
                        EnumSet.of(Direction.IN)),
                new Input.SpanRemoved(8, a),
                new Input.SpanMoved(9, a, b),
                new Input.HuntGroupDefined(
                        10,
                        "fax-out",
                        HuntStrategy.LEAST_BUSY_SPAN,
                        PortKind.FAX,
                        List.of(GroupMember.wholeSpan(a), new GroupMember(b, TimeslotSet.of(24)))),
                new Input.ReservationDefined(11, "alert", PortKind.VOICE, 12),
                new Input.Allocate(
                        12, 99, PortKind.VOICE, Direction.OUT, "g", new Affinity("server", b, true), "alert", 5),
                new Input.Allocate(13, -1, PortKind.FAX, Direction.IN, null, null, "normal", Long.MAX_VALUE),
                new Input.Allocate(14, 3, PortKind.FAX, Direction.IN, null, Affinity.machine("x", false), "n", 1),
                new Input.Release(15, 4, 5),
                new Input.Renew(16, 6, 7, 8),
                new Input.CallActive(17, ch, 9, true),
                new Input.CallEnded(18, ch, 10),
                new Input.SpanAlarmChanged(19, a, Alarm.BLUE, true),
                new Input.DChannelChanged(20, b, false),
                new Input.ChannelServiceChanged(21, ch, false),
                new Input.BoardFaultChanged(22, new BoardId("server", 3), true),
                new Input.MachineHeartbeat(23, "server"),
                new Input.MachineDown(24, "server"),
                new Input.MachineUp(25, "server"),
                new Input.Lock(26, a, 0),
                new Input.Unlock(27, a, 24),
                new Input.Tick(Long.MIN_VALUE),
                new Input.AuditReport(
                        28,
                        "nöde-é",
                        List.of(
                                new AuditEntry(ch, ChannelState.CONNECTED, 77),
                                new AuditEntry(new ChannelId(a, 1), ChannelState.BLOCKED, 0))));
    }

    // ---------------------------------------------------------------- generators

    static Arbitrary<String> names() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(12),
                Arbitraries.strings()
                        .withChars("aé日本ßΩ-_.0😀".toCharArray())
                        .ofMinLength(1)
                        .ofMaxLength(10)
                        .filter(s -> !s.isBlank() && Check.wellFormed(s)));
    }

    static Arbitrary<SpanLocation> locations() {
        return Combinators.combine(
                        names(),
                        Arbitraries.integers().between(0, 1000),
                        Arbitraries.integers().between(1, SpanLocation.MAX_PORT))
                .as(SpanLocation::new);
    }

    static Arbitrary<ChannelId> channels() {
        return Combinators.combine(locations(), Arbitraries.integers().between(1, 24))
                .as(ChannelId::new);
    }

    static Arbitrary<TimeslotSet> timeslots() {
        return Arbitraries.integers().between(0, TimeslotSet.ALL_BITS).map(TimeslotSet::new);
    }

    static Arbitrary<Set<Direction>> directions() {
        return Arbitraries.subsetOf(Direction.values()).ofMinSize(1);
    }

    static Arbitrary<Long> times() {
        return Arbitraries.oneOf(Arbitraries.longs(), Arbitraries.longs().between(0, 1_000_000_000_000L));
    }

    static Arbitrary<Long> positive() {
        return Arbitraries.longs().between(1, Long.MAX_VALUE);
    }

    static Arbitrary<Affinity> affinities() {
        return Arbitraries.oneOf(
                Arbitraries.just((Affinity) null),
                Combinators.combine(names(), Arbitraries.of(true, false)).as(Affinity::machine),
                Combinators.combine(locations(), Arbitraries.of(true, false)).as(Affinity::span),
                Combinators.combine(locations(), Arbitraries.of(true, false))
                        .as((l, r) -> new Affinity(l.machine(), l, r)));
    }

    static Arbitrary<Input> inputs() {
        Arbitrary<Input.SpanAdded> spanAdded = Combinators.combine(
                        times(),
                        locations(),
                        Arbitraries.strings()
                                .withCharRange('A', 'Z')
                                .ofMinLength(1)
                                .ofMaxLength(64),
                        Arbitraries.of(Signalling.class),
                        timeslots(),
                        timeslots(),
                        timeslots(),
                        directions())
                .as((t, l, c, s, bearers, f, v, d) -> {
                    int bear = bearers.bits() & (s == Signalling.ISDN_PRI ? ~(1 << 23) : -1);
                    return new Input.SpanAdded(
                            t,
                            l,
                            new CircuitId(c),
                            s,
                            new TimeslotSet(bear),
                            new TimeslotSet(f.bits() & bear),
                            new TimeslotSet(v.bits() & bear),
                            d);
                });
        Arbitrary<Input.Allocate> allocate = Combinators.combine(
                        times(),
                        Arbitraries.longs(),
                        Arbitraries.of(PortKind.class),
                        Arbitraries.of(Direction.class),
                        names().injectNull(0.3),
                        affinities(),
                        names(),
                        positive())
                .as(Input.Allocate::new);
        Arbitrary<Input.HuntGroupDefined> group = Combinators.combine(
                        times(),
                        names(),
                        Arbitraries.of(HuntStrategy.class),
                        Arbitraries.of(PortKind.class),
                        Combinators.combine(locations(), timeslots().filter(t -> !t.isEmpty()))
                                .as(GroupMember::new)
                                .list()
                                .ofMinSize(1)
                                .ofMaxSize(6)
                                .uniqueElements(GroupMember::span))
                .as(Input.HuntGroupDefined::new);
        Arbitrary<AuditEntry> entry = Combinators.combine(
                        Arbitraries.integers().between(1, 24), Arbitraries.of(ChannelState.class), positive())
                .as((ds0, st, call) ->
                        new AuditEntry(new ChannelId(new SpanLocation("m", 0, 1), ds0), st, st.inCall() ? call : 0));
        return Arbitraries.oneOf(
                Combinators.combine(
                                times(),
                                names(),
                                Arbitraries.of(MachineRole.class),
                                Arbitraries.longs().between(0, Long.MAX_VALUE))
                        .as(Input.MachineAdded::new),
                spanAdded,
                Combinators.combine(times(), locations()).as(Input.SpanRemoved::new),
                Combinators.combine(times(), locations(), locations())
                        .filter((t, a, b) -> !a.equals(b))
                        .as(Input.SpanMoved::new),
                group,
                Combinators.combine(
                                times(),
                                names(),
                                Arbitraries.of(PortKind.class),
                                Arbitraries.integers().between(0, Integer.MAX_VALUE))
                        .as(Input.ReservationDefined::new),
                allocate,
                Combinators.combine(times(), Arbitraries.longs(), positive()).as(Input.Release::new),
                Combinators.combine(times(), Arbitraries.longs(), positive(), positive())
                        .as(Input.Renew::new),
                Combinators.combine(times(), channels(), positive(), Arbitraries.of(true, false))
                        .as(Input.CallActive::new),
                Combinators.combine(times(), channels(), positive()).as(Input.CallEnded::new),
                Combinators.combine(times(), locations(), Arbitraries.of(Alarm.class), Arbitraries.of(true, false))
                        .as(Input.SpanAlarmChanged::new),
                Combinators.combine(times(), locations(), Arbitraries.of(true, false))
                        .as(Input.DChannelChanged::new),
                Combinators.combine(times(), channels(), Arbitraries.of(true, false))
                        .as(Input.ChannelServiceChanged::new),
                Combinators.combine(
                                times(),
                                Combinators.combine(
                                                names(), Arbitraries.integers().between(0, 99))
                                        .as(BoardId::new),
                                Arbitraries.of(true, false))
                        .as(Input.BoardFaultChanged::new),
                Combinators.combine(times(), names()).as(Input.MachineHeartbeat::new),
                Combinators.combine(times(), names()).as(Input.MachineDown::new),
                Combinators.combine(times(), names()).as(Input.MachineUp::new),
                Combinators.combine(times(), locations(), Arbitraries.integers().between(0, 24))
                        .as(Input.Lock::new),
                Combinators.combine(times(), locations(), Arbitraries.integers().between(0, 24))
                        .as(Input.Unlock::new),
                times().map(Input.Tick::new),
                Combinators.combine(times(), entry.list().ofMaxSize(30))
                        .as((t, es) -> new Input.AuditReport(t, "m", es)));
    }
}
