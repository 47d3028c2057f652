package org.stroom.ports.hal.brooktrout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stroom.ports.hal.api.HalException;
import org.stroom.ports.hal.api.spi.Availability;
import org.stroom.ports.hal.api.spi.BackendOptions;
import org.stroom.ports.t1.NanoClock;

class BrooktroutSettingsTest {
    private static final String PRI =
            "[module.2/port.3]\nprotocol=isdn\nline_type=ESF\nline_coding=B8ZS\nswitch_type=NI2\n";

    @TempDir
    Path dir;

    private BackendOptions options(String cfg, Map<String, String> more) throws IOException {
        Path f = Files.writeString(dir.resolve("callctrl.cfg"), cfg);
        BackendOptions o =
                new BackendOptions(Map.of(BrooktroutSettings.CALLCTRL, f.toString()), NanoClock.system(), "n1");
        for (Map.Entry<String, String> e : more.entrySet()) {
            o = o.with(e.getKey(), e.getValue());
        }
        return o;
    }

    @Test
    void boardModelDefaultsToTheSmallestWithTheHighestPortAndWallClockWaitsFollowTheScale() throws IOException {
        BrooktroutSettings s = BrooktroutSettings.from(options(PRI, Map.of(BrooktroutSettings.TIME_SCALE, "0.5")));
        assertThat(s.boards()).containsEntry(2, BoardModel.TR1034_4T1);
        assertThat(s.spans()).hasSize(1);
        assertThat(s.alarmTimings().redSet()).isEqualTo(Duration.ofMillis(2500));
        assertThat(s.wallClock(Duration.ofSeconds(4))).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aBoardTooSmallForItsPortsIsRefusedNamingBoth() throws IOException {
        BackendOptions o = options(PRI, Map.of("brooktrout.board.2.model", "TR1034-2T1"));
        assertThatThrownBy(() -> BrooktroutSettings.from(o))
                .isInstanceOf(HalException.class)
                .hasMessageContaining("module 2 configures port 3 but brooktrout.board.2.model=TR1034-2T1 has 2");
    }

    @Test
    void missingConfigurationSaysWhichPropertyToSet() {
        BackendOptions o = new BackendOptions(Map.of(), NanoClock.system(), "n1");
        assertThatThrownBy(() -> BrooktroutSettings.from(o)).hasMessageContaining("set brooktrout.callctrl=");
    }

    @Test
    void configurationErrorsKeepTheirLineNumbers() throws IOException {
        BackendOptions o = options("[module.2/port.1]\nprotocol=isdn\nline_type=D4\n", Map.of());
        assertThatThrownBy(() -> BrooktroutSettings.from(o)).hasMessageContaining("callctrl.cfg:1:");
    }

    @Test
    void probeReportsAMissingLibraryAsUnavailableWithTheProperty() throws IOException {
        BackendOptions o = options(PRI, Map.of("brooktrout.lib", "nosuchbfv"));
        Availability a = new BrooktroutBackendProvider().probe(o);
        assertThat(a).isInstanceOfSatisfying(Availability.Unavailable.class, u -> assertThat(u.reason())
                .contains("libnosuchbfv not found on jna.library.path")
                .contains("-Dbrooktrout.lib="));
    }

    @Test
    void badTimeScaleIsRefusedByName() throws IOException {
        BackendOptions o = options(PRI, Map.of(BrooktroutSettings.TIME_SCALE, "-1"));
        assertThatThrownBy(() -> BrooktroutSettings.from(o)).hasMessageContaining("brooktrout.timeScale=-1");
    }
}
