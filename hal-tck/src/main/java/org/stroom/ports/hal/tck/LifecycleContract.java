package org.stroom.ports.hal.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.jqwik.api.Example;
import org.stroom.ports.hal.api.BackendState;
import org.stroom.ports.hal.api.BoardInfo;
import org.stroom.ports.hal.api.CallId;
import org.stroom.ports.hal.api.ChannelId;
import org.stroom.ports.hal.api.ChannelInfo;
import org.stroom.ports.hal.api.ChannelState;
import org.stroom.ports.hal.api.ChannelStateMachine;
import org.stroom.ports.hal.api.HalBackend;
import org.stroom.ports.hal.api.HalException;
import org.stroom.ports.hal.api.OutboundCall;
import org.stroom.ports.hal.api.SpanInfo;
import org.stroom.ports.hal.api.StateChange;
import org.stroom.ports.hal.api.WrongStateException;
import org.stroom.ports.hal.api.event.CallConnected;
import org.stroom.ports.hal.api.event.CallOffered;
import org.stroom.ports.hal.api.event.ChannelInService;
import org.stroom.ports.hal.api.event.ChannelOutOfService;
import org.stroom.ports.t1.Ds0Layout;
import org.stroom.ports.t1.SpanLocation;

/**
 * An opened backend describes its hardware consistently, starts in service with idle channels,
 * goes out of and back into service, blocks and unblocks channels, and keeps a legal history.
 *
 * <p>Thread-safety: jqwik calls the checks from one thread at a time.
 */
public interface LifecycleContract extends TckContract {

    @Example
    default void openedBackendIsInServiceWithIdleChannels() {
        try (TckSession s = openSession()) {
            HalBackend b = s.backend();
            assertThat(b.id()).as("backend id").isNotBlank();
            assertThat(b.state()).isEqualTo(BackendState.IN_SERVICE);
            assertThat(s.usableSpans()).as("usable spans of a fresh harness").isNotEmpty();
            Set<SpanLocation> usable =
                    s.usableSpans().stream().map(SpanInfo::location).collect(Collectors.toSet());
            for (ChannelInfo c : b.channels()) {
                if (usable.contains(c.id().span())) {
                    assertThat(c.state()).as("state of %s", c.id()).isEqualTo(ChannelState.IDLE);
                    assertThat(c.call()).as("call on idle %s", c.id()).isEmpty();
                    assertThat(c.kinds()).as("port kinds of %s", c.id()).isNotEmpty();
                }
            }
        }
    }

    @Example
    default void boardsSpansAndChannelsDescribeTheSameHardware() {
        try (TckSession s = openSession()) {
            HalBackend b = s.backend();
            List<SpanLocation> fromBoards = new ArrayList<>();
            for (BoardInfo board : b.boards()) {
                for (SpanLocation span : board.spans()) {
                    assertThat(board.id()).as("board of span %s", span).isEqualTo(new ChannelId(span, 1).board());
                    fromBoards.add(span);
                }
            }
            assertThat(b.spans().stream().map(SpanInfo::location))
                    .as("spans() lists every span position of every board, in order")
                    .containsExactlyElementsOf(fromBoards);
            for (SpanInfo span : b.spans()) {
                assertThat(b.span(span.location()))
                        .as("span(%s)", span.location())
                        .isEqualTo(span);
                List<Integer> ds0s = b.channels().stream()
                        .filter(c -> c.id().span().equals(span.location()))
                        .map(c -> c.id().ds0())
                        .collect(Collectors.toList());
                if (span.config().isEmpty()) {
                    assertThat(ds0s)
                            .as("channels of empty span position %s", span.location())
                            .isEmpty();
                } else {
                    int[] bearers = span.config().get().layout().bearerTimeslots();
                    assertThat(ds0s)
                            .as("channels of %s are its bearer timeslots", span.location())
                            .containsExactly(
                                    java.util.Arrays.stream(bearers).boxed().toArray(Integer[]::new));
                }
            }
            List<ChannelId> ids = b.channels().stream().map(ChannelInfo::id).collect(Collectors.toList());
            assertThat(ids).as("channels() in order, no duplicates").isSorted().doesNotHaveDuplicates();
            for (ChannelInfo c : b.channels()) {
                assertThat(b.channel(c.id())).as("channel(%s)", c.id()).isEqualTo(c);
            }
        }
    }

    @Example
    default void unknownSpanOrChannelIsRefusedWithItsName() {
        try (TckSession s = openSession()) {
            SpanLocation nowhere = new SpanLocation("no-such-machine", 7, 4);
            ChannelId ghost = new ChannelId(nowhere, 1);
            assertThatThrownBy(() -> s.backend().span(nowhere))
                    .isInstanceOf(HalException.class)
                    .hasMessageContaining(nowhere.toString());
            assertThatThrownBy(() -> s.backend().channel(ghost))
                    .as("channel() on a span the backend does not have")
                    .isInstanceOf(HalException.class)
                    .hasMessageContaining(nowhere.toString());
            assertThatThrownBy(() -> s.backend().answer(ghost))
                    .as("answer() on a span the backend does not have")
                    .isInstanceOf(HalException.class)
                    .hasMessageContaining(nowhere.toString());
            Optional<ChannelId> notABearer = s.backend().spans().stream()
                    .flatMap(span -> IntStream.rangeClosed(1, Ds0Layout.TIMESLOTS)
                            .filter(ds0 -> span.config().isEmpty()
                                    || !span.config().get().layout().isBearer(ds0))
                            .mapToObj(ds0 -> new ChannelId(span.location(), ds0)))
                    .findFirst();
            notABearer.ifPresent(ch -> assertThatThrownBy(() -> s.backend().channel(ch))
                    .as("channel() on a timeslot that is no bearer channel (D-channel or empty span port)")
                    .isInstanceOf(HalException.class)
                    .hasMessageContaining(ch.toString()));
        }
    }

    @Example
    default void outOfServiceRefusesNewCallsAndReturnsToService() {
        try (TckSession s = openSession()) {
            List<ChannelId> chs = s.idleChannels(2);
            s.backend().setInService(false);
            assertThat(s.backend().state()).isEqualTo(BackendState.OUT_OF_SERVICE);
            assertThatThrownBy(() -> s.backend().placeCall(chs.get(0), OutboundCall.to(TckSession.NUMBER)))
                    .as("placeCall while the backend is out of service")
                    .isInstanceOf(HalException.class);
            CallId refused = s.harness().offerInbound(chs.get(1), TckSession.DNIS, TckSession.ANI);
            s.expectNone(
                    CallOffered.class,
                    e -> e.call().equals(refused) || e.channel().equals(chs.get(1)),
                    TckSession.SIGNALLING,
                    "CallOffered while the backend is out of service (inbound calls are refused with cause 34)");
            assertThat(s.state(chs.get(0))).isEqualTo(ChannelState.IDLE);
            s.backend().setInService(true);
            assertThat(s.backend().state()).isEqualTo(BackendState.IN_SERVICE);
            s.assertUsable(chs.get(0), "the backend went out of and back into service");
        }
    }

    @Example
    default void callsInProgressContinueWhenTakenOutOfService() {
        try (TckSession s = openSession()) {
            ChannelId ch = s.idleChannel();
            CallId call = s.connectInbound(ch);
            s.backend().setInService(false);
            s.advance(TckSession.SIGNALLING);
            assertThat(s.state(ch))
                    .as("a connected call survives setInService(false)")
                    .isEqualTo(ChannelState.CONNECTED);
            assertThat(s.backend().channel(ch).call()).contains(call);
            assertThat(s.hangUp(ch, call).farEnd()).isFalse();
            s.backend().setInService(true);
        }
    }

    @Example
    default void blockedChannelTakesNoCallsUntilUnblocked() {
        try (TckSession s = openSession()) {
            ChannelId ch = s.idleChannel();
            s.backend().setBlocked(ch, true);
            s.expect(
                    ChannelOutOfService.class,
                    e -> e.channel().equals(ch),
                    TckSession.SIGNALLING,
                    "ChannelOutOfService for blocked " + ch);
            assertThat(s.state(ch)).isEqualTo(ChannelState.BLOCKED);
            assertThatThrownBy(() -> s.backend().placeCall(ch, OutboundCall.to(TckSession.NUMBER)))
                    .isInstanceOf(WrongStateException.class);
            assertThat(s.state(ch)).isEqualTo(ChannelState.BLOCKED);
            s.backend().setBlocked(ch, false);
            s.expect(
                    ChannelInService.class,
                    e -> e.channel().equals(ch),
                    TckSession.SIGNALLING,
                    "ChannelInService for unblocked " + ch);
            s.assertUsable(ch, "blocking and unblocking");
        }
    }

    @Example
    default void historyRecordsEveryTransitionOfACall() {
        try (TckSession s = openSession()) {
            ChannelId ch = s.idleChannel();
            int before = s.backend().history(ch).size();
            CallId call = s.offer(ch);
            s.backend().accept(ch);
            s.awaitState(ch, ChannelState.ALERTING, TckSession.SIGNALLING);
            s.backend().answer(ch);
            s.expect(CallConnected.class, e -> e.call().equals(call), TckSession.SIGNALLING, "CallConnected");
            s.hangUp(ch, call);
            List<StateChange> history = s.backend().history(ch);
            assertThat(history.size()).as("history is bounded").isLessThanOrEqualTo(ChannelStateMachine.HISTORY);
            List<StateChange> call1 = history.subList(Math.min(before, history.size()), history.size());
            assertThat(call1.stream().map(StateChange::to))
                    .as("transitions of an accepted, answered, cleared call")
                    .containsExactly(
                            ChannelState.OFFERED,
                            ChannelState.ALERTING,
                            ChannelState.CONNECTED,
                            ChannelState.DISCONNECTING,
                            ChannelState.IDLE);
            for (int i = 0; i < history.size(); i++) {
                StateChange c = history.get(i);
                assertThat(ChannelStateMachine.allowed(c.from(), c.to()))
                        .as("legal: %s", c)
                        .isTrue();
                if (i > 0) {
                    assertThat(c.from())
                            .as("history is continuous at %s", c)
                            .isEqualTo(history.get(i - 1).to());
                    assertThat(c.atNanos())
                            .as("history time order at %s", c)
                            .isGreaterThanOrEqualTo(history.get(i - 1).atNanos());
                }
            }
        }
    }
}
