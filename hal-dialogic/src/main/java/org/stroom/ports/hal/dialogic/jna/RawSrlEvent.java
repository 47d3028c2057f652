package org.stroom.ports.hal.dialogic.jna;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * One SRL event as read on the event thread, before decoding: what sr_getevt* returned plus the few
 * attribute reads the vendor documents for the event's kind, taken at once because they are overwritten
 * by the next operation on the device. They describe the device when the event was read, not when it
 * was queued: a progress count such as ATFX_PGXFER on TFX_PHASED may already include later pages.
 *
 * <pre>
 * kind        crn                 result                                  count
 * GC_LINE     METAEVENT.crn       gc_ResultInfo gcValue (GCRV_*);         0
 *                                 gc_AlarmNumber for GCEV_ALARM
 * VOICE       0                   ATDX_TERMMSK (TM_* bits)                ATDX_TRCOUNT
 * FAX         0                   ATFX_ESTAT (phase E)                    ATFX_PGXFER
 * DTI_*       0                   0                                       0
 * </pre>
 *
 * <p>Thread-safety: immutable (the data array is copied in and out).
 *
 * @param device sr_getevtdev
 * @param type sr_getevttype
 * @param crn call reference of a GlobalCall event, 0 if none
 * @param result per-kind result code, see the table
 * @param count per-kind count, see the table
 * @param data copy of the sr_getevtlen bytes at sr_getevtdatap; never null
 */
public record RawSrlEvent(long device, long type, long crn, long result, long count, byte[] data) {
    /** Copies {@code data}; null becomes empty. */
    public RawSrlEvent {
        data = data == null ? new byte[0] : data.clone();
    }

    /** @return a copy of the event data */
    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawSrlEvent r
                && device == r.device
                && type == r.type
                && crn == r.crn
                && result == r.result
                && count == r.count
                && Arrays.equals(data, r.data);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(device) * 31 + Long.hashCode(type) * 17 + Long.hashCode(crn) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "RawSrlEvent[device=" + device + ", type=0x" + Long.toHexString(type) + ", crn=0x"
                + Long.toHexString(crn) + ", result=0x" + Long.toHexString(result) + ", count=" + count + ", data="
                + HexFormat.of().formatHex(data) + "]";
    }
}
