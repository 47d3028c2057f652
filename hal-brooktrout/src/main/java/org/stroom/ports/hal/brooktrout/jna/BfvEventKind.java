package org.stroom.ports.hal.brooktrout.jna;

/**
 * What an incoming-command callback reports, decoded from (facility, specifier) and, for B-channel
 * blocks, the cause in {@code value}. The documented example is fax / event / T4 adaptation info (facts
 * §14); the other kinds are modelled: the guide documents that the module reports B-channel
 * block/unblock and sends unsolicited module messages, but not their codes, nor any D-channel status or
 * board-fault notice.
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
    /**
     * The module blocked the line's B-channel because its span's D-channel went down (modelled: a
     * B-channel block with cause {@code BLOCK_CAUSE_DCHANNEL}). The module clears a call not yet active
     * at once and an active call when its T309 runs out, each reported afterwards as a remote
     * disconnect with cause 27 (Q.931 5.8.8); new calls are refused.
     */
    DCHANNEL_DOWN,
    /** The module unblocked the line's B-channel: its span's D-channel is up again (modelled). */
    DCHANNEL_UP,
    /**
     * The line's module failed (modelled): its calls are gone, its lines are NOLOOP and refuse Bfv
     * calls with {@code BT_ERR_HARDWARE}; {@code value} is the fault code, {@code text} the module's text.
     */
    MODULE_FAULT,
    /** The line's module works again after a fault (modelled); the line is IDLE unless its span is down. */
    MODULE_READY,
    /** A combination the model does not know; the raw codes are kept. */
    UNKNOWN
}
