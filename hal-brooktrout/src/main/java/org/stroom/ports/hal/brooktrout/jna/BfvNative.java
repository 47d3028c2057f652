package org.stroom.ports.hal.brooktrout.jna;

import com.sun.jna.Native;
import java.util.Objects;
import java.util.Optional;
import org.stroom.ports.hal.api.HalException;

/**
 * Loads the Bfv library and the shim lazily and reports "unavailable" instead of failing class loading
 * when they are absent, so a host without Brooktrout boards can still load the backend and choose
 * another.
 *
 * <p>Thread-safety: immutable; {@link #get()} initialises once, thread-safely.
 */
public final class BfvNative {
    private final BfvModel model;
    private final BfvLibrary library;
    private final BfvShimLibrary shim;
    private final String unavailableReason;

    private BfvNative(BfvModel model, BfvLibrary library, BfvShimLibrary shim, String unavailableReason) {
        this.model = model;
        this.library = library;
        this.shim = shim;
        this.unavailableReason = unavailableReason;
    }

    /** @return the libraries named by {@link BfvModel#current()}, loaded on first call */
    public static BfvNative get() {
        return Holder.INSTANCE;
    }

    private static final class Holder {
        static final BfvNative INSTANCE = load(BfvModel.current());
    }

    /**
     * Loads the libraries named by a model. Never throws for a missing library.
     *
     * @param model names the libraries and holds the codes; never null
     * @return a loaded or an unavailable instance
     */
    public static BfvNative load(BfvModel model) {
        Objects.requireNonNull(model, "model");
        BfvLibrary library;
        try {
            library = Native.load(model.libraryName(), BfvLibrary.class);
        } catch (UnsatisfiedLinkError e) {
            return unavailable(model, model.libraryName(), BfvModel.LIB_PROPERTY, e);
        }
        try {
            return new BfvNative(model, library, Native.load(model.shimLibraryName(), BfvShimLibrary.class), null);
        } catch (UnsatisfiedLinkError e) {
            return unavailable(model, model.shimLibraryName(), BfvModel.SHIM_LIB_PROPERTY, e);
        }
    }

    private static BfvNative unavailable(BfvModel model, String name, String property, UnsatisfiedLinkError e) {
        String file = name.contains("/") ? name : "lib" + name;
        String reason = "unavailable: " + file + " not found on jna.library.path="
                + System.getProperty("jna.library.path", "") + " (set -D" + property + "=<library name or path>); "
                + firstLine(e.getMessage());
        return new BfvNative(model, null, null, reason);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    /** @return true if both libraries loaded */
    public boolean isAvailable() {
        return unavailableReason == null;
    }

    /** @return why the libraries could not be loaded, empty if they were */
    public Optional<String> unavailableReason() {
        return Optional.ofNullable(unavailableReason);
    }

    /** @return the model the libraries were loaded with */
    public BfvModel model() {
        return model;
    }

    /**
     * @return the Bfv library
     * @throws HalException with {@link #unavailableReason()} if it is not loaded
     */
    public BfvLibrary library() {
        requireAvailable();
        return library;
    }

    /**
     * @return the shim library
     * @throws HalException with {@link #unavailableReason()} if it is not loaded
     */
    public BfvShimLibrary shim() {
        requireAvailable();
        return shim;
    }

    private void requireAvailable() {
        if (unavailableReason != null) {
            throw new HalException("brooktrout backend " + unavailableReason);
        }
    }
}
