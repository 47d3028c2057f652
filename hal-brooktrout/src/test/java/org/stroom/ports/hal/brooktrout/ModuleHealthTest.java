package org.stroom.ports.hal.brooktrout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.stroom.ports.hal.api.BoardId;
import org.stroom.ports.hal.brooktrout.ModuleHealth.DChannelChanged;
import org.stroom.ports.hal.brooktrout.ModuleHealth.ModuleFailed;
import org.stroom.ports.hal.brooktrout.ModuleHealth.ModuleRecovered;
import org.stroom.ports.hal.brooktrout.jna.BfvIncomingCommand;
import org.stroom.ports.hal.brooktrout.jna.BfvModel;
import org.stroom.ports.hal.brooktrout.jna.BfvModel.Key;
import org.stroom.ports.t1.Alarm;
import org.stroom.ports.t1.DChannelState;
import org.stroom.ports.t1.Signalling;
import org.stroom.ports.t1.SpanLocation;

/** D-channel and module reports, as fixtures of decoded callbacks, folded into the events to publish. */
class ModuleHealthTest {
    private static final BfvModel M = BfvModel.defaults();
    private static final SpanLocation PRI = new SpanLocation("server", 2, 1);
    private static final SpanLocation CAS = new SpanLocation("server", 2, 2);
    private static final SpanLocation OTHER_PRI = new SpanLocation("server", 3, 1);
    private static final BoardId BOARD = new BoardId("server", 2);

    private final ModuleHealth health = new ModuleHealth(
            Map.of(PRI, Signalling.ISDN_PRI, CAS, Signalling.EM_WINK_START, OTHER_PRI, Signalling.ISDN_PRI));

    /** A packet as the emulator sends it: facility, verb EVENT, specifier, unit, value, text. */
    private static BfvIncomingCommand packet(Key facility, Key specifier, int unit, int value, String text) {
        return BfvIncomingCommand.decode(
                M, unit, M.get(facility), M.get(Key.MILL_VERB_EVENT), M.get(specifier), 0, value, text);
    }

    private static BfvIncomingCommand blocked(int unit) {
        return packet(
                Key.MILL_FACILITY_LINE, Key.LINE_BCHANNEL_BLOCKED_EVENT, unit, M.get(Key.BLOCK_CAUSE_DCHANNEL), "");
    }

    private static BfvIncomingCommand unblocked(int unit) {
        return packet(
                Key.MILL_FACILITY_LINE, Key.LINE_BCHANNEL_UNBLOCKED_EVENT, unit, M.get(Key.BLOCK_CAUSE_DCHANNEL), "");
    }

    private static BfvIncomingCommand fault(int unit) {
        return packet(Key.MILL_FACILITY_MODULE, Key.MODULE_FAULT_EVENT, unit, 7, "module 2 fault 7");
    }

    private static BfvIncomingCommand ready(int unit) {
        return packet(Key.MILL_FACILITY_MODULE, Key.MODULE_READY_EVENT, unit, 0, "");
    }

    @Test
    void theFirstBlockedBChannelTakesTheDChannelDownAndTheLastUnblockedBringsItUp() {
        assertThat(health.onCommand(PRI, blocked(0))).containsExactly(new DChannelChanged(PRI, DChannelState.DOWN));
        assertThat(health.onCommand(PRI, blocked(1))).isEmpty();
        assertThat(health.onCommand(PRI, unblocked(0))).isEmpty();
        assertThat(health.dChannel(PRI)).isEqualTo(DChannelState.DOWN);
        assertThat(health.onCommand(PRI, unblocked(1))).containsExactly(new DChannelChanged(PRI, DChannelState.UP));
        assertThat(health.dChannel(PRI)).isEqualTo(DChannelState.UP);
    }

    @Test
    void aRepeatedBlockOfOneUnitIsUndoneByOneUnblock() {
        health.onCommand(PRI, blocked(3));
        assertThat(health.onCommand(PRI, blocked(3))).isEmpty();
        assertThat(health.onCommand(PRI, unblocked(3))).containsExactly(new DChannelChanged(PRI, DChannelState.UP));
    }

    @Test
    void aCasSpanHasNoDChannelWhateverItsLinesReport() {
        assertThat(health.dChannel(CAS)).isEqualTo(DChannelState.NOT_APPLICABLE);
        assertThat(health.onCommand(CAS, blocked(30))).isEmpty();
        assertThat(health.onAlarms(CAS, Set.of(Alarm.RED))).isEmpty();
        assertThat(health.dChannel(CAS)).isEqualTo(DChannelState.NOT_APPLICABLE);
    }

    @Test
    void theFirstFaultReportFailsTheModuleThenItsPriSpansDChannelGoesDown() {
        assertThat(health.onCommand(PRI, fault(0)))
                .containsExactly(
                        new ModuleFailed(BOARD, "module 2 failed (code 7): module 2 fault 7"),
                        new DChannelChanged(PRI, DChannelState.DOWN));
        assertThat(health.onCommand(CAS, fault(30))).isEmpty();
        assertThat(health.fault(BOARD)).contains("module 2 failed (code 7): module 2 fault 7");
        assertThat(health.dChannel(OTHER_PRI)).as("another module's span").isEqualTo(DChannelState.UP);
        assertThat(health.onCommand(CAS, ready(30)))
                .containsExactly(new ModuleRecovered(BOARD), new DChannelChanged(PRI, DChannelState.UP));
        assertThat(health.onCommand(PRI, ready(0))).isEmpty();
        assertThat(health.fault(BOARD)).isEmpty();
    }

    @Test
    void aModuleRecoveringWhileItsDChannelIsBlockedKeepsTheDChannelDown() {
        health.onCommand(PRI, blocked(0));
        assertThat(health.onCommand(PRI, fault(0)))
                .containsExactly(new ModuleFailed(BOARD, "module 2 failed (code 7): module 2 fault 7"));
        assertThat(health.onCommand(PRI, ready(0))).containsExactly(new ModuleRecovered(BOARD));
        assertThat(health.dChannel(PRI)).isEqualTo(DChannelState.DOWN);
    }

    @Test
    void readyWithoutAFaultChangesNothing() {
        assertThat(health.onCommand(PRI, ready(0))).isEmpty();
    }

    @Test
    void redOrBlueTakesThePriDChannelDownAndYellowAloneDoesNot() {
        assertThat(health.onAlarms(PRI, Set.of(Alarm.YELLOW))).isEmpty();
        assertThat(health.onAlarms(PRI, Set.of(Alarm.RED, Alarm.YELLOW)))
                .containsExactly(new DChannelChanged(PRI, DChannelState.DOWN));
        assertThat(health.onAlarms(PRI, Set.of(Alarm.BLUE))).isEmpty();
        assertThat(health.onAlarms(PRI, Set.of())).containsExactly(new DChannelChanged(PRI, DChannelState.UP));
    }

    @Test
    void otherCallbacksChangeNothing() {
        assertThat(health.onCommand(PRI, packet(Key.MILL_FACILITY_CALL, Key.CALL_INCOMING_EVENT, 0, 0, "212")))
                .isEmpty();
        assertThat(health.onCommand(PRI, packet(Key.MILL_FACILITY_LINE, Key.LINE_BCHANNEL_BLOCKED_EVENT, 0, 99, "")))
                .as("a B-channel blocked for a cause the model does not know")
                .isEmpty();
    }
}
