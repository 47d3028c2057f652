package org.stroom.ports.hal.brooktrout.jna;

/**
 * What an incoming-command callback reports, decoded from (facility, specifier). The documented
 * example is fax / event / T4 adaptation info (facts §14); the other kinds are modelled.
 *
 * <p>Thread-safety: immutable.
 */
public enum BfvEventKind {
    /** An inbound call started ringing; {@code text} is the caller number. */
    INCOMING_CALL,
    /** The far end hung up; the line is IDLE. */
    REMOTE_DISCONNECT,
    /** Fax T4-timer adaptation info is available through {@code BfvFaxT4TimerParams}. */
    FAX_T4_ADAPT_INFO,
    /** A fax page was sent; {@code value} is the 1-based page number. */
    FAX_PAGE_SENT,
    /** A fax page was received; {@code value} is the 1-based page number. */
    FAX_PAGE_RECEIVED,
    /** A DTMF digit was received; {@code value} is its character code. */
    DTMF,
    /** The line's span is in alarm; {@code value} holds {@code ALARM_*} bits. */
    ALARM,
    /** The line's span alarm cleared. */
    ALARM_CLEAR,
    /** A combination the model does not know; the raw codes are kept. */
    UNKNOWN
}
