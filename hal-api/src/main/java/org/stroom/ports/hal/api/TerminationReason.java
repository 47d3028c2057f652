package org.stroom.ports.hal.api;

/**
 * Why a play, record or digit collection ended.
 *
 * <p>Thread-safety: immutable.
 */
public enum TerminationReason {
    /** The whole file was played. */
    END_OF_DATA,
    /** The maximum time elapsed. */
    MAX_TIME,
    /** The silence limit was reached while recording. */
    SILENCE,
    /** A terminating DTMF digit arrived. */
    DIGIT,
    /** The requested number of digits arrived. */
    MAX_DIGITS,
    /** No digit arrived within the inter-digit or first-digit timeout. */
    DIGIT_TIMEOUT,
    /** The application stopped the operation. */
    STOPPED,
    /** The call was cleared during the operation. */
    HANG_UP,
    /** The board failed the operation. */
    ERROR
}
