package org.stroom.ports.hal.dialogic.event;

import java.util.Objects;
import org.stroom.ports.hal.dialogic.jna.VoiceDevice;

/**
 * Voice events of one voice channel handle. Termination values are ATDX_TERMMSK bits (TM_*), which may
 * combine.
 *
 * <p>Thread-safety: all implementations are immutable records.
 */
public sealed interface VoiceEvent extends DialogicEvent {
    /** @return the voice handle that reported the event; never null */
    VoiceDevice device();

    /**
     * TDX_PLAY. Thread-safety: immutable.
     *
     * @param device the channel
     * @param termination TM_* bits, e.g. TM_EOD, TM_MAXDTMF, TM_USRSTOP
     * @param bytes bytes played (ATDX_TRCOUNT)
     */
    record PlayDone(VoiceDevice device, int termination, long bytes) implements VoiceEvent {
        /** @throws NullPointerException if device is null */
        public PlayDone {
            Objects.requireNonNull(device, "device");
        }
    }

    /**
     * TDX_RECORD. Thread-safety: immutable.
     *
     * @param device the channel
     * @param termination TM_* bits
     * @param bytes bytes recorded (ATDX_TRCOUNT)
     */
    record RecordDone(VoiceDevice device, int termination, long bytes) implements VoiceEvent {
        /** @throws NullPointerException if device is null */
        public RecordDone {
            Objects.requireNonNull(device, "device");
        }
    }

    /**
     * TDX_GETDIG; the digits themselves are in the caller's DV_DIGIT buffer. Thread-safety: immutable.
     *
     * @param device the channel
     * @param termination TM_* bits
     * @param digitCount digits delivered (ATDX_TRCOUNT)
     */
    record DigitsDone(VoiceDevice device, int termination, long digitCount) implements VoiceEvent {
        /** @throws NullPointerException if device is null */
        public DigitsDone {
            Objects.requireNonNull(device, "device");
        }
    }

    /**
     * TDX_DIAL: dx_dial finished sending its digits. Thread-safety: immutable.
     *
     * @param device the channel
     * @param termination TM_* bits
     */
    record DialDone(VoiceDevice device, int termination) implements VoiceEvent {
        /** @throws NullPointerException if device is null */
        public DialDone {
            Objects.requireNonNull(device, "device");
        }
    }

    /**
     * TDX_CST with DE_DIGITS: one DTMF digit detected (reported when DM_DIGITS is enabled).
     * Thread-safety: immutable.
     *
     * @param device the channel
     * @param digit the digit, one of {@code 0-9 * # A-D}
     */
    record DigitDetected(VoiceDevice device, char digit) implements VoiceEvent {
        /** @throws NullPointerException if device is null */
        public DigitDetected {
            Objects.requireNonNull(device, "device");
        }
    }

    /**
     * Any other TDX_CST call-status event. Thread-safety: immutable.
     *
     * @param device the channel
     * @param event DE_* value
     * @param data event-specific data
     */
    record CallStatus(VoiceDevice device, int event, int data) implements VoiceEvent {
        /** @throws NullPointerException if device is null */
        public CallStatus {
            Objects.requireNonNull(device, "device");
        }
    }

    /** TDX_NOSTOP: dx_stopch with EV_NOSTOP found the channel idle. Thread-safety: immutable. @param device the channel */
    record NoStop(VoiceDevice device) implements VoiceEvent {
        /** @throws NullPointerException if device is null */
        public NoStop {
            Objects.requireNonNull(device, "device");
        }
    }

    /** TDX_RESET (0xA1, the same value as TFX_FAXSEND). Thread-safety: immutable. @param device the channel */
    record Reset(VoiceDevice device) implements VoiceEvent {
        /** @throws NullPointerException if device is null */
        public Reset {
            Objects.requireNonNull(device, "device");
        }
    }

    /** TDX_RESETERR (0xA2, the same value as TFX_FAXRECV). Thread-safety: immutable. @param device the channel */
    record ResetFailed(VoiceDevice device) implements VoiceEvent {
        /** @throws NullPointerException if device is null */
        public ResetFailed {
            Objects.requireNonNull(device, "device");
        }
    }

    /**
     * Any other voice event. Thread-safety: immutable.
     *
     * @param device the channel
     * @param type TDX_* value
     */
    record Other(VoiceDevice device, int type) implements VoiceEvent {
        /** @throws NullPointerException if device is null */
        public Other {
            Objects.requireNonNull(device, "device");
        }
    }
}
