package org.stroom.ports.hal.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.stroom.ports.hal.api.CallId;
import org.stroom.ports.hal.api.ChannelId;
import org.stroom.ports.hal.api.ChannelInfo;
import org.stroom.ports.hal.api.ChannelState;
import org.stroom.ports.hal.api.HalBackend;
import org.stroom.ports.hal.api.Q850Cause;
import org.stroom.ports.hal.api.StateChange;
import org.stroom.ports.hal.api.VendorException;
import org.stroom.ports.hal.api.WrongStateException;
import org.stroom.ports.hal.api.event.CallConnected;
import org.stroom.ports.hal.api.event.CallDisconnected;

/**
 * Operations asked in a state that does not allow them throw {@link WrongStateException} naming
 * the channel, its state and the operation, change nothing (state, call, history, no event), and
 * leave the channel usable; a vendor failure is a {@link VendorException} with its native code and
 * also leaves the channel usable.
 *
 * <p>The property walks every (state, operation) pair the {@code HalBackend} contract forbids; pairs
 * whose operation needs a media {@link Capability} the harness lacks are not generated (a board
 * without fax may refuse a fax for that reason first).
 *
 * <p>Thread-safety: jqwik calls the checks from one thread at a time.
 */
public interface WrongStateContract extends TckContract {

    /**
     * A forbidden pair.
     *
     * @param setup the state the channel is brought to
     * @param operation the operation then asked
     *     <p>Thread-safety: immutable.
     */
    record WrongStateCase(ChannelSetup setup, ChannelOperation operation) {
        @Override
        public String toString() {
            return operation + " in " + setup;
        }
    }

    @Property(tries = 70)
    default void operationInAWrongStateIsRefusedAndChangesNothing(@ForAll("wrongStateCases") WrongStateCase c) {
        try (TckSession s = openSession()) {
            Assume.that(c.operation()
                    .needs()
                    .map(s.harness().capabilities()::contains)
                    .orElse(true));
            HalBackend b = s.backend();
            ChannelId ch = s.idleChannel();
            Optional<CallId> call = c.setup().bringTo(s, ch);
            ChannelInfo before = b.channel(ch);
            Assume.that(!c.operation().allowedIn(before.state(), c.setup().inbound()));
            List<StateChange> historyBefore = b.history(ch);
            int mark = s.recorder().size();

            Throwable thrown = catchThrowable(() -> c.operation().invoke(s, ch));

            assertThat(thrown)
                    .as("%s on a %s channel must throw WrongStateException", c.operation(), before.state())
                    .isInstanceOf(WrongStateException.class)
                    .hasMessageContaining(ch.toString())
                    .hasMessageContaining(before.state().toString());
            WrongStateException w = (WrongStateException) thrown;
            assertThat(w.channel()).isEqualTo(ch);
            assertThat(w.state()).isEqualTo(before.state());
            assertThat(w.operation()).isNotBlank();
            assertThat(b.channel(ch))
                    .as("channel after the refused %s", c.operation())
                    .isEqualTo(before);
            if (s.harness().virtualTime()) {
                assertThat(b.history(ch))
                        .as("history after the refused operation")
                        .isEqualTo(historyBefore);
                assertThat(s.recorder().since(mark))
                        .as("events caused by the refused operation")
                        .isEmpty();
            }
            c.setup().release(s, ch, call);
            s.assertUsable(ch, "a refused " + c);
            s.clearCallsAndCheckInvariants();
        }
    }

    @Example
    default void aSecondHangUpOfACallIsRefusedAndTheCallEndsOnceWithTheFirstCause() {
        try (TckSession s = openSession()) {
            ChannelId ch = s.idleChannel();
            CallId call = s.connectInbound(ch);
            s.backend().hangUp(ch, Q850Cause.NORMAL_CLEARING);

            // DISCONNECTING (being cleared) or IDLE already: either way no call is left to hang up.
            Throwable second = catchThrowable(() -> s.backend().hangUp(ch, Q850Cause.USER_BUSY));
            assertThat(second)
                    .as("a second hangUp of the call on %s must throw WrongStateException", ch)
                    .isInstanceOf(WrongStateException.class);
            assertThat(((WrongStateException) second).state()).isIn(ChannelState.DISCONNECTING, ChannelState.IDLE);
            CallDisconnected d = s.expectDisconnected(call, TckSession.SIGNALLING);
            assertThat(d.cause()).isEqualTo(Q850Cause.NORMAL_CLEARING);
            s.awaitState(ch, ChannelState.IDLE, TckSession.SIGNALLING);
            assertThat(s.recorder().events(CallDisconnected.class))
                    .filteredOn(e -> e.call().equals(call))
                    .as("CallDisconnected of the call hung up twice")
                    .hasSize(1);
            s.assertUsable(ch, "a refused second hang-up");
            s.clearCallsAndCheckInvariants();
        }
    }

    @Example
    default void answeringAnIdleChannelSaysWhatIsAllowed() {
        try (TckSession s = openSession()) {
            ChannelId ch = s.idleChannel();
            Throwable thrown = catchThrowable(() -> s.backend().answer(ch));
            assertThat(thrown)
                    .as("answer on an IDLE channel must throw WrongStateException")
                    .isInstanceOf(WrongStateException.class)
                    .hasMessageContaining("answer")
                    .hasMessageContaining(ch.toString())
                    .hasMessageContaining("IDLE")
                    .hasMessageContaining("OFFERED");
            s.assertUsable(ch, "a refused answer");
        }
    }

    @Example
    default void vendorFailureKeepsItsCodeAndLeavesTheChannelUsable() {
        try (TckSession s = openSession()) {
            s.require(Capability.OPERATION_FAILURE);
            ChannelId ch = s.idleChannel();
            CallId call = s.offer(ch);
            s.harness().failNextOperation(ch);
            Throwable thrown = catchThrowable(() -> s.backend().answer(ch));
            assertThat(thrown).as("answer after failNextOperation").isInstanceOf(VendorException.class);
            VendorException v = (VendorException) thrown;
            assertThat(v.vendor()).isEqualTo(s.backend().id());
            assertThat(v.function()).isNotBlank();
            assertThat(v.symbol()).isNotBlank();
            assertThat(v.getMessage()).contains(v.symbol()).contains(Long.toString(v.code()));
            assertThat(s.state(ch)).as("state after the vendor failure").isEqualTo(ChannelState.OFFERED);
            s.backend().answer(ch);
            s.expect(CallConnected.class, e -> e.call().equals(call), TckSession.SIGNALLING, "CallConnected");
            s.hangUp(ch, call);
            s.clearCallsAndCheckInvariants();
        }
    }

    /** @return every (setup, operation) pair the HalBackend contract forbids */
    @Provide
    default Arbitrary<WrongStateCase> wrongStateCases() {
        List<WrongStateCase> cases = new ArrayList<>();
        for (ChannelSetup setup : ChannelSetup.values()) {
            for (ChannelOperation op : ChannelOperation.values()) {
                boolean ambiguous = (op == ChannelOperation.BLOCK && setup.state() == ChannelState.BLOCKED)
                        || (op == ChannelOperation.UNBLOCK && setup.state() == ChannelState.IDLE);
                if (!ambiguous && !op.allowedIn(setup.state(), setup.inbound())) {
                    cases.add(new WrongStateCase(setup, op));
                }
            }
        }
        return Arbitraries.of(cases);
    }
}
