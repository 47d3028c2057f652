package org.stroom.ports.hal.dialogic.event;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;
import org.stroom.ports.hal.dialogic.jna.Crn;
import org.stroom.ports.hal.dialogic.jna.DeviceKind;
import org.stroom.ports.hal.dialogic.jna.DtConstants;
import org.stroom.ports.hal.dialogic.jna.DtiDevice;
import org.stroom.ports.hal.dialogic.jna.DxConstants;
import org.stroom.ports.hal.dialogic.jna.FaxDevice;
import org.stroom.ports.hal.dialogic.jna.FxConstants;
import org.stroom.ports.hal.dialogic.jna.GcConstants;
import org.stroom.ports.hal.dialogic.jna.LineDevice;
import org.stroom.ports.hal.dialogic.jna.RawSrlEvent;
import org.stroom.ports.hal.dialogic.jna.VoiceDevice;

/**
 * Decodes a {@link RawSrlEvent} into a {@link DialogicEvent}. Pure: no native calls, no clock, no state.
 * The device kind selects the library first, because event codes collide across libraries (0xA1 is
 * TDX_RESET on a voice handle and TFX_FAXSEND on a fax handle); the type then selects the record.
 * Malformed input (a call event without a CRN, alarm data too short) decodes to the family's
 * {@code Other} record rather than failing.
 *
 * <p>Thread-safety: stateless; safe from any thread.
 */
public final class DialogicEventDecoder {
    private DialogicEventDecoder() {}

    /**
     * @param kind kind of {@code raw.device()} as registered when it was opened; never null
     * @param raw the event as read on the event thread; never null
     * @return the decoded event; never null
     */
    public static DialogicEvent decode(DeviceKind kind, RawSrlEvent raw) {
        return switch (kind) {
            case GC_LINE -> raw.device() > 0 ? gc(raw) : unattributed(raw);
            case VOICE -> raw.device() >= 0 ? voice(raw) : unattributed(raw);
            case FAX -> raw.device() >= 0 ? fax(raw) : unattributed(raw);
            case DTI_BOARD, DTI_TIMESLOT -> raw.device() >= 0 ? dti(raw) : unattributed(raw);
            case UNKNOWN -> unattributed(raw);
        };
    }

    private static DialogicEvent unattributed(RawSrlEvent raw) {
        return new DialogicEvent.Unattributed(raw.device(), raw.type());
    }

    private static GcEvent gc(RawSrlEvent raw) {
        LineDevice line = new LineDevice(raw.device());
        int type = (int) raw.type();
        int result = (int) raw.result();
        Optional<Crn> crn = raw.crn() == 0 ? Optional.empty() : Optional.of(new Crn(raw.crn()));
        switch (type) {
            case GcConstants.GCEV_OPENEX:
                return new GcEvent.Opened(line);
            case GcConstants.GCEV_OPENEX_FAIL:
                return new GcEvent.OpenFailed(line, result);
            case GcConstants.GCEV_BLOCKED:
                return new GcEvent.Blocked(line);
            case GcConstants.GCEV_UNBLOCKED:
                return new GcEvent.Unblocked(line);
            case GcConstants.GCEV_RESETLINEDEV:
                return new GcEvent.LineReset(line);
            case GcConstants.GCEV_ALARM:
                return new GcEvent.Alarm(line, result & 0x0F, result >= DtConstants.ALARM_RECOVERY_OFFSET);
            case GcConstants.GCEV_TASKFAIL:
                return new GcEvent.TaskFailed(line, crn, result);
            case GcConstants.GCEV_D_CHAN_STATUS:
                return dChannel(line, raw.data());
            default:
                break;
        }
        if (crn.isEmpty()) {
            return new GcEvent.Other(line, crn, type);
        }
        Crn c = crn.get();
        return switch (type) {
            case GcConstants.GCEV_DETECTED -> new GcEvent.Detected(line, c);
            case GcConstants.GCEV_OFFERED -> new GcEvent.Offered(line, c);
            case GcConstants.GCEV_ACCEPT -> new GcEvent.Accepted(line, c);
            case GcConstants.GCEV_ANSWERED -> new GcEvent.Answered(line, c);
            case GcConstants.GCEV_DIALING -> new GcEvent.Dialing(line, c);
            case GcConstants.GCEV_PROCEEDING -> new GcEvent.Proceeding(line, c);
            case GcConstants.GCEV_ALERTING -> new GcEvent.Alerting(line, c);
            case GcConstants.GCEV_CONNECTED -> new GcEvent.Connected(line, c);
            case GcConstants.GCEV_DISCONNECTED -> new GcEvent.Disconnected(line, c, result);
            case GcConstants.GCEV_DROPCALL -> new GcEvent.Dropped(line, c);
            case GcConstants.GCEV_RELEASECALL -> new GcEvent.Released(line, c);
            default -> new GcEvent.Other(line, crn, type);
        };
    }

    private static GcEvent dChannel(LineDevice line, byte[] data) {
        if (data.length < 4) {
            return new GcEvent.Other(line, Optional.empty(), GcConstants.GCEV_D_CHAN_STATUS);
        }
        // one int, the new GCLS_* state (modelled layout, see GcEvent.DChannelStatus); x86, little-endian
        return new GcEvent.DChannelStatus(
                line, ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).getInt(0));
    }

    private static VoiceEvent voice(RawSrlEvent raw) {
        VoiceDevice dev = new VoiceDevice((int) raw.device());
        int term = (int) raw.result();
        return switch ((int) raw.type()) {
            case DxConstants.TDX_PLAY -> new VoiceEvent.PlayDone(dev, term, raw.count());
            case DxConstants.TDX_RECORD -> new VoiceEvent.RecordDone(dev, term, raw.count());
            case DxConstants.TDX_GETDIG -> new VoiceEvent.DigitsDone(dev, term, raw.count());
            case DxConstants.TDX_DIAL -> new VoiceEvent.DialDone(dev, term);
            case DxConstants.TDX_CST -> callStatus(dev, raw.data());
            case DxConstants.TDX_NOSTOP -> new VoiceEvent.NoStop(dev);
            case DxConstants.TDX_RESET -> new VoiceEvent.Reset(dev);
            case DxConstants.TDX_RESETERR -> new VoiceEvent.ResetFailed(dev);
            default -> new VoiceEvent.Other(dev, (int) raw.type());
        };
    }

    private static VoiceEvent callStatus(VoiceDevice dev, byte[] data) {
        if (data.length < 4) {
            return new VoiceEvent.Other(dev, DxConstants.TDX_CST);
        }
        // DX_CST: two unsigned shorts, cst_event then cst_data (x86, little-endian)
        ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        int event = b.getShort(0) & 0xFFFF;
        int value = b.getShort(2) & 0xFFFF;
        if (event == DxConstants.DE_DIGITS && value > 0 && value < 0x80) {
            return new VoiceEvent.DigitDetected(dev, (char) value);
        }
        return new VoiceEvent.CallStatus(dev, event, value);
    }

    private static FaxEvent fax(RawSrlEvent raw) {
        FaxDevice dev = new FaxDevice((int) raw.device());
        return switch ((int) raw.type()) {
            case FxConstants.TFX_PHASEB -> new FaxEvent.PhaseB(dev);
            case FxConstants.TFX_PHASED -> new FaxEvent.PageDone(dev, raw.count());
            case FxConstants.TFX_FAXSEND -> new FaxEvent.Sent(dev, raw.count());
            case FxConstants.TFX_FAXRECV -> new FaxEvent.Received(dev, raw.count());
            case FxConstants.TFX_FAXERROR -> new FaxEvent.Failed(dev, (int) raw.result(), raw.count());
            default -> new FaxEvent.Other(dev, (int) raw.type());
        };
    }

    private static DtiEvent dti(RawSrlEvent raw) {
        DtiDevice dev = new DtiDevice((int) raw.device());
        byte[] data = raw.data();
        if (raw.type() == DtConstants.DTEV_T1ERRC && data.length >= 2) {
            // One unsigned short alarm code (modelled layout, fact sheet 7.2); every Dialogic host is x86.
            int code = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).getShort() & 0xFFFF;
            return new DtiEvent.TrunkAlarm(dev, code & 0x0F, code >= DtConstants.ALARM_RECOVERY_OFFSET);
        }
        if (raw.type() == DtConstants.DTEV_OUTSERVICE && data.length >= 2) {
            // one unsigned short EDT_* code (modelled layout, see DtiEvent.ServiceChange)
            int code = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).getShort() & 0xFFFF;
            return new DtiEvent.ServiceChange(dev, code);
        }
        return new DtiEvent.Other(dev, (int) raw.type());
    }
}
