package org.stroom.ports.hal.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.stroom.ports.hal.tck.FakeBackend.Flaw;

/**
 * Proves that the contracts can fail: each test runs one check against the correct fake (it must
 * pass) and against a fake with one flaw (it must fail, for the right reason).
 */
class ContractsCatchBrokenBackendsTest {

    /** A backend test class over a fake with the given flaws. */
    static final class Backend
            implements InboundCallContract,
                    OutboundCallContract,
                    GlareContract,
                    WrongStateContract,
                    EventOrderingContract,
                    CloseContract,
                    MediaContract {
        private final Set<Flaw> flaws;

        Backend(Set<Flaw> flaws) {
            this.flaws = flaws;
        }

        @Override
        public TckHarness createHarness() {
            return new FakeHarness(flaws);
        }
    }

    private static void passesCleanFailsWith(Flaw flaw, Consumer<Backend> check, String reason) {
        check.accept(new Backend(EnumSet.noneOf(Flaw.class)));
        Throwable t = catchThrowable(() -> check.accept(new Backend(EnumSet.of(flaw))));
        assertThat(t)
                .as("the check must fail on a backend with flaw %s", flaw)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(reason);
    }

    @Test
    void missingCallDisconnectedFailsTheFarEndClearCheck() {
        passesCleanFailsWith(
                Flaw.SKIP_DISCONNECT_ON_FAR_END_HANG_UP,
                InboundCallContract::farEndClearsAnsweredCall,
                "expected CallDisconnected");
    }

    @Test
    void missingCallDisconnectedFailsTheTrafficProperty() {
        List<CallStep> script = List.of(new CallStep.Offer(0), new CallStep.Answer(0), new CallStep.FarEndHangUp(0));
        passesCleanFailsWith(
                Flaw.SKIP_DISCONNECT_ON_FAR_END_HANG_UP,
                b -> b.randomTrafficKeepsEveryEventInvariant(script),
                "0 CallDisconnected events");
    }

    @Test
    void duplicateCallDisconnectedFailsTheInvariants() {
        passesCleanFailsWith(
                Flaw.DOUBLE_DISCONNECT, InboundCallContract::farEndClearsAnsweredCall, "after its CallDisconnected");
    }

    @Test
    void lostEventsFailTheSequenceCheck() {
        passesCleanFailsWith(
                Flaw.SEQUENCE_GAP,
                EventOrderingContract::sequenceNumbersContinueAcrossCallsOnEveryChannel,
                "increase by exactly 1");
    }

    @Test
    void answeringAnIdleChannelWithoutRefusalFailsWrongState() {
        passesCleanFailsWith(
                Flaw.NO_STATE_CHECK_ON_ANSWER,
                WrongStateContract::answeringAnIdleChannelSaysWhatIsAllowed,
                "WrongStateException");
        passesCleanFailsWith(
                Flaw.NO_STATE_CHECK_ON_ANSWER,
                b -> b.operationInAWrongStateIsRefusedAndChangesNothing(
                        new WrongStateContract.WrongStateCase(ChannelSetup.IDLE, ChannelOperation.ANSWER)),
                "WrongStateException");
    }

    @Test
    void reusedCallIdsFailTheUniquenessProperty() {
        passesCleanFailsWith(Flaw.REUSED_CALL_IDS, b -> b.callIdsAreNeverReused(3), "reused");
    }

    @Test
    void idleChannelStillHoldingItsCallFailsTheOneCallPerChannelCheck() {
        List<CallStep> script = List.of(new CallStep.Offer(1), new CallStep.FarEndHangUp(1));
        passesCleanFailsWith(
                Flaw.STALE_CALL_ON_IDLE_CHANNEL, b -> b.randomTrafficKeepsEveryEventInvariant(script), "but holds");
    }

    @Test
    void backendWorkingAfterCloseFailsTheCloseContract() {
        passesCleanFailsWith(
                Flaw.WORKS_AFTER_CLOSE,
                b -> b.everyChannelOperationAfterCloseIsRefusedAsClosed(ChannelOperation.PLACE_CALL),
                "PLACE_CALL after close");
    }

    @Test
    void missingAnswerTimeoutFailsTheNoAnswerFlow() {
        passesCleanFailsWith(
                Flaw.NO_ANSWER_TIMEOUT,
                OutboundCallContract::unansweredCallEndsWithCause19AtItsTimeout,
                "expected CallDisconnected");
    }

    @Test
    void glareThatOffersBeforeClearingFailsTheGlareContract() {
        passesCleanFailsWith(
                Flaw.GLARE_OFFERS_FIRST,
                GlareContract::glareGivesTheChannelToTheFarEndsCall,
                "our call ends before the far end's call is offered");
    }

    @Test
    void missingCapabilityFailsNamingItAndTheCheckToOverride() {
        Throwable t = catchThrowable(() -> new Backend(Set.of()).promptPlaysToTheEnd());
        assertThat(t)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("harness lacks VOICE_PLAY")
                .hasMessageContaining("override promptPlaysToTheEnd")
                .hasMessageContaining("@Disabled");
    }
}
