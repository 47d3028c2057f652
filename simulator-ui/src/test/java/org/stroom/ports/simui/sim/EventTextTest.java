package org.stroom.ports.simui.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stroom.ports.hal.api.event.HalEvent;
import org.stroom.ports.t1.Alarm;
import org.stroom.ports.t1.SpanLocation;

class EventTextTest {
    @Test
    void everyPermittedEventTypeHasItsOwnWording() {
        List<Class<?>> leaves = new ArrayList<>();
        collect(HalEvent.class, leaves);
        assertThat(leaves).isNotEmpty();
        assertThat(EventText.HANDLED)
                .containsExactlyInAnyOrderElementsOf(
                        leaves.stream().map(c -> c.asSubclass(HalEvent.class)).toList());
    }

    private static void collect(Class<?> c, List<Class<?>> out) {
        if (c.isSealed()) {
            for (Class<?> sub : c.getPermittedSubclasses()) {
                collect(sub, out);
            }
        } else {
            out.add(c);
        }
    }

    @Test
    void anAlarmReadsAsASpanEntry() {
        EventText.Described d = EventText.describe(
                new org.stroom.ports.hal.api.event.SpanAlarmRaised(1, 0, new SpanLocation("m", 0, 1), Alarm.BLUE));
        assertThat(d.category()).isEqualTo(LogCategory.SPAN);
        assertThat(d.text()).isEqualTo("BLUE alarm raised on m/b0/s1");
    }
}
