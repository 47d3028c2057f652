package org.stroom.ports.hal.dialogic.jna;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class DialogicLibrariesTest {
    private static final String EMU = System.getProperty("dialogic.lib.srl");

    @Test
    void defaultsAreTheLinuxNamesOfTheFactSheet() {
        assertThat(DialogicLibraries.Names.defaults())
                .isEqualTo(new DialogicLibraries.Names("srl", "gc", "dxxx", "dti", "faxx"));
    }

    @Test
    void propertiesOverrideSingleNames() {
        Properties p = new Properties();
        p.setProperty("dialogic.lib.fax", "fax");
        p.setProperty("dialogic.lib.gc", "/opt/dialogic/lib/libgc.so");
        assertThat(DialogicLibraries.Names.from(p))
                .isEqualTo(new DialogicLibraries.Names("srl", "/opt/dialogic/lib/libgc.so", "dxxx", "dti", "fax"));
    }

    @Test
    void blankNameIsRejectedWithItsProperty() {
        assertThatThrownBy(() -> new DialogicLibraries.Names("srl", " ", "dxxx", "dti", "faxx"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dialogic.lib.gc");
    }

    @Test
    void missingLibraryMakesTheBackendUnavailableNamingTheProperty() {
        DialogicLibraries.Availability a =
                DialogicLibraries.load(new DialogicLibraries.Names(EMU, EMU, EMU, EMU, "no_such_dialogic_fax"));
        assertThat(a).isInstanceOf(DialogicLibraries.Unavailable.class);
        DialogicLibraries.Unavailable u = (DialogicLibraries.Unavailable) a;
        assertThat(u.property()).isEqualTo("dialogic.lib.fax");
        assertThat(u.reason())
                .startsWith("unavailable: libno_such_dialogic_fax not found on jna.library.path")
                .contains("-Ddialogic.lib.fax=");
    }

    @Test
    void missingAssumedFaxLibrarySaysTheNameIsAssumedAndNamesTheOtherCandidate() {
        DialogicLibraries.Unavailable u = (DialogicLibraries.Unavailable)
                DialogicLibraries.load(new DialogicLibraries.Names(EMU, EMU, EMU, EMU, "faxx"));
        assertThat(u.property()).isEqualTo("dialogic.lib.fax");
        assertThat(u.reason())
                .startsWith("unavailable: libfaxx not found")
                .contains("libfaxx.so is assumed")
                .contains("-Ddialogic.lib.fax=fax");
        DialogicLibraries.Unavailable other = (DialogicLibraries.Unavailable)
                DialogicLibraries.load(new DialogicLibraries.Names(EMU, EMU, EMU, EMU, "no_such_dialogic_fax"));
        assertThat(other.reason())
                .as("a name the user chose is not called assumed")
                .doesNotContain("assumed");
    }

    @Test
    void vendorDefaultNamesAreUnavailableOnAHostWithoutDialogic() {
        DialogicLibraries.Availability a = DialogicLibraries.load(DialogicLibraries.Names.defaults());
        assertThat(a).isInstanceOf(DialogicLibraries.Unavailable.class);
        assertThat(((DialogicLibraries.Unavailable) a).property()).isEqualTo("dialogic.lib.srl");
    }

    @Test
    void systemPropertiesLoadTheEmulatorUnderEveryName() {
        assertThat(DialogicLibraries.system()).isInstanceOf(DialogicLibraries.Loaded.class);
        assertThat(DialogicLibraries.system()).isSameAs(DialogicLibraries.system());
    }
}
