package org.stroom.ports.hal.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.stroom.ports.hal.remote.LinkFixture.NODE;
import static org.stroom.ports.hal.remote.LinkFixture.WAIT;
import static org.stroom.ports.hal.remote.LinkFixture.ch;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.TlsChannelCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.StreamObserver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.stroom.ports.hal.api.BackendState;
import org.stroom.ports.hal.api.CallId;
import org.stroom.ports.hal.api.ChannelId;
import org.stroom.ports.hal.api.ChannelState;
import org.stroom.ports.hal.api.HalException;
import org.stroom.ports.hal.api.OutboundCall;
import org.stroom.ports.hal.api.Q850Cause;
import org.stroom.ports.hal.api.VendorException;
import org.stroom.ports.hal.api.WrongStateException;
import org.stroom.ports.hal.api.event.CallConnected;
import org.stroom.ports.hal.api.event.CallDisconnected;
import org.stroom.ports.hal.api.event.CallOffered;
import org.stroom.ports.hal.api.event.ChannelInService;
import org.stroom.ports.hal.api.event.ChannelOutOfService;
import org.stroom.ports.hal.api.event.HalEvent;
import org.stroom.ports.hal.remote.proto.NodeLinkGrpc;
import org.stroom.ports.hal.remote.proto.NodeMessage;
import org.stroom.ports.hal.remote.proto.ServerHello;
import org.stroom.ports.hal.remote.proto.ServerMessage;
import org.stroom.ports.hal.softport.OutboundBehaviour;
import org.stroom.ports.hal.tck.EventInvariants;
import org.stroom.ports.t1.SpanLocation;

/** The Node ↔ Server link over real TLS on loopback: a softport Node, a RemoteBackend Server. */
@Timeout(60)
class NodeLinkTest {
    @TempDir
    static Path pkiDir;

    static TestPki pki;

    @TempDir
    Path dir;

    @BeforeAll
    static void certificates() {
        pki = new TestPki(pkiDir);
    }

    @Test
    void commandsRoundTripAndTheRemoteInventoryEqualsTheNodes() throws Exception {
        try (LinkFixture f = new LinkFixture(pki, dir).startNode(Long.MAX_VALUE).connect()) {
            f.awaitUp();
            assertThat(f.remote.boards()).isEqualTo(f.node.boards());
            assertThat(f.remote.spans()).isEqualTo(f.node.spans());
            assertThat(f.remote.channels()).isEqualTo(f.node.channels());
            assertThat(f.remote.state()).isEqualTo(BackendState.IN_SERVICE);
            assertThat(f.remote.simulated()).isTrue();
            assertThat(f.remote.nodeBackendId()).isEqualTo("softport");

            CallId inbound = f.farEnd().offerCall(23, "3125550123", "2125550000");
            f.serverEvents.await(
                    CallOffered.class,
                    e -> e.call().equals(inbound) && e.channel().equals(ch(23)),
                    WAIT);
            f.remote.answer(ch(23));
            f.serverEvents.await(CallConnected.class, e -> e.call().equals(inbound), WAIT);
            assertThat(f.remote.channel(ch(23)).state()).isEqualTo(ChannelState.CONNECTED);

            f.node.setOutboundBehaviour(OutboundBehaviour.answer(Duration.ofSeconds(1)));
            CallId outbound = f.remote.placeCall(ch(1), OutboundCall.to("5551234"));
            assertThat(f.remote.channel(ch(1)).call()).contains(outbound);
            f.advance(Duration.ofSeconds(2));
            f.serverEvents.await(CallConnected.class, e -> e.call().equals(outbound), WAIT);
            f.remote.hangUp(ch(1), Q850Cause.NORMAL_CLEARING);
            f.advance(Duration.ofSeconds(1));
            CallDisconnected end =
                    f.serverEvents.await(CallDisconnected.class, e -> e.call().equals(outbound), WAIT);
            assertThat(end.farEnd()).isFalse();

            f.remote.setBlocked(ch(5), true);
            f.serverEvents.await(ChannelOutOfService.class, e -> e.channel().equals(ch(5)), WAIT);
            assertThat(f.remote.channel(ch(5)).state()).isEqualTo(ChannelState.BLOCKED);
            assertThat(f.remote.history(ch(5))).isEqualTo(f.node.history(ch(5)));
        }
    }

    @Test
    void operationsAndQueriesReturnOnlyAfterTheEventsThatPrecedeTheirResult() throws Exception {
        try (LinkFixture f = new LinkFixture(pki, dir).startNode(Long.MAX_VALUE).connect()) {
            f.awaitUp();
            // Each round is a race without the ordering: the result is sent at once, the events go
            // through the Node's journal thread and sender first.
            for (int ds0 = 1; ds0 <= 11; ds0++) {
                ChannelId blocked = ch(ds0);
                f.remote.setBlocked(blocked, true);
                assertThat(f.serverEvents.all(ChannelOutOfService.class))
                        .as("events delivered when setBlocked(%s) returned", blocked)
                        .anyMatch(e -> e.channel().equals(blocked));

                ChannelId offered = ch(ds0 + 12);
                CallId call = f.farEnd().offerCall(offered.ds0(), "31255501" + (10 + ds0), "2125550000");
                assertThat(f.remote.channel(offered).call()).contains(call);
                assertThat(f.serverEvents.all(CallOffered.class))
                        .as("events delivered when channel(%s) showed %s", offered, call)
                        .anyMatch(e -> e.call().equals(call));
            }
        }
    }

    @Test
    void failuresOnTheNodeAreRethrownWithTheirTypeMessageAndFields() throws Exception {
        try (LinkFixture f = new LinkFixture(pki, dir).startNode(Long.MAX_VALUE).connect()) {
            f.awaitUp();

            Throwable local = catchThrowable(() -> f.node.answer(ch(2)));
            Throwable remote = catchThrowable(() -> f.remote.answer(ch(2)));
            assertThat(remote).isExactlyInstanceOf(WrongStateException.class).hasMessage(local.getMessage());
            WrongStateException w = (WrongStateException) remote;
            assertThat(w.channel()).isEqualTo(ch(2));
            assertThat(w.state()).isEqualTo(ChannelState.IDLE);
            assertThat(w.operation()).isEqualTo(((WrongStateException) local).operation());

            f.node.faults().failNextOperation(ch(4), "EGC_INVSTATE", 42, "injected by the test");
            Throwable vendor = catchThrowable(() -> f.remote.setBlocked(ch(4), true));
            assertThat(vendor).isExactlyInstanceOf(VendorException.class);
            VendorException v = (VendorException) vendor;
            assertThat(v.symbol()).isEqualTo("EGC_INVSTATE");
            assertThat(v.code()).isEqualTo(42);
            assertThat(v.vendorText()).isEqualTo("injected by the test");
            assertThat(v.vendor()).isEqualTo("softport");
            assertThat(f.remote.channel(ch(4)).state()).isEqualTo(ChannelState.IDLE);

            SpanLocation missing = new SpanLocation(NODE, 0, 2);
            Throwable localMissing = catchThrowable(() -> f.node.span(missing));
            assertThatThrownBy(() -> f.remote.span(missing))
                    .isExactlyInstanceOf(HalException.class)
                    .hasMessage(localMissing.getMessage());
        }
    }

    @Test
    void eventsArriveOnceEachInTheNodesOrderWithContiguousSequences() throws Exception {
        try (LinkFixture f = new LinkFixture(pki, dir).startNode(Long.MAX_VALUE).connect()) {
            f.awaitUp();
            for (int ds0 = 1; ds0 <= 20; ds0++) {
                f.farEnd().offerCall(ds0, "31255501" + (10 + ds0), "2125550000");
            }
            for (int ds0 = 1; ds0 <= 20; ds0 += 2) {
                f.remote.answer(ch(ds0));
            }
            for (int ds0 = 1; ds0 <= 20; ds0++) {
                f.farEnd().hangUp(ch(ds0));
            }
            f.advance(Duration.ofSeconds(2));
            f.awaitDrained();

            List<HalEvent> local = f.nodeEvents.events();
            List<HalEvent> remote = f.serverEvents.events();
            assertThat(remote).hasSameSizeAs(local);
            for (int i = 0; i < local.size(); i++) {
                assertThat(withoutStamp(remote.get(i))).isEqualTo(withoutStamp(local.get(i)));
            }
            assertThat(f.nodeSequences())
                    .containsExactlyElementsOf(
                            LongStream.rangeClosed(1, local.size()).boxed().toList());
            EventInvariants.check(remote, List.of());
        }
    }

    @Test
    void aCutLinkReconnectsAndResumesWithoutLossOrDuplicates() throws Exception {
        try (LinkFixture f = new LinkFixture(pki, dir).startNode(Long.MAX_VALUE).connect()) {
            f.awaitUp();
            for (int round = 0; round < 6; round++) {
                for (int ds0 = 1; ds0 <= 23; ds0++) {
                    f.farEnd().offerCall(ds0, "3125550150", "2125550000");
                }
                f.proxy.cut(); // events published now are replayed from the journal after the reconnect
                for (int ds0 = 1; ds0 <= 23; ds0++) {
                    f.farEnd().hangUp(ch(ds0));
                }
                f.advance(Duration.ofSeconds(1));
            }
            f.awaitDrained();

            assertThat(f.remote.status().reconnects()).isGreaterThanOrEqualTo(1);
            List<HalEvent> local = f.nodeEvents.events();
            assertThat(f.nodeSequences())
                    .containsExactlyElementsOf(
                            LongStream.rangeClosed(1, local.size()).boxed().toList());
            List<HalEvent> remote = f.serverEvents.events();
            assertThat(remote.stream().map(NodeLinkTest::withoutStamp).toList())
                    .isEqualTo(local.stream().map(NodeLinkTest::withoutStamp).toList());
            EventInvariants.check(remote, List.of());
        }
    }

    @Test
    void aGapTooOldToReplayIsCoveredByTheSnapshotAndItsLostCallReportedOnce() throws Exception {
        try (LinkFixture f = new LinkFixture(pki, dir).startNode(3)) {
            f.connect(RemoteBackend.builder(NODE, "127.0.0.1", f.proxy.port())
                    .serverName(LinkFixture.SERVER)
                    .tls(pki.files(LinkFixture.SERVER))
                    .heartbeat(Duration.ofMillis(50), Duration.ofSeconds(30))
                    .maxReconnectDelay(Duration.ofMillis(200)));
            f.awaitUp();
            CallId a = f.farEnd().offerCall(10, "3125550110", "2125550000");
            f.remote.answer(ch(10));
            f.awaitDrained();

            f.proxy.blackhole();
            f.farEnd().hangUp(ch(10));
            f.advance(Duration.ofSeconds(1));
            for (int ds0 = 11; ds0 <= 15; ds0++) {
                f.node.setBlocked(ch(ds0), true);
            }
            long before = f.remote.status().lastApplied();
            f.proxy.restore();
            f.awaitDrained();

            assertThat(f.remote.status().lastApplied()).isGreaterThan(before + 3);
            List<CallDisconnected> ends = f.serverEvents.all(CallDisconnected.class).stream()
                    .filter(e -> e.call().equals(a))
                    .toList();
            assertThat(ends).singleElement().satisfies(e -> {
                assertThat(e.cause()).isEqualTo(Q850Cause.NETWORK_OUT_OF_ORDER);
                assertThat(e.farEnd()).isTrue();
            });
            assertThat(f.remote.status().callsReportedLost()).isEqualTo(1);
            assertThat(f.remote.channel(ch(10)).state()).isEqualTo(ChannelState.IDLE);
            assertThat(f.remote.channel(ch(12)).state()).isEqualTo(ChannelState.BLOCKED);
        }
    }

    @Test
    void heartbeatLossMarksEveryChannelUnusableReportsCallsLostAndReconcilesOnReturn() throws Exception {
        try (LinkFixture f = new LinkFixture(pki, dir).startNode(Long.MAX_VALUE).connect()) {
            f.awaitUp();
            CallId inbound = f.farEnd().offerCall(7, "3125550107", "2125550000");
            f.remote.answer(ch(7));
            f.node.setOutboundBehaviour(OutboundBehaviour.answer(Duration.ofMillis(500)));
            CallId outbound = f.remote.placeCall(ch(1), OutboundCall.to("5551234"));
            f.advance(Duration.ofSeconds(1));
            f.awaitDrained();
            int channels = f.node.channels().size();

            long cutAt = System.nanoTime();
            f.proxy.blackhole();
            assertThat(f.remote.awaitUnreachable(WAIT)).isTrue();
            long detectedMillis = (System.nanoTime() - cutAt) / 1_000_000;
            String reason = "node " + NODE + " unreachable";
            f.serverEvents.awaitCount(ChannelOutOfService.class, e -> e.reason().equals(reason), channels, WAIT);
            for (CallId lost : List.of(inbound, outbound)) {
                CallDisconnected d = f.serverEvents.await(
                        CallDisconnected.class, e -> e.call().equals(lost), WAIT);
                assertThat(d.cause()).isEqualTo(Q850Cause.NETWORK_OUT_OF_ORDER);
                assertThat(d.farEnd()).isTrue();
            }
            assertThat(detectedMillis).isLessThan(5_000);
            assertThat(f.remote.channels()).hasSize(channels).allSatisfy(c -> assertThat(c.state())
                    .isEqualTo(ChannelState.OUT_OF_SERVICE));
            assertThat(f.remote.state()).isEqualTo(BackendState.OUT_OF_SERVICE);
            assertThatThrownBy(() -> f.remote.answer(ch(3))).isInstanceOf(NodeUnavailableException.class);

            f.farEnd().hangUp(ch(7)); // ends on the node while the Server cannot see it
            f.proxy.restore();
            f.awaitUp();
            // the Server hangs up the lost outbound call still on the Node; virtual time releases it
            for (int step = 0;
                    step < 100
                            && f.serverEvents
                                            .waitFor(ChannelInService.class, e -> true, channels, Duration.ofMillis(50))
                                            .size()
                                    < channels;
                    step++) {
                f.advance(Duration.ofMillis(100));
            }
            f.serverEvents.awaitCount(ChannelInService.class, e -> true, channels, WAIT);
            f.awaitDrained();

            assertThat(f.node.channel(ch(1)).state()).isEqualTo(ChannelState.IDLE);
            assertThat(f.remote.channels())
                    .allSatisfy(c -> assertThat(c.state()).isEqualTo(ChannelState.IDLE));
            List<HalEvent> seen = f.serverEvents.events();
            EventInvariants.check(seen, List.of(outbound));
            assertThat(f.remote.status().eventsSuppressed()).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void aRestartedNodeHasTheCallsOfItsPreviousRunReportedLostAndNewCallIds() throws Exception {
        try (LinkFixture f = new LinkFixture(pki, dir).startNode(Long.MAX_VALUE).connect()) {
            f.awaitUp();
            CallId before = f.farEnd().offerCall(8, "3125550108", "2125550000");
            f.remote.answer(ch(8));
            f.awaitDrained();
            long journaled = f.nodeServer.lastSequence();

            f.restartNode();
            f.awaitUp();
            f.serverEvents.await(CallDisconnected.class, e -> e.call().equals(before), WAIT);
            assertThat(f.remote.status().incarnation()).isEqualTo(2);
            CallId after = f.farEnd().offerCall(9, "3125550109", "2125550000");
            CallOffered offered =
                    f.serverEvents.await(CallOffered.class, e -> e.channel().equals(ch(9)), WAIT);
            assertThat(offered.call().value()).isEqualTo((1L << 40) | after.value());
            assertThat(offered.call()).isNotEqualTo(before);
            assertThat(f.nodeServer.lastSequence()).isGreaterThan(journaled);
            f.awaitDrained();
            assertThat(f.nodeSequences())
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, f.nodeServer.lastSequence())
                            .boxed()
                            .toList());
        }
    }

    @Test
    void bothServersOfAPassivePairReceiveEveryEventOnTheirOwnStreams() throws Exception {
        try (LinkFixture f = new LinkFixture(pki, dir).startNode(Long.MAX_VALUE).connect();
                RemoteBackend passive = RemoteBackend.builder(NODE, "127.0.0.1", f.nodeServer.port())
                        .serverName("server2")
                        .tls(pki.files("server2"))
                        .build()) {
            EventLog passiveEvents = new EventLog();
            passive.subscribe(passiveEvents, Runnable::run);
            f.awaitUp();
            assertThat(passive.awaitUp(WAIT)).isTrue();
            for (int ds0 = 1; ds0 <= 5; ds0++) {
                f.farEnd().offerCall(ds0, "3125550100", "2125550000");
                f.remote.answer(ch(ds0));
            }
            f.awaitDrained();
            assertThat(passive.awaitApplied(f.nodeServer.lastSequence(), WAIT)).isTrue();
            assertThat(f.nodeServer.streams()).isEqualTo(2);
            assertThat(passiveEvents.events().stream()
                            .map(NodeLinkTest::withoutStamp)
                            .toList())
                    .isEqualTo(f.serverEvents.events().stream()
                            .map(NodeLinkTest::withoutStamp)
                            .toList());
            assertThat(passive.channel(ch(3)).state()).isEqualTo(ChannelState.CONNECTED);
        }
    }

    @Test
    void aCommandWhoseAnswerDoesNotComeInTimeSaysItMayHaveBeenCarriedOut() throws Exception {
        try (LinkFixture f = new LinkFixture(pki, dir).startNode(Long.MAX_VALUE)) {
            f.connect(RemoteBackend.builder(NODE, "127.0.0.1", f.proxy.port())
                    .serverName(LinkFixture.SERVER)
                    .tls(pki.files(LinkFixture.SERVER))
                    .heartbeat(Duration.ofMillis(50), Duration.ofSeconds(30))
                    .commandTimeout(Duration.ofMillis(300))
                    .maxReconnectDelay(Duration.ofMillis(200)));
            f.awaitUp();
            f.proxy.blackhole();
            assertThatThrownBy(() -> f.remote.setBlocked(ch(6), true))
                    .isInstanceOf(NodeUnavailableException.class)
                    .hasMessageContaining("did not answer setBlocked on " + ch(6) + " within 300 ms")
                    .hasMessageContaining("may or may not have been carried out");
            f.proxy.restore();
            assertThat(f.remote.awaitStatus(
                            st -> st.reconnects() > 0 && st.state() == RemoteBackend.LinkState.UP, WAIT))
                    .isTrue();
            f.remote.setBlocked(ch(7), true);
            assertThat(f.node.channel(ch(7)).state()).isEqualTo(ChannelState.BLOCKED);
        }
    }

    @Test
    void aListenerOnTheLinkThreadCannotCallBackIntoTheBackend() throws Exception {
        try (LinkFixture f = new LinkFixture(pki, dir).startNode(Long.MAX_VALUE).connect()) {
            f.awaitUp();
            CompletableFuture<Throwable> refused = new CompletableFuture<>();
            f.remote.subscribe(e -> refused.complete(catchThrowable(() -> f.remote.answer(ch(2)))), Runnable::run);
            f.farEnd().offerCall(2, "3125550102", "2125550000");
            assertThat(refused.get(10, TimeUnit.SECONDS))
                    .isExactlyInstanceOf(HalException.class)
                    .hasMessageContaining("called on the link thread");
        }
    }

    @Test
    void aClientWithACertificateFromAnotherCaIsRefusedAndTheRefusalLogged() throws Exception {
        TlsFiles rogue = pki.rogueServer1();
        try (LinkFixture f = new LinkFixture(pki, dir).startNode(Long.MAX_VALUE)) {
            // it trusts the real CA (public), but its own certificate comes from another one
            f.connect(RemoteBackend.builder(NODE, "127.0.0.1", f.proxy.port())
                    .serverName(LinkFixture.SERVER)
                    .tls(new TlsFiles(pki.files(LinkFixture.SERVER).ca(), rogue.certificate(), rogue.privateKey()))
                    .heartbeat(Duration.ofMillis(50), Duration.ofMillis(500)));
            awaitRefusal(f, () -> f.nodeServer.refusals());
            assertThat(f.nodeServer.refusals()).isNotEmpty().allSatisfy(r -> assertThat(r.reason())
                    .contains("does not chain to the configured CA"));
            assertThat(f.nodeServer.streams()).isZero();
            assertThatThrownBy(() -> f.remote.answer(ch(1))).isInstanceOf(NodeUnavailableException.class);
        }
    }

    @Test
    void aClientWithoutACertificateIsRefusedAndTheRefusalLogged() throws Exception {
        try (LinkFixture f = new LinkFixture(pki, dir).startNode(Long.MAX_VALUE)) {
            ManagedChannel channel = NettyChannelBuilder.forAddress(
                            "127.0.0.1",
                            f.nodeServer.port(),
                            TlsChannelCredentials.newBuilder()
                                    .trustManager(pki.files(NODE).ca().toFile())
                                    .build())
                    .overrideAuthority(NODE)
                    .build();
            try {
                CompletableFuture<Status> ended = new CompletableFuture<>();
                StreamObserver<ServerMessage> requests = NodeLinkGrpc.newStub(channel)
                        .link(new StreamObserver<NodeMessage>() {
                            @Override
                            public void onNext(NodeMessage value) {
                                ended.completeExceptionally(new AssertionError("the node answered: " + value));
                            }

                            @Override
                            public void onError(Throwable t) {
                                ended.complete(Status.fromThrowable(t));
                            }

                            @Override
                            public void onCompleted() {
                                ended.complete(Status.OK);
                            }
                        });
                requests.onNext(ServerMessage.newBuilder()
                        .setHello(ServerHello.newBuilder()
                                .setServerName("server1")
                                .setNodeName(NODE)
                                .setProtocolVersion(NodeServer.PROTOCOL_VERSION))
                        .build());
                assertThat(ended.get(10, TimeUnit.SECONDS).getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
                assertThat(f.nodeServer.refusals()).singleElement().satisfies(r -> assertThat(r.subject())
                        .isEqualTo("no certificate"));
                assertThat(f.nodeServer.streams()).isZero();
            } finally {
                channel.shutdownNow();
            }
        }
    }

    @Test
    void aServerWhoseCertificateNamesAnotherMachineIsRefused() throws Exception {
        try (LinkFixture f = new LinkFixture(pki, dir).startNode(Long.MAX_VALUE)) {
            f.connect(RemoteBackend.builder(NODE, "127.0.0.1", f.proxy.port())
                    .serverName("intruder")
                    .tls(pki.files("intruder"))
                    .heartbeat(Duration.ofMillis(50), Duration.ofMillis(500)));
            awaitRefusal(f, () -> f.nodeServer.refusals());
            assertThat(f.nodeServer.refusals()).isNotEmpty().allSatisfy(r -> assertThat(r.reason())
                    .contains("wrong machine name"));
        }
    }

    @Test
    void aNodeWhoseCertificateNamesAnotherMachineIsRefusedByTheServer() throws Exception {
        try (LinkFixture f = new LinkFixture(pki, dir).startNode(Long.MAX_VALUE)) {
            f.connect(RemoteBackend.builder("node2", "127.0.0.1", f.proxy.port())
                    .serverName(LinkFixture.SERVER)
                    .tls(pki.files(LinkFixture.SERVER))
                    .heartbeat(Duration.ofMillis(50), Duration.ofMillis(500)));
            awaitRefusal(f, () -> f.remote.refusals());
            assertThat(f.remote.refusals()).isNotEmpty().allSatisfy(r -> assertThat(r.reason())
                    .contains("wrong machine name")
                    .contains("node2"));
            assertThat(f.nodeServer.streams()).isZero();
        }
    }

    /** Waits (200 ms at a time, at most 10 s) for a TLS refusal; the link must not come up meanwhile. */
    static void awaitRefusal(LinkFixture f, Supplier<List<PeerVerifier.Refusal>> refusals) {
        for (int i = 0; i < 50 && refusals.get().isEmpty(); i++) {
            assertThat(f.remote.awaitUp(Duration.ofMillis(200))).isFalse();
        }
        assertThat(refusals.get()).isNotEmpty();
        assertThat(f.remote.status().state()).isNotEqualTo(RemoteBackend.LinkState.UP);
    }

    /** The event with sequence and time zeroed, to compare a Node's event with its re-published copy. */
    static HalEvent withoutStamp(HalEvent e) {
        return EventCodec.decode(EventCodec.encode(e, x -> x).build(), 0, 0);
    }
}
