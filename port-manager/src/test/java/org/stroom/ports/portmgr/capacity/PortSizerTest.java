package org.stroom.ports.portmgr.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stroom.ports.hal.api.PortKind;

class PortSizerTest {
    private final PortSizer sizer = new PortSizer();
    private static final HuntPool POOL = new HuntPool("p", PortKind.VOICE, PoolScope.anySpan());

    /** A module offering {@code erlangs} with 120 s calls. */
    private static Module voice(String name, double erlangs, Target target) {
        return new Module(
                name,
                ModuleKind.IVR_VOICE,
                "p",
                erlangs * 30,
                HoldingTime.mean(120),
                0,
                0,
                target,
                TrafficSource.CONFIGURED);
    }

    @Test
    void onePriWorthAtOnePercentNeedsTwentyThreePorts() {
        PoolRequirement r = sizer.requirement(POOL, List.of(voice("m", 14.4, Target.blocking(0.01))));

        assertThat(r.requiredPorts()).isEqualTo(23);
        assertThat(r.discipline()).isEqualTo(Discipline.LOSS);
    }

    @Test
    void modulesOfAPoolAddTheirTrafficAndTheStrictestTargetWins() {
        PoolRequirement r = sizer.requirement(
                POOL, List.of(voice("a", 40.0, Target.blocking(0.05)), voice("b", 40.3, Target.blocking(0.01))));

        assertThat(r.offeredErlangs()).isEqualTo(80.3, org.assertj.core.data.Offset.offset(1e-9));
        // Four T1s pooled carry about 80.3 E at 1 %.
        assertThat(r.requiredPorts()).isEqualTo(96);
        assertThat(sizer.check(r, 96)).allMatch(TargetCheck::met);
        assertThat(sizer.check(r, 95)).anyMatch(c -> !c.met());
    }

    @Test
    void retriesNeedMorePortsThanLostCalls() {
        Module plain = voice("m", 20, Target.blocking(0.01));
        PoolRequirement without = sizer.requirement(POOL, List.of(plain));
        PoolRequirement with = sizer.requirement(POOL, List.of(plain.withRetryFraction(0.8)));

        assertThat(with.retryFraction()).isEqualTo(0.8);
        assertThat(with.requiredPorts()).isGreaterThanOrEqualTo(without.requiredPorts());
        assertThat(((Achieved.Loss) sizer.achieved(with, without.requiredPorts())).blocking())
                .isGreaterThan(((Achieved.Loss) sizer.achieved(without, without.requiredPorts())).blocking());
    }

    @Test
    void aSmallSourcePopulationNeedsFewerPortsThanErlangB() {
        Module many = voice("m", 8, Target.blocking(0.01));
        PoolRequirement erlang = sizer.requirement(POOL, List.of(many));
        PoolRequirement engset = sizer.requirement(POOL, List.of(many.withSources(12)));

        assertThat(engset.sources()).isEqualTo(12);
        assertThat(engset.requiredPorts()).isLessThan(erlang.requiredPorts()).isLessThanOrEqualTo(12);
    }

    @Test
    void queuedPoolsAreSizedForServiceLevelAndMeanWait() {
        HuntPool out = new HuntPool("out", PortKind.FAX, PoolScope.anySpan());
        Module sl = Module.queued(
                "a", ModuleKind.OUTBOUND_FAX, "out", 600, HoldingTime.mean(180), new Target.ServiceLevel(0.9, 60));
        Module mw =
                Module.queued("b", ModuleKind.OUTBOUND_FAX, "out", 0, HoldingTime.mean(180), new Target.MeanWait(1));

        PoolRequirement r = sizer.requirement(out, List.of(sl, mw));
        int n = r.requiredPorts();

        assertThat(r.discipline()).isEqualTo(Discipline.QUEUE);
        assertThat(r.offeredErlangs()).isEqualTo(30.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(sizer.check(r, n)).allMatch(TargetCheck::met);
        assertThat(sizer.check(r, n - 1)).anyMatch(c -> !c.met());
        assertThat(sizer.achieved(r, 30)).isEqualTo(new Achieved.Queue(1.0, Double.POSITIVE_INFINITY));
    }

    @Test
    void poolWithoutTrafficNeedsNoPort() {
        assertThat(sizer.requirement(POOL, List.of()).requiredPorts()).isZero();
        assertThat(sizer.requirement(POOL, List.of(voice("m", 0, Target.blocking(0.01))))
                        .requiredPorts())
                .isZero();
    }

    @Test
    void cachedAndUncachedSizersAgree() {
        PortSizer uncached = new PortSizer(0);
        for (double a = 0.5; a < 200; a *= 1.7) {
            PoolRequirement r = sizer.requirement(POOL, List.of(voice("m", a, Target.blocking(0.02))));
            PoolRequirement u = uncached.requirement(POOL, List.of(voice("m", a, Target.blocking(0.02))));
            assertThat(r).isEqualTo(u);
            assertThat(sizer.achieved(r, r.requiredPorts())).isEqualTo(uncached.achieved(u, u.requiredPorts()));
        }
    }
}
