package org.stroom.ports.hal.dialogic.jna;

import com.sun.jna.Memory;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.NativeLongByReference;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;
import org.stroom.ports.hal.api.VendorException;
import org.stroom.ports.hal.dialogic.jna.DxStructs.DV_DIGIT;
import org.stroom.ports.hal.dialogic.jna.DxStructs.DV_TPT;
import org.stroom.ports.hal.dialogic.jna.DxStructs.DX_IOTT;
import org.stroom.ports.hal.dialogic.jna.FxStructs.DF_IOTT;
import org.stroom.ports.hal.dialogic.jna.GcStructs.GC_INFO;
import org.stroom.ports.hal.dialogic.jna.GcStructs.METAEVENT;

/**
 * The one checked entry point over the raw Dialogic bindings: each method calls one C function, turns a
 * failing return into a {@link VendorException} carrying the function, the device, the native code, its
 * symbol and the library's own text ({@code gc_ErrorInfo} for GlobalCall, {@code ATDV_LASTERR} and
 * {@code ATDV_ERRMSGP} for the others), and keeps the {@link DeviceRegistry} in step with opens and
 * closes. Asynchronous functions are issued with {@code EV_ASYNC}; their outcome arrives as an event.
 *
 * <p>Thread-safety: call-control and media methods may be called from any thread. {@link #waitEvent}
 * must be called from one event thread only: the SRL's current event, and with it the attribute reads
 * that {@link RawSrlEvent} captures, belongs to the thread that waited.
 */
public final class DialogicCalls {
    /** Vendor id used in every {@link VendorException}. */
    public static final String VENDOR = "dialogic";

    private static final NativeLong ASYNC = new NativeLong(SrlConstants.EV_ASYNC);

    private final SrlLibrary srl;
    private final GcLibrary gc;
    private final DxLibrary dx;
    private final DtLibrary dt;
    private final FxLibrary fx;
    private final DeviceRegistry registry;
    private final ConcurrentHashMap<Long, Set<Long>> ownedByLine = new ConcurrentHashMap<>();

    /**
     * @param libraries loaded bindings; never null
     * @param registry registry to keep in step with opened devices; never null
     */
    public DialogicCalls(DialogicLibraries libraries, DeviceRegistry registry) {
        Objects.requireNonNull(libraries, "libraries");
        this.srl = libraries.srl();
        this.gc = libraries.gc();
        this.dx = libraries.dx();
        this.dt = libraries.dt();
        this.fx = libraries.fx();
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /** @return the registry of devices opened through this instance */
    public DeviceRegistry registry() {
        return registry;
    }

    // ---- GlobalCall -------------------------------------------------------------------------------

    /** Starts every GlobalCall CC library ({@code gc_Start(NULL)}). */
    public void gcStart() {
        gcCheck(gc.gc_Start(null), "gc_Start", "-");
    }

    /** Stops GlobalCall; the library closes every line device. */
    public void gcStop() {
        gcCheck(gc.gc_Stop(), "gc_Stop", "-");
        for (long h : registry.handles()) {
            if (registry.kindOf(h) == DeviceKind.GC_LINE) {
                forgetLine(h);
            }
        }
    }

    /**
     * Opens a line device. Asynchronously, GCEV_OPENEX (or GCEV_OPENEX_FAIL) follows, then GCEV_UNBLOCKED
     * once the trunk is usable.
     *
     * @param deviceName composite GlobalCall name, e.g. {@code :N_dtiB1T1:P_ISDN:V_dxxxB1C1}; never null
     * @param async true for EV_ASYNC, false for EV_SYNC
     * @return the line device, registered as {@link DeviceKind#GC_LINE}
     */
    public LineDevice gcOpenEx(String deviceName, boolean async) {
        NativeLongByReference ld = new NativeLongByReference();
        gcCheck(
                gc.gc_OpenEx(ld, deviceName, async ? SrlConstants.EV_ASYNC : SrlConstants.EV_SYNC, null),
                "gc_OpenEx",
                deviceName);
        LineDevice line = new LineDevice(ld.getValue().longValue());
        registry.register(line.value(), DeviceKind.GC_LINE, deviceName);
        return line;
    }

    /** Closes a line device and forgets it and the voice/network handles obtained from it. */
    public void gcClose(LineDevice line) {
        gcCheck(gc.gc_Close(nl(line.value())), "gc_Close", name(line));
        forgetLine(line.value());
    }

    /** Aborts every call on the line; GCEV_RESETLINEDEV follows. */
    public void gcResetLineDev(LineDevice line) {
        gcCheck(gc.gc_ResetLineDev(nl(line.value()), ASYNC), "gc_ResetLineDev", name(line));
    }

    /** Arms the line for inbound calls; GCEV_OFFERED follows for each call. */
    public void gcWaitCall(LineDevice line) {
        gcCheck(gc.gc_WaitCall(nl(line.value()), null, null, 0, ASYNC), "gc_WaitCall", name(line));
    }

    /** Signals alerting to the caller; GCEV_ACCEPT follows. */
    public void gcAcceptCall(Crn crn, int rings) {
        gcCheck(gc.gc_AcceptCall(nl(crn.value()), rings, ASYNC), "gc_AcceptCall", name(crn));
    }

    /** Answers an offered or accepted call; GCEV_ANSWERED follows. */
    public void gcAnswerCall(Crn crn, int rings) {
        gcCheck(gc.gc_AnswerCall(nl(crn.value()), rings, ASYNC), "gc_AnswerCall", name(crn));
    }

    /**
     * Places an outbound call; GCEV_CONNECTED, or GCEV_DISCONNECTED with a GCRV_* result, follows.
     *
     * @param number digits to dial; never null
     * @param timeoutSeconds no-answer timeout in seconds (unit modelled), 0 for the library default
     * @return the new call's CRN, valid on return
     */
    public Crn gcMakeCall(LineDevice line, String number, int timeoutSeconds) {
        NativeLongByReference crn = new NativeLongByReference();
        gcCheck(gc.gc_MakeCall(nl(line.value()), crn, number, null, timeoutSeconds, ASYNC), "gc_MakeCall", name(line));
        return new Crn(crn.getValue().longValue());
    }

    /** Clears the call with a GC_* cause; GCEV_DROPCALL follows. */
    public void gcDropCall(Crn crn, int cause) {
        gcCheck(gc.gc_DropCall(nl(crn.value()), cause, ASYNC), "gc_DropCall", name(crn));
    }

    /** Frees a dropped call's CRN; GCEV_RELEASECALL follows and the CRN is invalid from now on. */
    public void gcReleaseCallEx(Crn crn) {
        gcCheck(gc.gc_ReleaseCallEx(nl(crn.value()), ASYNC), "gc_ReleaseCallEx", name(crn));
    }

    /** @return the call's GCST_* state */
    public int gcGetCallState(Crn crn) {
        IntByReference state = new IntByReference();
        gcCheck(gc.gc_GetCallState(nl(crn.value()), state), "gc_GetCallState", name(crn));
        return state.getValue();
    }

    /**
     * Reads a line's B-channel or (ISDN) D-channel state. The values are the GCLS_* codes, in service 0
     * and out of service 2 (modelled: the fact sheet gives them for gc_SetChanState only).
     *
     * @param type {@link GcConstants#GCGLS_BCHANNEL} or {@link GcConstants#GCGLS_DCHANNEL}
     * @return the state
     */
    public int gcGetLinedevState(LineDevice line, int type) {
        IntByReference state = new IntByReference();
        gcCheck(gc.gc_GetLinedevState(nl(line.value()), type, state), "gc_GetLinedevState", name(line));
        return state.getValue();
    }

    /** @return the calling number of the call, possibly empty */
    public String gcGetAni(Crn crn) {
        byte[] buf = new byte[GcConstants.GC_ADDRSIZE];
        gcCheck(gc.gc_GetANI(nl(crn.value()), buf), "gc_GetANI", name(crn));
        return cString(buf);
    }

    /** @return the called number of the call, possibly empty */
    public String gcGetDnis(Crn crn) {
        byte[] buf = new byte[GcConstants.GC_ADDRSIZE];
        gcCheck(gc.gc_GetDNIS(nl(crn.value()), buf), "gc_GetDNIS", name(crn));
        return cString(buf);
    }

    /** @return the voice channel attached to the line (its V_ part), registered as {@link DeviceKind#VOICE} */
    public VoiceDevice gcVoiceDevice(LineDevice line) {
        int h = resource(line, GcConstants.GC_VOICEDEVICE);
        own(line, h, DeviceKind.VOICE, "voice of " + name(line));
        return new VoiceDevice(h);
    }

    /** @return the trunk timeslot of the line, registered as {@link DeviceKind#DTI_TIMESLOT} */
    public DtiDevice gcNetworkDevice(LineDevice line) {
        int h = resource(line, GcConstants.GC_NETWORKDEVICE);
        own(line, h, DeviceKind.DTI_TIMESLOT, "network of " + name(line));
        return new DtiDevice(h);
    }

    /** Changes the optional-event mask (GCMSK_* bits) with GCACT_SETMSK, _ADDMSK or _SUBMSK. */
    public void gcSetEvtMsk(LineDevice line, int mask, int action) {
        gcCheck(gc.gc_SetEvtMsk(nl(line.value()), nl(mask), action), "gc_SetEvtMsk", name(line));
    }

    /** Turns GCEV_ALARM on or off for the line's network alarm source (GCEV_ALARM is off by default). */
    public void gcSetAlarmNotifyAll(LineDevice line, boolean notify) {
        gcCheck(
                gc.gc_SetAlarmNotifyAll(
                        nl(line.value()),
                        // all-ones in the ABI's own unsigned long width (fact sheet 1.3)
                        nl(-1L),
                        notify ? GcConstants.ALARM_NOTIFY : GcConstants.ALARM_NONOTIFY),
                "gc_SetAlarmNotifyAll",
                name(line));
    }

    // ---- voice ------------------------------------------------------------------------------------

    /** @return the voice channel handle, registered as {@link DeviceKind#VOICE} */
    public VoiceDevice dxOpen(String channelName) {
        int h = dx.dx_open(channelName, SrlConstants.OF_DEFAULT);
        openCheck(h, "dx_open", channelName);
        registry.register(h, DeviceKind.VOICE, channelName);
        return new VoiceDevice(h);
    }

    /** Closes the voice handle. */
    public void dxClose(VoiceDevice dev) {
        srlCheck(dx.dx_close(dev.value()), "dx_close", dev.value(), DxConstants::errorName);
        registry.unregister(dev.value());
    }

    /**
     * Plays from an IOTT chain; with EV_ASYNC in {@code mode} TDX_PLAY follows.
     *
     * @param iott transfer chain; it and its buffers must stay reachable until TDX_PLAY
     * @param tpt first entry of a terminator table, or null
     * @param mode EV_ASYNC or EV_SYNC plus MD_/PM_ bits
     */
    public void dxPlay(VoiceDevice dev, DX_IOTT iott, DV_TPT tpt, int mode) {
        srlCheck(dx.dx_play(dev.value(), iott, tpt, (short) mode), "dx_play", dev.value(), DxConstants::errorName);
    }

    /** Records into an IOTT chain; with EV_ASYNC in {@code mode} TDX_RECORD follows. */
    public void dxRec(VoiceDevice dev, DX_IOTT iott, DV_TPT tpt, int mode) {
        srlCheck(dx.dx_rec(dev.value(), iott, tpt, (short) mode), "dx_rec", dev.value(), DxConstants::errorName);
    }

    /**
     * Collects digits; with EV_ASYNC TDX_GETDIG follows, after which {@code digits.read()} shows them.
     *
     * @param digits buffer the library fills; must stay reachable until TDX_GETDIG
     */
    public void dxGetdig(VoiceDevice dev, DV_TPT tpt, DV_DIGIT digits, int mode) {
        srlCheck(
                dx.dx_getdig(dev.value(), tpt, digits, (short) mode), "dx_getdig", dev.value(), DxConstants::errorName);
    }

    /** Stops the channel's I/O (which then ends with TM_USRSTOP); with EV_NOSTOP an idle channel reports TDX_NOSTOP. */
    public void dxStopch(VoiceDevice dev, int mode) {
        srlCheck(dx.dx_stopch(dev.value(), (short) mode), "dx_stopch", dev.value(), DxConstants::errorName);
    }

    /** Empties the channel's digit buffer. */
    public void dxClrdigbuf(VoiceDevice dev) {
        srlCheck(dx.dx_clrdigbuf(dev.value()), "dx_clrdigbuf", dev.value(), DxConstants::errorName);
    }

    /** Sends DTMF {@code digits}; TDX_DIAL follows. */
    public void dxDial(VoiceDevice dev, String digits) {
        srlCheck(
                dx.dx_dial(dev.value(), digits, null, (short) SrlConstants.EV_ASYNC),
                "dx_dial",
                dev.value(),
                DxConstants::errorName);
    }

    /** Enables unsolicited call-status events (DM_* bits, e.g. DM_DIGITS), reported as TDX_CST. */
    public void dxSetevtmsk(VoiceDevice dev, int mask) {
        srlCheck(dx.dx_setevtmsk(dev.value(), mask), "dx_setevtmsk", dev.value(), DxConstants::errorName);
    }

    /** @return the CS_* state of the channel */
    public int dxState(VoiceDevice dev) {
        return (int) attribute(dx.ATDX_STATE(dev.value()).longValue(), "ATDX_STATE", dev.value());
    }

    /** @return the number of digits waiting in the channel buffer */
    public int dxBufferedDigits(VoiceDevice dev) {
        return (int) attribute(dx.ATDX_BUFDIGS(dev.value()).longValue(), "ATDX_BUFDIGS", dev.value());
    }

    // ---- fax --------------------------------------------------------------------------------------

    /**
     * @param voiceChannelName the voice channel to use, e.g. {@code dxxxB1C1} (fax has no device names)
     * @return a fax handle, distinct from any voice handle on that channel, registered as {@link DeviceKind#FAX}
     */
    public FaxDevice fxOpen(String voiceChannelName) {
        int h = fx.fx_open(voiceChannelName, SrlConstants.OF_DEFAULT);
        openCheck(h, "fx_open", voiceChannelName);
        registry.register(h, DeviceKind.FAX, voiceChannelName);
        return new FaxDevice(h);
    }

    /** Closes the fax handle. */
    public void fxClose(FaxDevice dev) {
        srlCheck(fx.fx_close(dev.value()), "fx_close", dev.value(), FxConstants::errorName);
        registry.unregister(dev.value());
    }

    /** Sets the session direction, DF_TX or DF_RX, before a send or receive. */
    public void fxInitstat(FaxDevice dev, int role) {
        srlCheck(fx.fx_initstat(dev.value(), role), "fx_initstat", dev.value(), FxConstants::errorName);
    }

    /**
     * Sends the chain; with EV_ASYNC in {@code flags}, TFX_PHASEB/TFX_PHASED (if requested) and then
     * TFX_FAXSEND or TFX_FAXERROR follow.
     *
     * @param iott transfer chain; must stay reachable until the session ends
     * @param flags EV_ASYNC or EV_SYNC plus DF_* bits
     */
    public void fxSendfax(FaxDevice dev, DF_IOTT iott, long flags) {
        srlCheck(fx.fx_sendfax(dev.value(), iott, nl(flags)), "fx_sendfax", dev.value(), FxConstants::errorName);
    }

    /** Receives into a file; TFX_FAXRECV or TFX_FAXERROR ends the session. */
    public void fxRcvfax(FaxDevice dev, String fileName, long flags) {
        srlCheck(fx.fx_rcvfax(dev.value(), fileName, nl(flags)), "fx_rcvfax", dev.value(), FxConstants::errorName);
    }

    /** Sets our T.30 station id (FC_LOCALID, at most 20 characters). */
    public void fxSetLocalId(FaxDevice dev, String id) {
        Memory m = new Memory(id.length() + 1L);
        m.setString(0, id, StandardCharsets.US_ASCII.name());
        srlCheck(
                fx.fx_setparm(dev.value(), nl(FxConstants.FC_LOCALID), m),
                "fx_setparm",
                dev.value(),
                FxConstants::errorName);
    }

    /** Aborts the session, which then ends with TFX_FAXERROR and phase E EFX_ABORTCMD. */
    public void fxStopch(FaxDevice dev) {
        srlCheck(fx.fx_stopch(dev.value(), SrlConstants.EV_ASYNC), "fx_stopch", dev.value(), FxConstants::errorName);
    }

    // ---- digital trunk ----------------------------------------------------------------------------

    /**
     * @param name {@code dtiBn} for a trunk or {@code dtiBnTm} for a timeslot
     * @return the handle, registered as {@link DeviceKind#DTI_BOARD} or {@link DeviceKind#DTI_TIMESLOT}
     */
    public DtiDevice dtOpen(String name) {
        int h = dt.dt_open(name, SrlConstants.OF_DEFAULT);
        openCheck(h, "dt_open", name);
        registry.register(h, name.contains("T") ? DeviceKind.DTI_TIMESLOT : DeviceKind.DTI_BOARD, name);
        return new DtiDevice(h);
    }

    /** Closes the trunk or timeslot handle. */
    public void dtClose(DtiDevice dev) {
        srlCheck(dt.dt_close(dev.value()), "dt_close", dev.value(), DtConstants::errorName);
        registry.unregister(dev.value());
    }

    /** Sets, adds or removes (DTA_SETMSK/ADDMSK/SUBMSK) event-enable bits of group DTG_*. */
    public void dtSetevtmsk(DtiDevice dev, int group, int mask, int action) {
        srlCheck(
                dt.dt_setevtmsk(dev.value(), group, (short) mask, action),
                "dt_setevtmsk",
                dev.value(),
                DtConstants::errorName);
    }

    /** Sets the trunk's alarm handling mode (DTA_NONE, DTA_TERM, DTA_DROP). */
    public void dtSetalrm(DtiDevice dev, int mode) {
        srlCheck(dt.dt_setalrm(dev.value(), mode), "dt_setalrm", dev.value(), DtConstants::errorName);
    }

    // ---- events -----------------------------------------------------------------------------------

    /**
     * Waits for the next event on any device ({@code sr_waitevt}) and reads it.
     *
     * @param timeoutMillis milliseconds to wait; 0 polls, -1 waits forever
     * @return the event, or empty on timeout
     */
    public Optional<RawSrlEvent> waitEvent(long timeoutMillis) {
        long rc = srl.sr_waitevt(nl(timeoutMillis)).longValue();
        if (rc == SrlConstants.SR_TMOUT) {
            return timedOut("sr_waitevt");
        }
        return Optional.of(readCurrent(nl(0)));
    }

    /**
     * Waits for the next event on one of the given devices ({@code sr_waitevtEx}) and reads it.
     *
     * @param devices handles to wait on; at least one
     * @param timeoutMillis milliseconds to wait; 0 polls, -1 waits forever
     * @return the event, or empty on timeout
     */
    public Optional<RawSrlEvent> waitEvent(long[] devices, long timeoutMillis) {
        if (devices.length == 0) {
            throw new IllegalArgumentException("waitEvent needs at least one device handle to wait on");
        }
        NativeLong[] handles = new NativeLong[devices.length];
        for (int i = 0; i < devices.length; i++) {
            handles[i] = nl(devices[i]);
        }
        NativeLongByReference evt = new NativeLongByReference();
        long rc = srl.sr_waitevtEx(handles, handles.length, nl(timeoutMillis), evt)
                .longValue();
        if (rc == SrlConstants.SR_TMOUT) {
            return timedOut("sr_waitevtEx");
        }
        return Optional.of(readCurrent(evt.getValue()));
    }

    /**
     * Queues an application event on a device ({@code sr_putevt}).
     *
     * @param data at most {@link SrlConstants#SR_DFLT_DATASIZE} bytes; never null
     */
    public void putEvent(long device, long type, byte[] data) {
        Memory mem = data.length == 0 ? null : new Memory(data.length);
        if (mem != null) {
            mem.write(0, data, 0, data.length);
        }
        long rc =
                srl.sr_putevt(nl(device), nl(type), nl(data.length), mem, nl(0)).longValue();
        if (rc == -1) {
            throw srlError("sr_putevt", SrlConstants.SRL_DEVICE, SrlConstants::errorName);
        }
    }

    private Optional<RawSrlEvent> timedOut(String function) {
        long err = srl.ATDV_LASTERR(nl(SrlConstants.SRL_DEVICE)).longValue();
        if (err != SrlConstants.ESR_TMOUT) {
            throw srlError(function, SrlConstants.SRL_DEVICE, SrlConstants::errorName);
        }
        return Optional.empty();
    }

    private RawSrlEvent readCurrent(NativeLong evt) {
        long dev = srl.sr_getevtdev(evt).longValue();
        long type = srl.sr_getevttype(evt).longValue();
        long len = srl.sr_getevtlen(evt).longValue();
        Pointer p = srl.sr_getevtdatap(evt);
        byte[] data = len > 0 && p != null ? p.getByteArray(0, (int) len) : new byte[0];
        long crn = 0;
        long result = 0;
        long count = 0;
        switch (registry.kindOf(dev)) {
            case GC_LINE -> {
                METAEVENT me = new METAEVENT();
                gcCheck(gc.gc_GetMetaEvent(me), "gc_GetMetaEvent", registry.nameOf(dev));
                crn = me.isGcEvent() ? me.crn.longValue() : 0;
                if (type == GcConstants.GCEV_ALARM) {
                    NativeLongByReference n = new NativeLongByReference();
                    gcCheck(gc.gc_AlarmNumber(me, n), "gc_AlarmNumber", registry.nameOf(dev));
                    result = n.getValue().longValue();
                } else {
                    GC_INFO info = new GC_INFO();
                    gcCheck(gc.gc_ResultInfo(me, info), "gc_ResultInfo", registry.nameOf(dev));
                    result = info.gcValue;
                }
            }
            case VOICE -> {
                result = dx.ATDX_TERMMSK((int) dev).longValue();
                count = dx.ATDX_TRCOUNT((int) dev).longValue();
            }
            case FAX -> {
                result = fx.ATFX_ESTAT((int) dev).longValue();
                count = fx.ATFX_PGXFER((int) dev).longValue();
            }
            default -> {}
        }
        return new RawSrlEvent(dev, type, crn, result, count, data);
    }

    // ---- checks -----------------------------------------------------------------------------------

    private void gcCheck(int rc, String function, String device) {
        if (rc != GcConstants.GC_SUCCESS) {
            GC_INFO info = new GC_INFO();
            if (gc.gc_ErrorInfo(info) != GcConstants.GC_SUCCESS) {
                throw new VendorException(VENDOR, function, device, rc, "GC_ERROR", "gc_ErrorInfo failed as well");
            }
            throw new VendorException(
                    VENDOR, function, device, info.gcValue, GcConstants.errorName(info.gcValue), info.describe());
        }
    }

    private void srlCheck(int rc, String function, long dev, LongFunction<String> symbol) {
        if (rc == -1) {
            throw srlError(function, dev, symbol);
        }
    }

    private VendorException srlError(String function, long dev, LongFunction<String> symbol) {
        long code = srl.ATDV_LASTERR(nl(dev)).longValue();
        Pointer msg = srl.ATDV_ERRMSGP(nl(dev));
        String device = dev == SrlConstants.SRL_DEVICE ? "SRL_DEVICE" : registry.nameOf(dev);
        return new VendorException(VENDOR, function, device, code, symbol.apply(code), GcStructs.text(msg));
    }

    private static void openCheck(int handle, String function, String name) {
        if (handle < 0) {
            // No handle exists yet to read ATDV_LASTERR from; the library reports failure by the -1 alone.
            throw new VendorException(VENDOR, function, name, handle, "EDV_BADDESC", "");
        }
    }

    private long attribute(long value, String function, long dev) {
        if (value == SrlConstants.AT_FAILURE) {
            throw new VendorException(VENDOR, function, registry.nameOf(dev), value, "AT_FAILURE", "");
        }
        return value;
    }

    private int resource(LineDevice line, int type) {
        IntByReference h = new IntByReference();
        gcCheck(gc.gc_GetResourceH(nl(line.value()), h, type), "gc_GetResourceH", name(line));
        return h.getValue();
    }

    private void own(LineDevice line, long handle, DeviceKind kind, String name) {
        registry.register(handle, kind, name);
        ownedByLine
                .computeIfAbsent(line.value(), k -> ConcurrentHashMap.newKeySet())
                .add(handle);
    }

    private void forgetLine(long line) {
        registry.unregister(line);
        Set<Long> owned = ownedByLine.remove(line);
        if (owned != null) {
            owned.forEach(registry::unregister);
        }
    }

    private String name(LineDevice line) {
        return registry.nameOf(line.value());
    }

    private static String name(Crn crn) {
        return "crn 0x" + Long.toHexString(crn.value());
    }

    private static NativeLong nl(long v) {
        return new NativeLong(v);
    }

    private static String cString(byte[] buf) {
        int n = 0;
        while (n < buf.length && buf[n] != 0) {
            n++;
        }
        return new String(buf, 0, n, StandardCharsets.US_ASCII);
    }
}
