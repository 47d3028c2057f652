package org.stroom.ports.hal.brooktrout.jna;

import org.stroom.ports.hal.api.VendorException;

/**
 * The one place that turns a failing Bfv return code into a {@link VendorException} with vendor {@code
 * "brooktrout"}, the C function, the unit, the native code, its modelled symbol and text.
 *
 * <p>Thread-safety: stateless.
 */
public final class BfvErrors {
    /** Vendor id used in every {@link VendorException} of this backend. */
    public static final String VENDOR = "brooktrout";

    private BfvErrors() {}

    /**
     * @param model the code table; never null
     * @param rc the native return code (0 = success, negative = failure; modelled)
     * @param function the C function that returned it; never null
     * @param unit the system unit number the call addressed
     * @return {@code rc} if it is not a failure
     * @throws VendorException if {@code rc} is negative
     */
    public static int check(BfvModel model, int rc, String function, int unit) {
        if (rc < 0) {
            throw failure(model, rc, function, "unit " + unit);
        }
        return rc;
    }

    /**
     * @param model the code table; never null
     * @param rc the failing native code
     * @param function the C function; never null
     * @param device what the call addressed, e.g. {@code "unit 3"} or {@code "module 2 channel 5"}
     * @return the exception to throw
     */
    public static VendorException failure(BfvModel model, int rc, String function, String device) {
        return new VendorException(VENDOR, function, device, rc, model.errorSymbol(rc), model.errorText(rc));
    }
}
