package org.stroom.ports.portmgr.capacity.traffic;

/**
 * Argument checks shared by the traffic formulas; each failure names the function, the parameter, the value
 * and the valid range.
 *
 * <p>Thread-safety: stateless.
 */
final class Arguments {
    private Arguments() {}

    static int ports(String function, String name, int value, int min) {
        if (value < min || value > ErlangB.MAX_PORTS) {
            throw new IllegalArgumentException(function + ": " + name + " = " + value + " is outside the valid range ["
                    + min + ", " + ErlangB.MAX_PORTS + "]");
        }
        return value;
    }

    static int atLeast(String function, String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(function + ": " + name + " = " + value + " is outside the valid range ["
                    + min + ", " + Integer.MAX_VALUE + "]");
        }
        return value;
    }

    static double erlangs(String function, String name, double value) {
        if (!(value >= 0.0) || value == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(function + ": " + name + " = " + value
                    + " erlangs is outside the valid range [0, +inf): traffic must be finite and non-negative");
        }
        return value;
    }

    static double openProbability(String function, String name, double value) {
        if (!(value > 0.0 && value < 1.0)) {
            throw new IllegalArgumentException(function + ": " + name + " = " + value
                    + " is outside the valid range (0, 1) (exclusive; 0.01 means 1 %)");
        }
        return value;
    }

    static double fraction(String function, String name, double value) {
        if (!(value >= 0.0 && value < 1.0)) {
            throw new IllegalArgumentException(function + ": " + name + " = " + value
                    + " is outside the valid range [0, 1) (0.3 means 30 % of blocked calls retry)");
        }
        return value;
    }

    static double positiveSeconds(String function, String name, double value) {
        if (!(value > 0.0) || value == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(function + ": " + name + " = " + value
                    + " seconds is outside the valid range (0, +inf): it must be finite and positive");
        }
        return value;
    }

    static double seconds(String function, String name, double value) {
        if (!(value >= 0.0) || value == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(function + ": " + name + " = " + value
                    + " seconds is outside the valid range [0, +inf): it must be finite and non-negative");
        }
        return value;
    }

    static IllegalArgumentException tooManyPorts(String function, String detail) {
        return new IllegalArgumentException(function + ": " + detail + " needs more than " + ErlangB.MAX_PORTS
                + " ports, the largest group these formulas accept; split the traffic or relax the target");
    }
}
