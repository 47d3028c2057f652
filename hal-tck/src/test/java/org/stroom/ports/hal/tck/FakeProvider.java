package org.stroom.ports.hal.tck;

import java.util.EnumSet;
import org.stroom.ports.hal.api.HalBackend;
import org.stroom.ports.hal.api.spi.Availability;
import org.stroom.ports.hal.api.spi.BackendOptions;
import org.stroom.ports.hal.api.spi.BackendProvider;

/**
 * Provider of {@link FakeBackend}, registered for ServiceLoader in this module's tests only.
 * Unavailable when property {@code fake.broken} is set.
 *
 * <p>Thread-safety: stateless.
 */
public final class FakeProvider implements BackendProvider {
    @Override
    public String id() {
        return FakeBackend.ID;
    }

    @Override
    public int priority() {
        return 0;
    }

    @Override
    public boolean simulated() {
        return true;
    }

    @Override
    public Availability probe(BackendOptions options) {
        return options.properties().containsKey("fake.broken")
                ? Availability.unavailable("fake.broken is set; remove it")
                : Availability.available();
    }

    @Override
    public HalBackend open(BackendOptions options) {
        return new FakeBackend(EnumSet.noneOf(FakeBackend.Flaw.class));
    }
}
