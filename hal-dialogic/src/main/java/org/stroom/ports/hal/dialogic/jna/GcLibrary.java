package org.stroom.ports.hal.dialogic.jna;

import com.sun.jna.Library;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.NativeLongByReference;
import com.sun.jna.ptr.PointerByReference;
import org.stroom.ports.hal.dialogic.jna.GcStructs.GC_INFO;
import org.stroom.ports.hal.dialogic.jna.GcStructs.GC_MAKECALL_BLK;
import org.stroom.ports.hal.dialogic.jna.GcStructs.GC_START_STRUCT;
import org.stroom.ports.hal.dialogic.jna.GcStructs.GC_WAITCALL_BLK;
import org.stroom.ports.hal.dialogic.jna.GcStructs.METAEVENT;

/**
 * Raw mapping of GlobalCall (libgc). C names are kept; functions return {@code GC_SUCCESS} (0) or
 * {@code GC_ERROR} (-1) and never throw; details of a failure come from gc_ErrorInfo on the same thread,
 * right after the call. LINEDEV and CRN are C {@code long}s and map to {@link NativeLong}; {@code mode}
 * is an {@code unsigned long} except in gc_OpenEx.
 *
 * <p>Thread-safety: as the native library; read gc_ErrorInfo on the thread that made the failing call.
 */
public interface GcLibrary extends Library {
    int gc_Start(GC_START_STRUCT startp);

    int gc_Stop();

    int gc_OpenEx(NativeLongByReference linedevp, String devicename, int mode, Pointer usrattr);

    int gc_Close(NativeLong linedev);

    int gc_ResetLineDev(NativeLong linedev, NativeLong mode);

    int gc_WaitCall(
            NativeLong linedev, NativeLongByReference crnp, GC_WAITCALL_BLK waitcallp, int timeout, NativeLong mode);

    int gc_AcceptCall(NativeLong crn, int rings, NativeLong mode);

    int gc_AnswerCall(NativeLong crn, int rings, NativeLong mode);

    int gc_MakeCall(
            NativeLong linedev,
            NativeLongByReference crnp,
            String numberstr,
            GC_MAKECALL_BLK makecallp,
            int timeout,
            NativeLong mode);

    int gc_DropCall(NativeLong crn, int cause, NativeLong mode);

    int gc_ReleaseCallEx(NativeLong crn, NativeLong mode);

    int gc_ReleaseCall(NativeLong crn);

    int gc_GetMetaEvent(METAEVENT metaeventp);

    /** Windows only in the vendor's libraries; the emulator exports it on Linux too. */
    int gc_GetMetaEventEx(METAEVENT metaeventp, NativeLong evt_handle);

    int gc_GetCRN(NativeLongByReference crn_ptr, METAEVENT metaeventp);

    int gc_GetLineDev(NativeLongByReference linedevp, METAEVENT metaeventp);

    int gc_CRN2LineDev(NativeLong crn, NativeLongByReference linedevp);

    int gc_GetCallState(NativeLong crn, IntByReference state_ptr);

    /** @param type {@link GcConstants#GCGLS_BCHANNEL} or {@link GcConstants#GCGLS_DCHANNEL} */
    int gc_GetLinedevState(NativeLong linedev, int type, IntByReference state_buf);

    /** @param ani_buf at least {@link GcConstants#GC_ADDRSIZE} bytes */
    int gc_GetANI(NativeLong crn, byte[] ani_buf);

    /** @param dnis_buf at least {@link GcConstants#GC_ADDRSIZE} bytes */
    int gc_GetDNIS(NativeLong crn, byte[] dnis_buf);

    int gc_GetResourceH(NativeLong linedev, IntByReference resourcehp, int resourcetype);

    int gc_GetVoiceH(NativeLong linedev, IntByReference voiceh);

    int gc_GetNetworkH(NativeLong linedev, IntByReference networkh);

    int gc_SetEvtMsk(NativeLong linedev, NativeLong mask, int action);

    int gc_ErrorInfo(GC_INFO a_Info);

    int gc_ResultInfo(METAEVENT a_Metaevent, GC_INFO a_Info);

    int gc_SetAlarmNotifyAll(NativeLong linedev, NativeLong aso_id, int value);

    int gc_AlarmNumber(METAEVENT metaeventp, NativeLongByReference alarm_number);

    int gc_AlarmName(METAEVENT metaeventp, PointerByReference alarm_name);

    int gc_AlarmSourceObjectID(METAEVENT metaeventp, NativeLongByReference aso_id);

    int gc_util_insert_parm_ref(
            PointerByReference parm_blkpp, short setID, short parmID, byte data_size, Pointer datap);

    int gc_util_insert_parm_val(
            PointerByReference parm_blkpp, short setID, short parmID, byte data_size, NativeLong data);

    Pointer gc_util_next_parm(Pointer parm_blk, Pointer cur_parm);

    Pointer gc_util_find_parm(Pointer parm_blk, short setID, short parmID);

    void gc_util_delete_parm_blk(Pointer parm_blk);
}
