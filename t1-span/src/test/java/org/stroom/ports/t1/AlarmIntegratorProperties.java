package org.stroom.ports.t1;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The integrator against an independent millisecond-tick model: a condition must have held for
 * the set time before its alarm is declared, and clean signal for the clear time before it clears.
 */
class AlarmIntegratorProperties {
    record Step(int afterMs, Set<Defect> defects) {}

    static final class ManualClock implements NanoClock {
        long now;

        @Override
        public long nanos() {
            return now;
        }
    }

    @Provide
    Arbitrary<List<Step>> traces() {
        Arbitrary<Set<Defect>> sets = Arbitraries.of(Defect.class).set().ofMaxSize(4);
        Arbitrary<Integer> gaps = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(0, 600)),
                net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(2000, 3000)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(9000, 11000)));
        return Combinators.combine(gaps, sets).as(Step::new).list().ofMaxSize(25);
    }

    @Property(tries = 300)
    void alarmsAreDeclaredIffTheirConditionPersistedForTheSetTime(@ForAll("traces") List<Step> trace) {
        ManualClock clock = new ManualClock();
        AlarmIntegrator integrator = new AlarmIntegrator(AlarmTimings.DEFAULT, clock);
        TickModel model = new TickModel(AlarmTimings.DEFAULT);
        List<AlarmTransition> all = new ArrayList<>();
        for (Step s : trace) {
            for (int ms = 0; ms < s.afterMs(); ms++) {
                clock.now += 1_000_000L;
                model.tick();
                all.addAll(integrator.poll());
                assertThat(integrator.declared()).isEqualTo(model.declared);
            }
            all.addAll(integrator.setDefects(s.defects()));
            model.set(s.defects());
            assertThat(integrator.declared())
                    .as("at %d ms", clock.now / 1_000_000)
                    .isEqualTo(model.declared);
        }
        assertThat(all).extracting(AlarmTransition::atNanos).isEqualTo(model.transitionTimes);
    }

    @Property(tries = 200)
    void redClearsOnlyAfterClearTimeOfCleanSignal(@ForAll("traces") List<Step> trace) {
        ManualClock clock = new ManualClock();
        AlarmIntegrator integrator = new AlarmIntegrator(AlarmTimings.DEFAULT, clock);
        long lastRedDefectSeen = Long.MIN_VALUE;
        for (Step s : trace) {
            clock.now += s.afterMs() * 1_000_000L;
            for (AlarmTransition t : integrator.setDefects(s.defects())) {
                if (t.alarm() == Alarm.RED && !t.declared()) {
                    assertThat(t.atNanos() - lastRedDefectSeen)
                            .isGreaterThanOrEqualTo(AlarmTimings.DEFAULT.clearNanos());
                }
            }
            if (s.defects().contains(Defect.LOS) || s.defects().contains(Defect.LOF)) {
                lastRedDefectSeen = clock.now;
            }
        }
    }

    /** Counts milliseconds of each condition run; written independently of the integrator. */
    static final class TickModel {
        final long[] setMs = new long[3];
        final long clearMs;
        final long[] runMs = new long[3];
        final boolean[] cond = new boolean[3];
        final EnumSet<Alarm> declared = EnumSet.noneOf(Alarm.class);
        final List<Long> transitionTimes = new ArrayList<>();
        long nowMs;

        TickModel(AlarmTimings t) {
            for (Alarm a : Alarm.values()) {
                setMs[a.ordinal()] = t.setNanos(a) / 1_000_000L;
            }
            clearMs = t.clearNanos() / 1_000_000L;
        }

        void set(Set<Defect> d) {
            boolean[] next = {
                d.contains(Defect.LOS) || d.contains(Defect.LOF), d.contains(Defect.AIS), d.contains(Defect.RAI)
            };
            for (int i = 0; i < 3; i++) {
                if (next[i] != cond[i]) {
                    cond[i] = next[i];
                    runMs[i] = 0;
                }
            }
            evaluate();
        }

        void tick() {
            nowMs++;
            for (int i = 0; i < 3; i++) {
                runMs[i]++;
            }
            evaluate();
        }

        void evaluate() {
            List<Long> now = new ArrayList<>();
            for (Alarm a : Alarm.values()) {
                int i = a.ordinal();
                if (cond[i] && !declared.contains(a) && runMs[i] >= setMs[i]) {
                    declared.add(a);
                    now.add((nowMs - runMs[i] + setMs[i]) * 1_000_000L);
                } else if (!cond[i] && declared.contains(a) && runMs[i] >= clearMs) {
                    declared.remove(a);
                    now.add((nowMs - runMs[i] + clearMs) * 1_000_000L);
                }
            }
            now.sort(Long::compare);
            transitionTimes.addAll(now);
        }
    }
}
