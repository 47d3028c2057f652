package org.stroom.ports.hal.dialogic.jna;

/**
 * Which library a native device handle belongs to. Event codes collide across libraries ({@code
 * TDX_RESET} and {@code TFX_FAXSEND} are both 0xA1), so events are decoded by (kind, type), never by type
 * alone.
 *
 * <p>Thread-safety: immutable.
 */
public enum DeviceKind {
    /** A GlobalCall line device from gc_OpenEx. */
    GC_LINE,
    /** A voice channel handle from dx_open or gc_GetResourceH(GC_VOICEDEVICE). */
    VOICE,
    /** A fax handle from fx_open. */
    FAX,
    /** A digital trunk (dtiBn) from dt_open. */
    DTI_BOARD,
    /** A trunk timeslot (dtiBnTm) from dt_open or gc_GetResourceH(GC_NETWORKDEVICE). */
    DTI_TIMESLOT,
    /** A handle this process did not open through {@link DialogicCalls}. */
    UNKNOWN
}
