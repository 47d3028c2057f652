package org.stroom.ports.hal.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stroom.ports.hal.api.spi.Availability;
import org.stroom.ports.hal.api.spi.BackendOptions;
import org.stroom.ports.hal.api.spi.BackendProvider;

class HalSelectionTest {
    record Stub(String id, int priority, boolean simulated, Availability availability) implements BackendProvider {
        @Override
        public Availability probe(BackendOptions options) {
            if (availability == null) {
                throw new IllegalStateException("boom");
            }
            return availability;
        }

        @Override
        public HalBackend open(BackendOptions options) {
            throw new UnsupportedOperationException("not opened in this test");
        }
    }

    private static final BackendOptions OPTS = BackendOptions.defaults();
    private final Stub dialogic =
            new Stub("dialogic", 10, false, Availability.unavailable("libgc.so not found on jna.library.path"));
    private final Stub brooktrout = new Stub("brooktrout", 20, false, Availability.available());
    private final Stub softport = new Stub("softport", 0, true, Availability.available());

    @Test
    void prefersTheHighestPriorityAvailableRealBackend() {
        assertThat(Hal.choose(Hal.Selection.best(true, OPTS), List.of(softport, dialogic, brooktrout)))
                .isSameAs(brooktrout);
    }

    @Test
    void choosesTheSimulatorOnlyWhenAllowed() {
        assertThat(Hal.choose(Hal.Selection.best(true, OPTS), List.of(softport, dialogic)))
                .isSameAs(softport);
        assertThatThrownBy(() -> Hal.choose(Hal.Selection.best(false, OPTS), List.of(softport, dialogic)))
                .isInstanceOf(NoBackendException.class)
                .hasMessage("no hardware backend available for a real (non-simulated) backend; tried: "
                        + "dialogic (libgc.so not found on jna.library.path); "
                        + "softport (simulated, and simulated backends are not allowed)");
    }

    @Test
    void explicitlyConfiguredBackendWinsEvenOverHigherPriority() {
        assertThat(Hal.choose(Hal.Selection.named("softport", OPTS), List.of(softport, brooktrout)))
                .isSameAs(softport);
        assertThatThrownBy(() -> Hal.choose(Hal.Selection.named("dialogic", OPTS), List.of(dialogic, brooktrout)))
                .hasMessageContaining("dialogic (libgc.so not found");
        assertThatThrownBy(() -> Hal.choose(Hal.Selection.named("nmsx", OPTS), List.of(brooktrout)))
                .hasMessageContaining("backend 'nmsx' (not on the class path)");
    }

    @Test
    void aThrowingProbeCountsAsUnavailable() {
        Stub broken = new Stub("broken", 99, false, null);
        assertThat(Hal.choose(Hal.Selection.best(false, OPTS), List.of(broken, brooktrout)))
                .isSameAs(brooktrout);
        NoBackendException e = org.junit.jupiter.api.Assertions.assertThrows(
                NoBackendException.class, () -> Hal.choose(Hal.Selection.best(false, OPTS), List.of(broken)));
        assertThat(e.reasons()).containsEntry("broken", "probe failed: java.lang.IllegalStateException: boom");
    }
}
