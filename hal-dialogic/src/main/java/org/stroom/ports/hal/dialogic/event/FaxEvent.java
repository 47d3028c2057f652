package org.stroom.ports.hal.dialogic.event;

import java.util.Objects;
import org.stroom.ports.hal.dialogic.jna.FaxDevice;

/**
 * Fax events of one fax handle. Exactly one of {@link Sent}, {@link Received} or {@link Failed} ends each
 * session.
 *
 * <p>Thread-safety: all implementations are immutable records.
 */
public sealed interface FaxEvent extends DialogicEvent {
    /** @return the fax handle that reported the event; never null */
    FaxDevice device();

    /** TFX_PHASEB: negotiation done. Thread-safety: immutable. @param device the fax handle */
    record PhaseB(FaxDevice device) implements FaxEvent {
        /** @throws NullPointerException if device is null */
        public PhaseB {
            Objects.requireNonNull(device, "device");
        }
    }

    /**
     * TFX_PHASED: a page finished. Thread-safety: immutable.
     *
     * @param device the fax handle
     * @param pages pages transferred so far (ATFX_PGXFER)
     */
    record PageDone(FaxDevice device, long pages) implements FaxEvent {
        /** @throws NullPointerException if device is null */
        public PageDone {
            Objects.requireNonNull(device, "device");
        }
    }

    /**
     * TFX_FAXSEND (0xA1, the same value as TDX_RESET). Thread-safety: immutable.
     *
     * @param device the fax handle
     * @param pages pages sent
     */
    record Sent(FaxDevice device, long pages) implements FaxEvent {
        /** @throws NullPointerException if device is null */
        public Sent {
            Objects.requireNonNull(device, "device");
        }
    }

    /**
     * TFX_FAXRECV (0xA2, the same value as TDX_RESETERR). Thread-safety: immutable.
     *
     * @param device the fax handle
     * @param pages pages received
     */
    record Received(FaxDevice device, long pages) implements FaxEvent {
        /** @throws NullPointerException if device is null */
        public Received {
            Objects.requireNonNull(device, "device");
        }
    }

    /**
     * TFX_FAXERROR. Thread-safety: immutable.
     *
     * @param device the fax handle
     * @param phaseE phase-E status (ATFX_ESTAT), e.g. 199 for an fx_stopch abort
     * @param pages pages transferred before the failure
     */
    record Failed(FaxDevice device, int phaseE, long pages) implements FaxEvent {
        /** @throws NullPointerException if device is null */
        public Failed {
            Objects.requireNonNull(device, "device");
        }
    }

    /**
     * Any other fax event. Thread-safety: immutable.
     *
     * @param device the fax handle
     * @param type TFX_* value
     */
    record Other(FaxDevice device, int type) implements FaxEvent {
        /** @throws NullPointerException if device is null */
        public Other {
            Objects.requireNonNull(device, "device");
        }
    }
}
