package org.stroom.ports.hal.dialogic.jna;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pins every structure's size and field offsets to the x86-64 column of the fact sheet, and checks that
 * the C emulator, compiled by gcc from its own declarations, agrees.
 */
class StructureLayoutTest {
    private static final Method FIELD_OFFSET;

    static {
        try {
            FIELD_OFFSET = Structure.class.getDeclaredMethod("fieldOffset", String.class);
            FIELD_OFFSET.setAccessible(true);
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @BeforeAll
    static void layoutsArePinnedForLp64() {
        assertThat(Native.LONG_SIZE)
                .as("these tests pin the LP64 column of the fact sheet")
                .isEqualTo(8);
        assertThat(Native.POINTER_SIZE).isEqualTo(8);
    }

    private static Map<String, Integer> offsets(Object... nameOffset) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < nameOffset.length; i += 2) {
            m.put((String) nameOffset[i], (Integer) nameOffset[i + 1]);
        }
        return m;
    }

    static Stream<Arguments> layouts() {
        return Stream.of(
                layout(
                        "METAEVENT",
                        GcStructs.METAEVENT::new,
                        88,
                        offsets(
                                "magicno",
                                0,
                                "flags",
                                8,
                                "evtdatap",
                                16,
                                "evtlen",
                                24,
                                "evtdev",
                                32,
                                "evttype",
                                40,
                                "linedev",
                                48,
                                "crn",
                                56,
                                "extevtdatap",
                                64,
                                "usrattr",
                                72,
                                "cclibid",
                                80,
                                "rfu1",
                                84)),
                layout(
                        "GC_INFO",
                        GcStructs.GC_INFO::new,
                        48,
                        offsets(
                                "gcValue",
                                0,
                                "gcMsg",
                                4,
                                "ccLibId",
                                12,
                                "ccLibName",
                                16,
                                "ccValue",
                                24,
                                "ccMsg",
                                32,
                                "additionalInfo",
                                40)),
                layout(
                        "GC_START_STRUCT",
                        GcStructs.GC_START_STRUCT::new,
                        12,
                        offsets("num_cclibs", 0, "cclib_list", 4)),
                layout(
                        "CCLIB_START_STRUCT",
                        GcStructs.CCLIB_START_STRUCT::new,
                        16,
                        offsets("cclib_name", 0, "cclib_data", 8)),
                layout("GCLIB_WAITCALL_BLK", GcStructs.GCLIB_WAITCALL_BLK::new, 16, offsets("flags", 0, "rfu", 8)),
                layout("GC_WAITCALL_BLK", GcStructs.GC_WAITCALL_BLK::new, 16, offsets("gclib", 0, "cclib", 8)),
                layout(
                        "GCLIB_ADDRESS_BLK",
                        GcStructs.GCLIB_ADDRESS_BLK::new,
                        260,
                        offsets(
                                "address",
                                0,
                                "address_type",
                                128,
                                "address_plan",
                                129,
                                "sub_address",
                                130,
                                "sub_address_type",
                                258,
                                "sub_address_plan",
                                259)),
                layout(
                        "GCLIB_MAKECALL_BLK",
                        GcStructs.GCLIB_MAKECALL_BLK::new,
                        532,
                        offsets(
                                "destination",
                                0,
                                "origination",
                                260,
                                "chan_info",
                                520,
                                "call_info",
                                522,
                                "ext_datap",
                                524)),
                layout("GC_MAKECALL_BLK", GcStructs.GC_MAKECALL_BLK::new, 16, offsets("gclib", 0, "cclib", 8)),
                layout(
                        "GC_CALLACK_BLK",
                        GcStructs.GC_CALLACK_BLK::new,
                        48,
                        offsets("type", 0, "rfu", 8, "service", 16)),
                layout("SC_TSINFO", GcStructs.SC_TSINFO::new, 16, offsets("sc_numts", 0, "sc_tsarrayp", 8)),
                layout(
                        "GC_PARM_DATA",
                        GcStructs.GC_PARM_DATA::new,
                        6,
                        offsets("set_ID", 0, "parm_ID", 2, "value_size", 4, "value_buf", 5)),
                layout("GC_PARM_BLK", GcStructs.GC_PARM_BLK::new, 3, offsets("parm_data_size", 0, "parm_data_buf", 2)),
                layout(
                        "GC_PARM_DATA_EXT",
                        GcStructs.GC_PARM_DATA_EXT::new,
                        48,
                        offsets(
                                "version",
                                0,
                                "pInternal",
                                8,
                                "set_ID",
                                16,
                                "parm_ID",
                                24,
                                "data_size",
                                32,
                                "pData",
                                40)),
                layout(
                        "EV_EBLK",
                        SrlStructs.EV_EBLK::new,
                        48,
                        offsets(
                                "ev_dev",
                                0,
                                "ev_event",
                                8,
                                "ev_len",
                                16,
                                "ev_data",
                                24,
                                "ev_datap",
                                32,
                                "ev_UserContextp",
                                40)),
                layout(
                        "DV_TPT",
                        DxStructs.DV_TPT::new,
                        24,
                        offsets(
                                "tp_type",
                                0,
                                "tp_termno",
                                2,
                                "tp_length",
                                4,
                                "tp_flags",
                                6,
                                "tp_data",
                                8,
                                "rfu",
                                10,
                                "tp_nextp",
                                16)),
                layout(
                        "DX_IOTT",
                        DxStructs.DX_IOTT::new,
                        48,
                        offsets(
                                "io_type",
                                0,
                                "rfu",
                                2,
                                "io_fhandle",
                                4,
                                "io_bufp",
                                8,
                                "io_offset",
                                16,
                                "io_length",
                                24,
                                "io_nextp",
                                32,
                                "io_prevp",
                                40)),
                layout("DV_DIGIT", DxStructs.DV_DIGIT::new, 64, offsets("dg_value", 0, "dg_type", 32)),
                layout(
                        "DX_XPB",
                        DxStructs.DX_XPB::new,
                        24,
                        offsets("wFileFormat", 0, "wDataFormat", 2, "nSamplesPerSec", 8, "wBitsPerSample", 16)),
                layout("DX_CST", DxStructs.DX_CST::new, 4, offsets("cst_event", 0, "cst_data", 2)),
                layout("DX_EBLK", DxStructs.DX_EBLK::new, 16, offsets("ev_event", 0, "ev_data", 2, "ev_rfu", 4)),
                layout(
                        "DF_IOTT",
                        FxStructs.DF_IOTT::new,
                        64,
                        offsets(
                                "io_offset",
                                0,
                                "io_length",
                                8,
                                "io_bufferp",
                                16,
                                "io_prevp",
                                24,
                                "io_nextp",
                                32,
                                "io_datap",
                                40,
                                "io_fhandle",
                                48,
                                "io_type",
                                52,
                                "io_datatype",
                                54,
                                "io_phdcont",
                                56,
                                "io_width",
                                58,
                                "io_resln",
                                60,
                                "io_coding",
                                61,
                                "rfu",
                                62)));
    }

    private static Arguments layout(String name, Supplier<Structure> make, int size, Map<String, Integer> offsets) {
        return Arguments.of(name, make, size, offsets);
    }

    @ParameterizedTest(name = "{0} is {2} bytes with the fact sheet's offsets")
    @MethodSource("layouts")
    void javaStructureMatchesFactSheet(String name, Supplier<Structure> make, int size, Map<String, Integer> offsets)
            throws Exception {
        Structure s = make.get();
        assertThat(s.size()).as("sizeof(%s)", name).isEqualTo(size);
        assertThat(s.getClass().getAnnotation(Structure.FieldOrder.class).value())
                .as("fields of %s", name)
                .containsExactlyElementsOf(offsets.keySet());
        for (Map.Entry<String, Integer> f : offsets.entrySet()) {
            assertThat((int) FIELD_OFFSET.invoke(s, f.getKey()))
                    .as("offsetof(%s, %s)", name, f.getKey())
                    .isEqualTo(f.getValue());
        }
    }

    @ParameterizedTest(name = "emulator agrees on {0}")
    @MethodSource("layouts")
    void emulatorStructureMatchesFactSheet(
            String name, Supplier<Structure> make, int size, Map<String, Integer> offsets) {
        EmulatorControl emu = EmulatorControl.load();
        long cSize = emu.emu_layout(name).longValue();
        if (cSize == -1) {
            return; // the emulator declares only the structs it reads or writes
        }
        assertThat(cSize).as("gcc sizeof(%s)", name).isEqualTo(size);
        offsets.forEach((field, off) -> {
            long c = emu.emu_layout(name + "." + field).longValue();
            if (c != -1) {
                assertThat(c).as("gcc offsetof(%s, %s)", name, field).isEqualTo(off.longValue());
            }
        });
    }

    @Test
    void emulatorDeclaresTheStructsItExchangesWithJava() {
        EmulatorControl emu = EmulatorControl.load();
        for (String s : new String[] {"METAEVENT", "GC_INFO", "DV_TPT", "DX_IOTT", "DV_DIGIT", "DF_IOTT"}) {
            assertThat(emu.emu_layout(s).longValue()).as("emu_layout(%s)", s).isPositive();
        }
    }

    @Test
    void naturalAlignmentWouldBreakGlobalCallLayouts() {
        class NaturalGcInfo extends GcStructs.GC_INFO {
            NaturalGcInfo() {
                setAlignType(ALIGN_DEFAULT);
            }
        }
        assertThat(new NaturalGcInfo().size())
                .as("GC_INFO without 1-byte packing")
                .isEqualTo(56);
    }

    @Test
    void parmDataExtInitMatchesTheVendorInitialiser() {
        GcStructs.GC_PARM_DATA_EXT ext = new GcStructs.GC_PARM_DATA_EXT().init();
        assertThat(ext.version.longValue()).isEqualTo(0x100);
        assertThat(ext.set_ID.longValue()).isEqualTo(-1L);
        assertThat(ext.parm_ID.longValue()).isEqualTo(-1L);
        assertThat(ext.data_size.longValue()).isEqualTo(-1L);
        assertThat(ext.pInternal).isNull();
        assertThat(ext.pData).isNull();
    }

    @Test
    void tptTableChainsContiguousEntriesAndEndsWithEot() {
        DxStructs.DV_TPT[] t = DxStructs.DV_TPT.table(DxConstants.DX_MAXDTMF, 4, 0, DxConstants.DX_MAXTIME, 50, 0);
        assertThat(t).hasSize(2);
        assertThat(t[0].tp_type).isEqualTo((short) SrlConstants.IO_CONT);
        assertThat(t[1].tp_type).isEqualTo((short) SrlConstants.IO_EOT);
        assertThat(Pointer.nativeValue(t[1].getPointer()) - Pointer.nativeValue(t[0].getPointer()))
                .isEqualTo(24);
    }
}
