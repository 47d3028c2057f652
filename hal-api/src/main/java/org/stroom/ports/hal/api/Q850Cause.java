package org.stroom.ports.hal.api;

/**
 * An ITU-T Q.850 cause value, carried by disconnects and given to hang-ups and rejections.
 *
 * @param code cause value 1..127
 *     <p>Thread-safety: immutable.
 */
public record Q850Cause(int code) {
    /** 1: unallocated (unassigned) number. */
    public static final Q850Cause UNALLOCATED_NUMBER = new Q850Cause(1);
    /** 16: normal call clearing. */
    public static final Q850Cause NORMAL_CLEARING = new Q850Cause(16);
    /** 17: user busy. */
    public static final Q850Cause USER_BUSY = new Q850Cause(17);
    /** 18: no user responding. */
    public static final Q850Cause NO_USER_RESPONSE = new Q850Cause(18);
    /** 19: no answer from user (user alerted). */
    public static final Q850Cause NO_ANSWER = new Q850Cause(19);
    /** 21: call rejected. */
    public static final Q850Cause CALL_REJECTED = new Q850Cause(21);
    /** 28: invalid number format (address incomplete). */
    public static final Q850Cause INVALID_NUMBER_FORMAT = new Q850Cause(28);
    /** 31: normal, unspecified. */
    public static final Q850Cause NORMAL_UNSPECIFIED = new Q850Cause(31);
    /** 34: no circuit/channel available. */
    public static final Q850Cause NO_CIRCUIT_AVAILABLE = new Q850Cause(34);
    /** 38: network out of order. */
    public static final Q850Cause NETWORK_OUT_OF_ORDER = new Q850Cause(38);
    /** 41: temporary failure. */
    public static final Q850Cause TEMPORARY_FAILURE = new Q850Cause(41);
    /** 44: requested circuit/channel not available (typical result of glare). */
    public static final Q850Cause CHANNEL_NOT_AVAILABLE = new Q850Cause(44);
    /** 47: resource unavailable, unspecified. */
    public static final Q850Cause RESOURCE_UNAVAILABLE = new Q850Cause(47);
    /** 102: recovery on timer expiry. */
    public static final Q850Cause TIMER_EXPIRY = new Q850Cause(102);

    /**
     * @throws IllegalArgumentException when outside 1..127
     */
    public Q850Cause {
        if (code < 1 || code > 127) {
            throw new IllegalArgumentException("Q.850 cause " + code + " is outside 1..127");
        }
    }

    /** @return a short name for well-known causes, else {@code "cause N"} */
    public String label() {
        return switch (code) {
            case 1 -> "unallocated number";
            case 16 -> "normal clearing";
            case 17 -> "user busy";
            case 18 -> "no user responding";
            case 19 -> "no answer";
            case 21 -> "call rejected";
            case 28 -> "invalid number format";
            case 31 -> "normal, unspecified";
            case 34 -> "no circuit available";
            case 38 -> "network out of order";
            case 41 -> "temporary failure";
            case 44 -> "requested channel not available";
            case 47 -> "resource unavailable";
            case 102 -> "recovery on timer expiry";
            default -> "cause " + code;
        };
    }

    @Override
    public String toString() {
        return code + " (" + label() + ")";
    }
}
