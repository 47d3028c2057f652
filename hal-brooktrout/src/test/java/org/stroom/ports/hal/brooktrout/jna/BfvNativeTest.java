package org.stroom.ports.hal.brooktrout.jna;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.stroom.ports.hal.api.HalException;

class BfvNativeTest {

    private static BfvModel named(String lib, String shim) {
        Properties p = new Properties();
        p.setProperty(BfvModel.LIB_PROPERTY, lib);
        p.setProperty(BfvModel.SHIM_LIB_PROPERTY, shim);
        return BfvModel.fromProperties(p);
    }

    @Test
    void aMissingLibraryIsReportedAsUnavailableInsteadOfCrashing() {
        BfvNative n = BfvNative.load(named("nosuchbfv", "bfvemu"));
        assertThat(n.isAvailable()).isFalse();
        assertThat(n.unavailableReason()).hasValueSatisfying(r -> assertThat(r)
                .startsWith("unavailable: libnosuchbfv not found on jna.library.path=")
                .contains("(set -Dbrooktrout.lib=<library name or path>)"));
        assertThatThrownBy(n::library)
                .isInstanceOf(HalException.class)
                .hasMessageStartingWith("brooktrout backend unavailable: libnosuchbfv");
    }

    @Test
    void aMissingShimNamesTheShimProperty() {
        BfvNative n = BfvNative.load(named("bfvemu", "nosuchshim"));
        assertThat(n.unavailableReason())
                .hasValueSatisfying(r -> assertThat(r).contains("libnosuchshim").contains("-Dbrooktrout.shim.lib="));
        assertThatThrownBy(n::shim).isInstanceOf(HalException.class);
    }

    @Test
    void theEmulatorConfiguredForTestsLoads() {
        assertThat(BfvNative.get().unavailableReason()).isEmpty();
        assertThat(BfvNative.get().model().libraryName()).isEqualTo("bfvemu");
    }
}
