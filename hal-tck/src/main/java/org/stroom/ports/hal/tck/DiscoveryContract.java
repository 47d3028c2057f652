package org.stroom.ports.hal.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.stroom.ports.hal.api.BackendState;
import org.stroom.ports.hal.api.Hal;
import org.stroom.ports.hal.api.HalBackend;
import org.stroom.ports.hal.api.NoBackendException;
import org.stroom.ports.hal.api.spi.Availability;
import org.stroom.ports.hal.api.spi.BackendOptions;
import org.stroom.ports.hal.api.spi.BackendProvider;
import org.stroom.ports.t1.NanoClock;

/**
 * Discovery: the backend's provider is registered for {@link java.util.ServiceLoader}, describes the
 * backend it opens, is available with the harness's options, never throws from
 * {@link BackendProvider#probe} whatever the configuration, and is chosen by {@link Hal#choose} by
 * name, and by availability only if it is real (a simulated backend only when simulated ones are
 * allowed).
 *
 * <p>Thread-safety: jqwik calls the checks from one thread at a time.
 */
public interface DiscoveryContract extends TckContract {

    /** @return the provider under test (a new instance, as ServiceLoader would create) */
    BackendProvider tckProvider();

    /** @return options with which {@link #tckProvider()} is available and opens a backend like the harness's */
    BackendOptions tckOptions();

    @Example
    default void providerDescribesTheBackendItOpens() {
        BackendProvider p = tckProvider();
        assertThat(p.id()).as("provider id").isNotBlank().doesNotContainAnyWhitespaces();
        try (TckSession s = openSession()) {
            assertThat(s.backend().id()).as("backend id vs provider id").isEqualTo(p.id());
            assertThat(s.backend().simulated())
                    .as("backend simulated() vs provider")
                    .isEqualTo(p.simulated());
        }
    }

    @Example
    default void providerIsRegisteredForServiceLoader() {
        BackendProvider p = tckProvider();
        assertThat(Hal.providers())
                .as("providers registered in META-INF/services/" + BackendProvider.class.getName())
                .anySatisfy(found -> {
                    assertThat(found.id()).isEqualTo(p.id());
                    assertThat(found.getClass()).isEqualTo(p.getClass());
                });
    }

    @Example
    default void providerIsAvailableAndOpensWithTheHarnessOptions() {
        BackendProvider p = tckProvider();
        Availability a = p.probe(tckOptions());
        assertThat(a).as("probe with tckOptions()").isEqualTo(Availability.available());
        HalBackend b = p.open(tckOptions());
        try {
            assertThat(b.id()).isEqualTo(p.id());
            assertThat(b.state()).isEqualTo(BackendState.IN_SERVICE);
        } finally {
            b.close();
        }
        assertThat(b.state()).isEqualTo(BackendState.SHUT_DOWN);
    }

    @Property(tries = 60)
    default void probeNeverThrowsWhateverTheConfiguration(
            @ForAll("hostileProperties") Map<String, String> properties, @ForAll("machines") String machine) {
        BackendProvider p = tckProvider();
        BackendOptions options = new BackendOptions(properties, NanoClock.system(), machine);
        Availability a;
        try {
            a = p.probe(options);
        } catch (Throwable t) { // the contract is exactly that nothing escapes probe
            throw new AssertionError(
                    "probe(" + properties + ", machine " + machine + ") threw " + t
                            + "; probe must return Availability.unavailable(reason) instead",
                    t);
        }
        assertThat(a).as("probe result").isNotNull();
        if (a instanceof Availability.Unavailable u) {
            assertThat(u.reason()).as("reason of an unavailable probe").isNotBlank();
        }
    }

    @Example
    default void halChoosesTheBackendByName() {
        BackendProvider p = tckProvider();
        BackendProvider chosen = Hal.choose(Hal.Selection.named(p.id(), tckOptions()), List.of(p));
        assertThat(chosen.id()).isEqualTo(p.id());
        assertThatThrownBy(() -> Hal.choose(Hal.Selection.named(p.id() + "-nope", tckOptions()), List.of(p)))
                .isInstanceOf(NoBackendException.class)
                .hasMessageContaining(p.id());
    }

    @Example
    default void halChoosesASimulatedBackendOnlyWhenAllowed() {
        BackendProvider p = tckProvider();
        if (p.simulated()) {
            assertThatThrownBy(() -> Hal.choose(Hal.Selection.best(false, tckOptions()), List.of(p)))
                    .isInstanceOf(NoBackendException.class)
                    .hasMessageContaining(p.id());
            assertThat(Hal.choose(Hal.Selection.best(true, tckOptions()), List.of(p))
                            .id())
                    .isEqualTo(p.id());
        } else {
            assertThat(Hal.choose(Hal.Selection.best(false, tckOptions()), List.of(p))
                            .id())
                    .as("a real, available backend is chosen without naming it")
                    .isEqualTo(p.id());
        }
    }

    /** @return property maps with the provider's keys set to odd values */
    @Provide
    default Arbitrary<Map<String, String>> hostileProperties() {
        String id = tckProvider().id();
        Arbitrary<String> keys = Arbitraries.oneOf(
                Arbitraries.of(
                        id + ".lib",
                        id + ".lib.path",
                        id + ".boards",
                        id + ".board.count",
                        id + ".config",
                        id + ".spans",
                        id + ".machine",
                        id + ".emulator",
                        "jna.library.path"),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12).map(k -> id + "." + k));
        Arbitrary<String> values = Arbitraries.oneOf(
                Arbitraries.of(
                        "",
                        " ",
                        "-1",
                        "0",
                        "99999999999",
                        "/nonexistent/lib.so",
                        "../../etc",
                        "true",
                        "null",
                        "board=0,spans=9",
                        "\u0000",
                        "\u00e9\u00e8"),
                Arbitraries.strings().ofMaxLength(40));
        return Arbitraries.maps(keys, values).ofMaxSize(5);
    }

    /** @return machine names, sensible and odd */
    @Provide
    default Arbitrary<String> machines() {
        return Arbitraries.oneOf(
                Arbitraries.of("server", "node-1", "NODE_2", "x"),
                Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(20));
    }
}
