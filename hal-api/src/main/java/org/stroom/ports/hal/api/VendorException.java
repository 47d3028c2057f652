package org.stroom.ports.hal.api;

import java.util.Objects;

/**
 * A vendor library call returned a failing code. Keeps the native code and its symbolic name so
 * that logs and support tickets can be matched against the vendor's documentation.
 *
 * <p>Thread-safety: immutable.
 */
public class VendorException extends HalException {
    private static final long serialVersionUID = 1L;

    private final String vendor;
    private final String function;
    private final String device;
    private final long code;
    private final String symbol;
    private final String vendorText;

    /**
     * @param vendor backend id, e.g. {@code "dialogic"}; never null
     * @param function the C function that failed, e.g. {@code "gc_AnswerCall"}; never null
     * @param device the device or unit the call addressed, e.g. {@code "dtiB1T1"} or {@code "unit 3"};
     *     never null (use {@code "-"} when the call has no device)
     * @param code the native error code as the library returned or reported it
     * @param symbol the symbolic name of {@code code}, e.g. {@code "EGC_INVSTATE"}; {@code "UNKNOWN"} if
     *     the code is not in our tables
     * @param vendorText the library's own error text, or empty if it gave none; never null
     */
    public VendorException(String vendor, String function, String device, long code, String symbol, String vendorText) {
        super(format(vendor, function, device, code, symbol, vendorText));
        this.vendor = Objects.requireNonNull(vendor, "vendor");
        this.function = Objects.requireNonNull(function, "function");
        this.device = Objects.requireNonNull(device, "device");
        this.code = code;
        this.symbol = Objects.requireNonNull(symbol, "symbol");
        this.vendorText = Objects.requireNonNull(vendorText, "vendorText");
    }

    private static String format(
            String vendor, String function, String device, long code, String symbol, String vendorText) {
        return vendor + ": " + function + "(" + device + ") failed with " + symbol + " (" + code + ")"
                + (vendorText == null || vendorText.isEmpty() ? "" : ": " + vendorText);
    }

    /** @return backend id, e.g. {@code "dialogic"} */
    public String vendor() {
        return vendor;
    }

    /** @return the C function that failed */
    public String function() {
        return function;
    }

    /** @return the device or unit addressed */
    public String device() {
        return device;
    }

    /** @return the native error code */
    public long code() {
        return code;
    }

    /** @return the symbolic name of the native code */
    public String symbol() {
        return symbol;
    }

    /** @return the library's own error text, possibly empty */
    public String vendorText() {
        return vendorText;
    }
}
