package org.stroom.ports.hal.brooktrout.jna;

import com.sun.jna.Structure;

/**
 * {@code struct args_call}: the args packet of the call-control functions (wait for call, answer,
 * originate, terminate, reset). Modelled layout (facts §14: only {@code phonenum} and {@code
 * call_protocol_code} are documented names). A fresh instance is zeroed, as {@code BT_ZERO} would.
 *
 * <p>Thread-safety: not thread-safe; use one instance per call.
 */
@Structure.FieldOrder({
    "timeout",
    "call_protocol_code",
    "phonenum",
    "calling_party",
    "called_party",
    "call_progress",
    "line_state"
})
public class ArgsCall extends Structure {
    /**
     * In: {@code BfvLineWaitForCall} wait in wall-clock milliseconds, 0 waits forever; {@code
     * BfvLineOriginateCall} no-answer time in line milliseconds, 0 = default.
     */
    public int timeout;
    /** In: originate call type, a {@code CALL_PROTOCOL_*} code. */
    public int call_protocol_code;
    /** In: originate destination, NUL-terminated. */
    public byte[] phonenum = new byte[BfvModel.PHONENUM_LEN];
    /** Out: caller number of an inbound call. */
    public byte[] calling_party = new byte[BfvModel.PARTY_LEN];
    /** Out: dialled number (DID) of an inbound call. */
    public byte[] called_party = new byte[BfvModel.PARTY_LEN];
    /** Out: originate result, a {@code CALL_PROGRESS_*} code. */
    public int call_progress;
    /** Out: line-state code after the call. */
    public int line_state;

    /** @param number destination; at most {@link BfvModel#PHONENUM_LEN}−1 bytes */
    public void setPhonenum(String number) {
        CStrings.put(phonenum, number, "args_call.phonenum");
    }

    /** @return the caller number written by the library */
    public String callingParty() {
        return CStrings.get(calling_party);
    }

    /** @return the dialled number written by the library */
    public String calledParty() {
        return CStrings.get(called_party);
    }
}
