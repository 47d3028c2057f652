package org.stroom.ports.hal.dialogic;

import org.stroom.ports.hal.api.HalBackend;
import org.stroom.ports.hal.api.HalException;
import org.stroom.ports.hal.api.spi.Availability;
import org.stroom.ports.hal.api.spi.BackendOptions;
import org.stroom.ports.hal.api.spi.BackendProvider;
import org.stroom.ports.hal.dialogic.jna.DialogicLibraries;

/**
 * Finds and opens the Dialogic backend (id {@code dialogic}); registered for {@link java.util.ServiceLoader}.
 * Available when the configuration is valid and the five R4 libraries load (see {@link DialogicSettings}).
 *
 * <p>Thread-safety: stateless; safe from any thread.
 */
public final class DialogicBackendProvider implements BackendProvider {
    /** Backend id. */
    public static final String ID = "dialogic";

    /** Public no-argument constructor for ServiceLoader. */
    public DialogicBackendProvider() {}

    @Override
    public String id() {
        return ID;
    }

    /** @return 100: a real backend, preferred over simulated ones */
    @Override
    public int priority() {
        return 100;
    }

    @Override
    public boolean simulated() {
        return false;
    }

    @Override
    public Availability probe(BackendOptions options) {
        try {
            DialogicSettings settings = DialogicSettings.from(options);
            DialogicLibraries.Availability a = DialogicLibraries.load(settings.libraries());
            if (a instanceof DialogicLibraries.Unavailable u) {
                return Availability.unavailable(u.reason());
            }
            return Availability.available();
        } catch (RuntimeException | LinkageError e) { // probe must never throw, whatever the configuration
            return Availability.unavailable("dialogic: " + e);
        }
    }

    @Override
    public HalBackend open(BackendOptions options) {
        DialogicSettings settings = DialogicSettings.from(options);
        DialogicLibraries.Availability a = DialogicLibraries.load(settings.libraries());
        if (a instanceof DialogicLibraries.Unavailable u) {
            throw new HalException("cannot open the dialogic backend: " + u.reason());
        }
        return DialogicBackend.open(settings, ((DialogicLibraries.Loaded) a).libraries(), options.clock());
    }
}
