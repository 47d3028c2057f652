package org.stroom.ports.hal.brooktrout.jna;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.jna.Structure;
import com.sun.jna.ptr.IntByReference;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stroom.ports.hal.api.VendorException;

/** The Java table, the structures and the emulator must describe the same modelled API. */
class BfvModelEmulatorTest extends EmulatorFixture {

    @Test
    void javaAndEmulatorModelTablesHaveTheSameNamesAndValues() {
        List<String> emulatorNames = new ArrayList<>();
        for (int i = 0; i < emu.emu_model_count(); i++) {
            emulatorNames.add(emu.emu_model_name(i));
        }
        assertThat(emulatorNames)
                .containsExactlyElementsOf(
                        Arrays.stream(BfvModel.Key.values()).map(Enum::name).collect(Collectors.toList()));
        for (BfvModel.Key k : BfvModel.Key.values()) {
            IntByReference v = new IntByReference();
            ok(emu.emu_model_get(k.name(), v));
            assertThat(v.getValue()).as(k.name()).isEqualTo(BfvModel.defaults().get(k));
        }
    }

    @Test
    void overridingAValueOnBothSidesKeepsThemInAgreement() {
        ok(emu.emu_model_set("LINE_STATE_IDLE", 40));
        Properties p = new Properties(System.getProperties());
        p.setProperty("brooktrout.model.LINE_STATE_IDLE", "40");
        BfvNative overridden = BfvNative.load(BfvModel.fromProperties(p));
        try (BfvLine line = BfvLine.attach(overridden, 0)) {
            assertThat(line.state()).isEqualTo(BfvLineState.IDLE);
        }
    }

    @Test
    void overridingOnlyTheEmulatorSurfacesAsAnUnknownStateNotAWrongOne() {
        ok(emu.emu_model_set("LINE_STATE_IDLE", 40));
        try (BfvLine line = BfvLine.attach(natives, 0)) {
            assertThatThrownBy(line::state).isInstanceOfSatisfying(VendorException.class, e -> {
                assertThat(e.code()).isEqualTo(40);
                assertThat(e.symbol()).isEqualTo("UNKNOWN");
                assertThat(e.vendorText()).contains("brooktrout.model.LINE_STATE_");
            });
        }
    }

    @ParameterizedTest
    @ValueSource(
            classes = {
                ArgsCall.class,
                ArgsFax.class,
                ArgsFaxFile.class,
                ArgsVoice.class,
                ArgsDtmf.class,
                ArgsPacket.class
            })
    void structureLayoutMatchesTheEmulatorBuild(Class<? extends Structure> type) throws Exception {
        Structure s = type.getDeclaredConstructor().newInstance();
        String cName = cName(type);
        assertThat(s.size()).as("sizeof(struct %s)", cName).isEqualTo(emu.emu_sizeof(cName));
        Method fieldOffset = Structure.class.getDeclaredMethod("fieldOffset", String.class);
        fieldOffset.setAccessible(true);
        List<String> fields =
                Arrays.asList(type.getAnnotation(Structure.FieldOrder.class).value());
        for (String f : fields) {
            assertThat((int) fieldOffset.invoke(s, f))
                    .as("offsetof(struct %s, %s)", cName, f)
                    .isEqualTo(emu.emu_offsetof(cName, f));
        }
    }

    private static String cName(Class<?> type) {
        // ArgsFaxFile -> args_fax_file
        return type.getSimpleName().replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }
}
