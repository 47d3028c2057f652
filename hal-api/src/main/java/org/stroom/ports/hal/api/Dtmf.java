package org.stroom.ports.hal.api;

/**
 * DTMF digit checks.
 *
 * <p>Thread-safety: stateless.
 */
public final class Dtmf {
    /** The sixteen DTMF symbols. */
    public static final String DIGITS = "0123456789*#ABCD";

    private Dtmf() {}

    /**
     * @param digits digits to check, may be empty
     * @param field name used in the error
     * @return {@code digits}
     * @throws HalException when null or holding a non-DTMF character
     */
    public static String check(String digits, String field) {
        if (digits == null) {
            throw new HalException(field + " is null; use \"\" for none");
        }
        for (int i = 0; i < digits.length(); i++) {
            if (DIGITS.indexOf(digits.charAt(i)) < 0) {
                throw new HalException(field + " '" + digits + "' has '" + digits.charAt(i)
                        + "', which is not a DTMF digit (0-9 * # A-D)");
            }
        }
        return digits;
    }
}
