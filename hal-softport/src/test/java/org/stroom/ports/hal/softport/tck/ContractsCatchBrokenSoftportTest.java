package org.stroom.ports.hal.softport.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.stroom.ports.hal.api.BoardId;
import org.stroom.ports.hal.api.CallId;
import org.stroom.ports.hal.api.ChannelId;
import org.stroom.ports.hal.api.HalBackend;
import org.stroom.ports.hal.api.TerminationReason;
import org.stroom.ports.hal.api.event.ChannelOutOfService;
import org.stroom.ports.hal.api.event.FaxDone;
import org.stroom.ports.hal.api.event.FaxPageSent;
import org.stroom.ports.hal.api.event.HalEvent;
import org.stroom.ports.hal.api.event.PlayDone;
import org.stroom.ports.hal.api.event.RecordDone;
import org.stroom.ports.hal.api.event.SpanAlarmRaised;
import org.stroom.ports.hal.api.spi.Availability;
import org.stroom.ports.hal.api.spi.BackendOptions;
import org.stroom.ports.hal.api.spi.BackendProvider;
import org.stroom.ports.hal.softport.SoftportProvider;
import org.stroom.ports.hal.softport.VirtualClock;
import org.stroom.ports.hal.tck.AlarmContract;
import org.stroom.ports.hal.tck.Capability;
import org.stroom.ports.hal.tck.DiscoveryContract;
import org.stroom.ports.hal.tck.FaxContract;
import org.stroom.ports.hal.tck.LifecycleContract;
import org.stroom.ports.hal.tck.MediaContract;
import org.stroom.ports.hal.tck.OutboundBehaviour;
import org.stroom.ports.hal.tck.TckHarness;
import org.stroom.ports.t1.Alarm;
import org.stroom.ports.t1.Defect;
import org.stroom.ports.t1.SpanLocation;

/**
 * Proves that the media, fax, alarm, lifecycle and discovery contracts can fail: each test runs one
 * check against softport (it passes) and against softport with one event falsified or one provider
 * rule broken (it fails, for the right reason). hal-tck's own tests do the same for the call-flow
 * contracts with a fake backend.
 */
class ContractsCatchBrokenSoftportTest {

    /** A backend test class whose backend reports events through a mutation. */
    static final class Backend
            implements LifecycleContract, MediaContract, FaxContract, AlarmContract, DiscoveryContract {
        private final UnaryOperator<HalEvent> mutation;
        private final BackendProvider provider;

        Backend(UnaryOperator<HalEvent> mutation, BackendProvider provider) {
            this.mutation = mutation;
            this.provider = provider;
        }

        @Override
        public TckHarness createHarness() {
            return new BrokenHarness(SoftportHarness.virtual(), mutation);
        }

        @Override
        public BackendProvider tckProvider() {
            return provider;
        }

        @Override
        public BackendOptions tckOptions() {
            return new BackendOptions(Map.of(), new VirtualClock(), SoftportHarness.MACHINE);
        }
    }

    private static void passesIntactFailsBroken(
            UnaryOperator<HalEvent> mutation, Consumer<Backend> check, String reason) {
        check.accept(new Backend(UnaryOperator.identity(), new SoftportProvider()));
        Throwable t = catchThrowable(() -> check.accept(new Backend(mutation, new SoftportProvider())));
        assertThat(t).as("the check must fail on the broken backend").isInstanceOf(AssertionError.class);
        assertThat(t).hasMessageContaining(reason);
    }

    @Test
    void lostPageEventFailsTheFaxSendProperty() {
        passesIntactFailsBroken(
                e -> e instanceof FaxPageSent p && p.page() == 2 ? null : e,
                b -> b.sendingTransfersEveryPageOfTheDocument(3),
                "FaxPageSent page numbers");
    }

    @Test
    void wrongPageCountFailsTheFaxReceiveProperty() {
        passesIntactFailsBroken(
                e -> e instanceof FaxDone d && !d.sending()
                        ? new FaxDone(
                                d.sequence(),
                                d.atNanos(),
                                d.channel(),
                                d.call(),
                                d.result(),
                                d.pages() - 1,
                                d.bps(),
                                false)
                        : e,
                b -> b.receivingWritesATiffWithEveryPage(2),
                "expected: 2");
    }

    @Test
    void playReportedAsStoppedFailsThePlayToTheEndCheck() {
        passesIntactFailsBroken(
                e -> e instanceof PlayDone p && p.reason() == TerminationReason.END_OF_DATA
                        ? new PlayDone(
                                p.sequence(),
                                p.atNanos(),
                                p.channel(),
                                p.call(),
                                TerminationReason.STOPPED,
                                p.playedMillis())
                        : e,
                MediaContract::promptPlaysToTheEnd,
                "STOPPED");
    }

    @Test
    void shortRecordingFailsTheMaximumTimeCheck() {
        passesIntactFailsBroken(
                e -> e instanceof RecordDone r
                        ? new RecordDone(
                                r.sequence(),
                                r.atNanos(),
                                r.channel(),
                                r.call(),
                                r.file(),
                                r.reason(),
                                r.recordedMillis() / 2)
                        : e,
                MediaContract::recordingStopsAtItsMaximumTimeAndLeavesATelephonyWav,
                "recordedMillis");
    }

    @Test
    void missingAlarmEventFailsTheRedIntegrationCheck() {
        passesIntactFailsBroken(
                e -> e instanceof SpanAlarmRaised ? null : e,
                AlarmContract::lossOfSignalBecomesRedOnlyAfterItsIntegrationTime,
                "expected SpanAlarmRaised RED");
    }

    @Test
    void yellowReportedAsRedFailsTheYellowCheck() {
        passesIntactFailsBroken(
                e -> e instanceof SpanAlarmRaised a && a.alarm() == Alarm.YELLOW
                        ? new SpanAlarmRaised(a.sequence(), a.atNanos(), a.span(), Alarm.RED)
                        : e,
                AlarmContract::yellowAloneKeepsChannelsUsable,
                "YELLOW");
    }

    @Test
    void missingOutOfServiceEventFailsTheBlockingCheck() {
        passesIntactFailsBroken(
                e -> e instanceof ChannelOutOfService ? null : e,
                LifecycleContract::blockedChannelTakesNoCallsUntilUnblocked,
                "ChannelOutOfService");
    }

    @Test
    void throwingProbeFailsTheDiscoveryProperty() {
        Map<String, String> properties = Map.of("softport.boards", "TR1034_1T1");
        new Backend(UnaryOperator.identity(), new SoftportProvider())
                .probeNeverThrowsWhateverTheConfiguration(properties, "server");
        BackendProvider throwing = new ForwardingProvider(new SoftportProvider()) {
            @Override
            public Availability probe(BackendOptions options) {
                throw new IllegalStateException("probe blew up");
            }
        };
        Throwable t = catchThrowable(() -> new Backend(UnaryOperator.identity(), throwing)
                .probeNeverThrowsWhateverTheConfiguration(properties, "server"));
        assertThat(t).isInstanceOf(AssertionError.class).hasMessageContaining("probe must return");
    }

    @Test
    void providerWithAnotherIdFailsTheDescriptionCheck() {
        new Backend(UnaryOperator.identity(), new SoftportProvider()).providerDescribesTheBackendItOpens();
        BackendProvider misnamed = new ForwardingProvider(new SoftportProvider()) {
            @Override
            public String id() {
                return "softport2";
            }
        };
        Throwable t = catchThrowable(
                () -> new Backend(UnaryOperator.identity(), misnamed).providerDescribesTheBackendItOpens());
        assertThat(t).isInstanceOf(AssertionError.class).hasMessageContaining("backend id vs provider id");
    }

    /** Delegates every method to another provider. */
    private static class ForwardingProvider implements BackendProvider {
        private final BackendProvider inner;

        ForwardingProvider(BackendProvider inner) {
            this.inner = inner;
        }

        @Override
        public String id() {
            return inner.id();
        }

        @Override
        public int priority() {
            return inner.priority();
        }

        @Override
        public boolean simulated() {
            return inner.simulated();
        }

        @Override
        public Availability probe(BackendOptions options) {
            return inner.probe(options);
        }

        @Override
        public HalBackend open(BackendOptions options) {
            return inner.open(options);
        }
    }

    /** A softport harness whose backend reports events through a mutation. */
    private static final class BrokenHarness implements TckHarness {
        private final SoftportHarness inner;
        private final HalBackend backend;

        BrokenHarness(SoftportHarness inner, UnaryOperator<HalEvent> mutation) {
            this.inner = inner;
            this.backend = new MutatingBackend(inner.backend(), mutation);
        }

        @Override
        public HalBackend backend() {
            return backend;
        }

        @Override
        public boolean virtualTime() {
            return inner.virtualTime();
        }

        @Override
        public void advance(Duration d) {
            inner.advance(d);
        }

        @Override
        public CallId offerInbound(ChannelId channel, String dnis, String ani) {
            return inner.offerInbound(channel, dnis, ani);
        }

        @Override
        public void farEndHangUp(ChannelId channel) {
            inner.farEndHangUp(channel);
        }

        @Override
        public void farEndSendsDigits(ChannelId channel, String digits) {
            inner.farEndSendsDigits(channel, digits);
        }

        @Override
        public void setOutboundBehaviour(OutboundBehaviour behaviour) {
            inner.setOutboundBehaviour(behaviour);
        }

        @Override
        public void farEndSendsFax(ChannelId channel, int pages) {
            inner.farEndSendsFax(channel, pages);
        }

        @Override
        public void raiseDefect(SpanLocation span, Defect defect) {
            inner.raiseDefect(span, defect);
        }

        @Override
        public void clearDefect(SpanLocation span, Defect defect) {
            inner.clearDefect(span, defect);
        }

        @Override
        public void setDChannel(SpanLocation span, boolean up) {
            inner.setDChannel(span, up);
        }

        @Override
        public void boardFault(BoardId board) {
            inner.boardFault(board);
        }

        @Override
        public void boardRecover(BoardId board) {
            inner.boardRecover(board);
        }

        @Override
        public void failNextOperation(ChannelId channel) {
            inner.failNextOperation(channel);
        }

        @Override
        public Set<Capability> capabilities() {
            return inner.capabilities();
        }

        @Override
        public void close() {
            inner.close();
        }
    }
}
