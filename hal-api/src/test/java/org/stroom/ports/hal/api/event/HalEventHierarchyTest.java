package org.stroom.ports.hal.api.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HalEventHierarchyTest {
    static List<Class<?>> leaves(Class<?> c) {
        List<Class<?>> out = new ArrayList<>();
        if (c.isSealed()) {
            for (Class<?> p : c.getPermittedSubclasses()) {
                out.addAll(leaves(p));
            }
        } else {
            out.add(c);
        }
        return out;
    }

    @Test
    void everyEventIsARecordWithSequenceAndTime() {
        List<Class<?>> all = leaves(HalEvent.class);
        assertThat(all).hasSize(20);
        assertThat(all).allSatisfy(c -> {
            assertThat(c.isRecord()).as(c.getSimpleName()).isTrue();
            assertThat(c.getRecordComponents()[0].getName()).isEqualTo("sequence");
            assertThat(c.getRecordComponents()[1].getName()).isEqualTo("atNanos");
        });
    }
}
