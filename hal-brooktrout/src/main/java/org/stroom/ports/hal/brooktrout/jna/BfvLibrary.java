package org.stroom.ports.hal.brooktrout.jna;

import com.sun.jna.Library;

/**
 * Raw mapping of the Bfv entry points, C names kept. Every function name marked D is documented by the
 * vendor guide; every signature is modelled (facts §13: {@code int f(BTLINE *lp, struct args_x *args)},
 * 0 = success, negative = error). {@code BfvFaxSendTiff}, {@code BfvFaxReceiveTiff} and the {@code
 * BfvVoice*} functions are modelled names: the guide only says "TIFF-F fax routines" and "voice
 * record/play". Methods return the native code and never throw; use {@link BfvErrors} or {@link
 * BfvLine}.
 *
 * <p>Thread-safety: as the native library; blocking calls block the calling thread.
 */
public interface BfvLibrary extends Library {

    /** D. Attach by system unit number 0..n−1; null if out of range or already attached. */
    BtLine BfvLineAttach(int unit);

    /** D. Release a handle from {@link #BfvLineAttach}. */
    int BfvLineDetach(BtLine lp);

    /** D. Attach by module number (from 2) and logical work channel (from 2); null on failure. */
    BtLine BfvSessionAttach(int module, int channel);

    /** D. Release a handle from {@link #BfvSessionAttach}. */
    int BfvSessionDetach(BtLine lp);

    /** D. Block until an inbound call rings or {@code args.timeout} ms pass (then {@code BT_ERR_TIMEOUT}). */
    int BfvLineWaitForCall(BtLine lp, ArgsCall args);

    /** D. Answer a ringing call: RINGING → CONNECTED. */
    int BfvLineAnswer(BtLine lp, ArgsCall args);

    /**
     * D. Dial {@code args.phonenum}; blocks through call progress: → CONNECTED or OFF_HOOK. {@code
     * args.timeout} is the no-answer time in line ms (A), 0 = default.
     */
    int BfvLineOriginateCall(BtLine lp, ArgsCall args);

    /** D. Hang up: → IDLE. */
    int BfvLineTerminateCall(BtLine lp, ArgsCall args);

    /** D. Reset the line: → RESETTING → IDLE; aborts a blocking call on the line. */
    int BfvLineReset(BtLine lp, ArgsCall args);

    /** D (signature modelled). Read T4-timer adaptation info. */
    int BfvFaxT4TimerParams(BtLine lp, ArgsFax args);

    /** A. Send a TIFF-F file on a CONNECTED line; blocks, page progress arrives by callback. */
    int BfvFaxSendTiff(BtLine lp, ArgsFaxFile args);

    /** A. Receive into a TIFF-F file on a CONNECTED line; blocks, page progress arrives by callback. */
    int BfvFaxReceiveTiff(BtLine lp, ArgsFaxFile args);

    /** A. Play a raw µ-law file on a CONNECTED line; blocks. */
    int BfvVoicePlay(BtLine lp, ArgsVoice args);

    /** A. Record a raw µ-law file on a CONNECTED line; blocks. */
    int BfvVoiceRecord(BtLine lp, ArgsVoice args);

    /** A. Collect DTMF digits on a CONNECTED line; blocks. */
    int BfvVoiceGetDigits(BtLine lp, ArgsDtmf args);

    /** A. Send the DTMF digits in {@code args.digits} on a CONNECTED line; blocks. */
    int BfvVoiceSendDigits(BtLine lp, ArgsDtmf args);

    /** A. Stop the fax or voice call running on the line; returns 1 if one ran, 0 if not. */
    int BfvStopMedia(BtLine lp);
}
