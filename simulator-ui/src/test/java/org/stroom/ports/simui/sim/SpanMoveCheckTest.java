package org.stroom.ports.simui.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.stroom.ports.hal.api.PortKind;
import org.stroom.ports.hal.softport.BoardModel;
import org.stroom.ports.portmgr.capacity.LineProfile;
import org.stroom.ports.t1.CircuitId;
import org.stroom.ports.t1.PriSwitch;
import org.stroom.ports.t1.Signalling;
import org.stroom.ports.t1.SpanConfig;
import org.stroom.ports.t1.SpanLocation;

class SpanMoveCheckTest {
    private static final SpanConfig PRI = SpanConfig.pri(new CircuitId("C.PRI"), PriSwitch.NI2, 1, List.of());
    private static final SpanConfig CAS =
            SpanConfig.cas(new CircuitId("C.CAS"), Signalling.EM_WINK_START, 0, List.of());
    private static final SpanLocation FROM = new SpanLocation("active-node", 0, 1);
    private static final SpanLocation TO = new SpanLocation("passive-node", 0, 2);

    private static SpanMoveCheck.Target target(BoardModel model, Optional<LineProfile> profile) {
        return new SpanMoveCheck.Target(TO, model, profile, Optional.empty(), true, List.of());
    }

    @Test
    void allowsACompatibleFreePositionOnAnotherMachine() {
        SpanMoveCheck.Result r = SpanMoveCheck.check(
                PRI, EnumSet.of(PortKind.FAX), FROM, target(BoardModel.TR1034_4T1, Optional.of(LineProfile.of(PRI))));
        assertThat(r.allowed()).isTrue();
        assertThat(r.notes()).isEmpty();
    }

    @Test
    void refusesAnOccupiedPositionNamingItsCircuit() {
        SpanMoveCheck.Target t = new SpanMoveCheck.Target(
                TO, BoardModel.TR1034_4T1, Optional.empty(), Optional.of("C.OTHER"), true, List.of());
        assertThat(SpanMoveCheck.check(PRI, Set.of(), FROM, t).refusal())
                .hasValueSatisfying(w -> assertThat(w).contains("holds circuit C.OTHER"));
    }

    @Test
    void refusesAMoveWithinTheSameMachine() {
        SpanMoveCheck.Target t = new SpanMoveCheck.Target(
                new SpanLocation("active-node", 0, 3),
                BoardModel.TR1034_4T1,
                Optional.empty(),
                Optional.empty(),
                true,
                List.of());
        assertThat(SpanMoveCheck.check(PRI, Set.of(), FROM, t).refusal())
                .hasValueSatisfying(w -> assertThat(w).contains("goes to another machine"));
    }

    @Test
    void refusesAPositionOnAMachineThatIsDown() {
        SpanMoveCheck.Target t = new SpanMoveCheck.Target(
                TO, BoardModel.TR1034_4T1, Optional.empty(), Optional.empty(), false, List.of());
        assertThat(SpanMoveCheck.check(PRI, Set.of(), FROM, t).refusal())
                .hasValueSatisfying(w -> assertThat(w).contains("passive-node is down"));
    }

    @Test
    void refusesAPositionProvisionedForAnotherLineProfileNamingTheDifferences() {
        assertThat(SpanMoveCheck.check(
                                CAS, Set.of(), FROM, target(BoardModel.TR1034_4T1, Optional.of(LineProfile.of(PRI))))
                        .refusal())
                .hasValueSatisfying(w -> assertThat(w)
                        .contains("provisioned for ESF/B8ZS/ISDN_PRI/NI2")
                        .contains("signalling ISDN_PRI vs EM_WINK_START")
                        .contains("switch variant NI2 vs none"));
    }

    @Test
    void refusesFaxOnADialogicBoardWhoseFaxResourcesStopAtTimeslotTwelve() {
        assertThat(SpanMoveCheck.check(
                                PRI, EnumSet.of(PortKind.FAX), FROM, target(BoardModel.D480JCT_2T1, Optional.empty()))
                        .refusal())
                .hasValueSatisfying(w -> assertThat(w).contains("cannot do FAX on timeslots 13..23"));
        assertThat(SpanMoveCheck.check(
                                PRI, EnumSet.of(PortKind.VOICE), FROM, target(BoardModel.D480JCT_2T1, Optional.empty()))
                        .allowed())
                .isTrue();
    }

    @Test
    void refusesABoardWithoutFreeChannelResources() {
        SpanMoveCheck.Neighbour full = new SpanMoveCheck.Neighbour(CAS, Set.of(PortKind.VOICE));
        SpanMoveCheck.Target t = new SpanMoveCheck.Target(
                TO, BoardModel.TR1034_1T1, Optional.empty(), Optional.empty(), true, List.of(full));
        assertThat(SpanMoveCheck.check(PRI, Set.of(), FROM, t).refusal()).hasValueSatisfying(w -> assertThat(w)
                .contains("has 0 free channel resources, circuit C.PRI needs 23"));
    }

    @Test
    void notesATakenClockPriorityWithoutRefusing() {
        SpanMoveCheck.Neighbour same = new SpanMoveCheck.Neighbour(
                SpanConfig.pri(new CircuitId("C.THERE"), PriSwitch.NI2, 1, List.of()), Set.of());
        SpanMoveCheck.Target t = new SpanMoveCheck.Target(
                TO, BoardModel.TR1034_4T1, Optional.empty(), Optional.empty(), true, List.of(same));
        SpanMoveCheck.Result r = SpanMoveCheck.check(PRI, Set.of(), FROM, t);
        assertThat(r.allowed()).isTrue();
        assertThat(r.notes())
                .singleElement()
                .asString()
                .contains("clock priority 1 is already used by circuit C.THERE");
    }
}
