package org.stroom.ports.sim.moves;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stroom.ports.hal.softport.VirtualClock;

class AuditTrailTest {
    @Test
    void entriesAreNumberedInOrderAndStampedWithTheVirtualClock() {
        VirtualClock clock = new VirtualClock();
        AuditTrail trail = new AuditTrail(clock);

        trail.append("operator", "unplug circuit C1 from a/b0/s1", AuditTrail.Outcome.DONE, "");
        clock.advance(Duration.ofMillis(2_500));
        AuditTrail.Entry second =
                trail.append("takeover", "plug circuit C1 into b/b0/s2", AuditTrail.Outcome.FAILED, "x");

        assertThat(trail.entries())
                .extracting(AuditTrail.Entry::sequence, AuditTrail.Entry::atNanos, AuditTrail.Entry::actor)
                .containsExactly(tuple(1L, 0L, "operator"), tuple(2L, 2_500_000_000L, "takeover"));
        assertThat(second.describe()).isEqualTo("#2 t=2.500 s takeover: plug circuit C1 into b/b0/s2 -> FAILED (x)");
        assertThat(trail.since(1)).containsExactly(second);
        assertThat(trail.since(2)).isEmpty();
    }

    @Test
    void readersGetCopiesThatLaterAppendsDoNotChange() {
        AuditTrail trail = new AuditTrail(new VirtualClock());
        trail.append("operator", "check", AuditTrail.Outcome.REFUSED, "OCCUPIED: a/b0/s1 holds C2");

        List<AuditTrail.Entry> seen = trail.entries();
        trail.append("operator", "check again", AuditTrail.Outcome.DONE, "");

        assertThat(seen).hasSize(1);
        assertThat(trail.size()).isEqualTo(2);
        assertThatThrownBy(() -> seen.add(seen.get(0))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void rejectsEntriesThatDoNotSayWhoOrWhat() {
        AuditTrail trail = new AuditTrail(new VirtualClock());

        assertThatThrownBy(() -> trail.append(" ", "unplug", AuditTrail.Outcome.DONE, ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("actor");
        assertThatThrownBy(() -> trail.append("operator", "", AuditTrail.Outcome.DONE, ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("action");
        assertThat(trail.size()).isZero();
    }
}
