package org.stroom.ports.hal.tck;

/**
 * What a {@link TckHarness} can make its far end or its hardware do, beyond the basic inbound and
 * outbound call flows every harness must drive.
 *
 * <p>Contracts skip nothing silently: a check that needs a capability the harness does not list
 * fails with {@code "harness lacks X"}. A backend whose hardware (or emulator) cannot do X overrides
 * that check in its test class with {@code @Disabled("reason")}, so the gap is written down where
 * the backend is tested.
 *
 * <p>Thread-safety: immutable.
 */
public enum Capability {
    /** Play prompts ({@code play}, {@code stopMedia}). */
    VOICE_PLAY,
    /** Record the caller ({@code record}). */
    VOICE_RECORD,
    /**
     * DTMF: the far end sends digits ({@link TckHarness#farEndSendsDigits}), the backend collects
     * and sends them.
     */
    DTMF,
    /** Fax send and receive, with a far-end fax machine ({@link TckHarness#farEndSendsFax}). */
    FAX,
    /** The far end can seize a channel on which we are dialling (glare). */
    GLARE,
    /** Raw line defects LOS, LOF, AIS, RAI ({@link TckHarness#raiseDefect}). */
    LINE_DEFECTS,
    /** A PRI span whose D-channel can be taken down ({@link TckHarness#setDChannel}). */
    DCHANNEL,
    /** Whole-board failure and recovery ({@link TckHarness#boardFault}). */
    BOARD_FAULT,
    /** The next operation on a channel fails in the vendor library ({@link TckHarness#failNextOperation}). */
    OPERATION_FAILURE
}
