package org.stroom.ports.hal.brooktrout;

import org.stroom.ports.hal.api.HalBackend;
import org.stroom.ports.hal.api.HalException;
import org.stroom.ports.hal.api.spi.Availability;
import org.stroom.ports.hal.api.spi.BackendOptions;
import org.stroom.ports.hal.api.spi.BackendProvider;
import org.stroom.ports.hal.brooktrout.jna.BfvNative;

/**
 * ServiceLoader entry for the Brooktrout backend, id {@value BrooktroutBackend#ID}. Available when the
 * Bfv library and the macro shim load and the board configuration ({@value BrooktroutSettings#CALLCTRL})
 * imports cleanly; otherwise {@link #probe} says what to set.
 *
 * <p>Thread-safety: stateless; safe from any thread.
 */
public final class BrooktroutBackendProvider implements BackendProvider {

    /** Priority among real backends; equal to the other vendor backend's default. */
    public static final int PRIORITY = 100;

    /** For ServiceLoader. */
    public BrooktroutBackendProvider() {}

    @Override
    public String id() {
        return BrooktroutBackend.ID;
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    @Override
    public boolean simulated() {
        return false;
    }

    @Override
    public Availability probe(BackendOptions options) {
        try {
            BrooktroutSettings settings = BrooktroutSettings.from(options);
            BfvNative natives = BfvNative.load(settings.model());
            return natives.unavailableReason().map(Availability::unavailable).orElseGet(Availability::available);
        } catch (RuntimeException | LinkageError e) { // probe never throws: any failure is a reason
            return Availability.unavailable(e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    @Override
    public HalBackend open(BackendOptions options) {
        BrooktroutSettings settings = BrooktroutSettings.from(options);
        BfvNative natives = BfvNative.load(settings.model());
        if (!natives.isAvailable()) {
            throw new HalException(
                    "brooktrout backend " + natives.unavailableReason().orElseThrow());
        }
        return BrooktroutBackend.open(options, settings, natives);
    }
}
