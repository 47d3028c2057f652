package org.stroom.ports.hal.softport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.stroom.ports.hal.softport.Sim.ch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stroom.ports.hal.api.ChannelId;
import org.stroom.ports.hal.api.ChannelState;
import org.stroom.ports.hal.api.FaxModulation;
import org.stroom.ports.hal.api.FaxReceiveRequest;
import org.stroom.ports.hal.api.FaxResult;
import org.stroom.ports.hal.api.FaxSendRequest;
import org.stroom.ports.hal.api.FaxTiming;
import org.stroom.ports.hal.api.HalException;
import org.stroom.ports.hal.api.OutboundCall;
import org.stroom.ports.hal.api.TiffInfo;
import org.stroom.ports.hal.api.event.CallDisconnected;
import org.stroom.ports.hal.api.event.FaxDone;
import org.stroom.ports.hal.api.event.FaxPageReceived;
import org.stroom.ports.hal.api.event.FaxPageSent;
import org.stroom.ports.hal.api.event.HalEvent;

class FaxTest {
    @TempDir
    Path dir;

    private Sim sim = Sim.onePri();
    private final ChannelId c1 = ch(1);

    @AfterEach
    void close() {
        sim.close();
    }

    /** Connects an outbound call to a far end that answers at once with {@code behaviour}. */
    private long connectOutbound(ChannelId c, OutboundBehaviour.Outcome outcome) {
        sim.backend.farEnd(c.span()).setOutboundBehaviour(new OutboundBehaviour(outcome, Duration.ZERO));
        sim.backend.placeCall(c, OutboundCall.to("3125551000"));
        sim.advanceMillis(200);
        assertThat(sim.backend.channel(c).state()).isEqualTo(ChannelState.CONNECTED);
        sim.events.clear();
        return sim.clock.nanos();
    }

    private Path document(int pages) {
        Path doc = dir.resolve("doc" + pages + ".tif");
        TiffInfo.writeBlankPages(doc, pages, 100);
        return doc;
    }

    @Test
    void documentedFiguresGiveTheExpectedSessionLengths() {
        FaxTiming t = FaxTiming.DEFAULT;
        assertThat(t.pageData(FaxModulation.V34).toMillis()).isEqualTo(5952);
        assertThat(t.perPage(FaxModulation.V34).toMillis()).isEqualTo(6952);
        assertThat(t.perPage(FaxModulation.V17).toMillis()).isEqualTo(17888);
        // setup 3 s + pre-message + 3 pages + post-message 1 s
        assertThat(t.session(FaxModulation.V34, 3).toMillis()).isCloseTo(3000 + 6000 + 3 * 6952 + 1000, within(2L));
        assertThat(t.session(FaxModulation.V17, 3).toMillis()).isCloseTo(3000 + 12000 + 3 * 17889 + 1000, within(2L));
        assertThat(t.preMessage(FaxModulation.V34)).isEqualTo(Duration.ofSeconds(6));
        assertThat(t.preMessage(FaxModulation.V17)).isEqualTo(Duration.ofSeconds(12));
        // V.34 saves more per page the longer the fax
        assertThat(t.session(FaxModulation.V17, 10).toSeconds()
                        - t.session(FaxModulation.V34, 10).toSeconds())
                .isGreaterThan(100);
    }

    @Test
    void negotiationPicksTheFastestCommonModulation() {
        assertThat(FaxTiming.negotiate(BoardModel.TR1034_1T1.faxModulations(), EnumSet.allOf(FaxModulation.class)))
                .contains(FaxModulation.V34);
        assertThat(FaxTiming.negotiate(BoardModel.D240JCT_T1.faxModulations(), EnumSet.allOf(FaxModulation.class)))
                .contains(FaxModulation.V17);
        assertThat(FaxTiming.negotiate(
                        BoardModel.TR1034_1T1.faxModulations(), EnumSet.of(FaxModulation.V27TER, FaxModulation.V29)))
                .contains(FaxModulation.V29);
        assertThat(FaxTiming.negotiate(EnumSet.of(FaxModulation.V34), EnumSet.of(FaxModulation.V17)))
                .isEmpty();
    }

    @Test
    void sendingAFaxReportsEachPageAtItsV34TimeThenSuccess() {
        long t0 = connectOutbound(c1, OutboundBehaviour.Outcome.ANSWER_FAX);
        sim.backend.sendFax(c1, new FaxSendRequest(document(3), "+1 312 555 0100"));
        sim.advance(Duration.ofMinutes(2));

        List<FaxPageSent> pages = sim.events.of(FaxPageSent.class);
        assertThat(pages).extracting(FaxPageSent::page).containsExactly(1, 2, 3);
        for (FaxPageSent p : pages) {
            assertThat(p.bps()).isEqualTo(33_600);
            assertThat(p.atNanos() - t0)
                    .isEqualTo(FaxTiming.DEFAULT
                            .pageConfirmedAfter(FaxModulation.V34, p.page())
                            .toNanos());
        }
        FaxDone done = sim.events.last(FaxDone.class);
        assertThat(done.result()).isEqualTo(FaxResult.SUCCESS);
        assertThat(done.pages()).isEqualTo(3);
        assertThat(done.bps()).isEqualTo(33_600);
        assertThat(done.sending()).isTrue();
        assertThat(Duration.ofNanos(done.atNanos() - t0).toMillis()).isCloseTo(30_857, within(1L));
        assertThat(sim.backend.channel(c1).state()).isEqualTo(ChannelState.CONNECTED);
    }

    @Test
    void aDialogicBoardSendsAtV17AndTakesLonger() {
        sim.close();
        sim = new Sim(SoftBackend.builder(Sim.MACHINE).board(BoardModel.D240JCT_T1, Sim.pri("D1", 3125550100L)));
        long t0 = connectOutbound(c1, OutboundBehaviour.Outcome.ANSWER_FAX);
        sim.backend.sendFax(c1, new FaxSendRequest(document(2), ""));
        sim.advance(Duration.ofMinutes(2));

        FaxDone done = sim.events.last(FaxDone.class);
        assertThat(done.bps()).isEqualTo(14_400);
        assertThat(done.atNanos() - t0)
                .isEqualTo(FaxTiming.DEFAULT.session(FaxModulation.V17, 2).toNanos());
    }

    @Test
    void aDialogicVoiceOnlyChannelRefusesFax() {
        sim.close();
        sim = new Sim(SoftBackend.builder(Sim.MACHINE).board(BoardModel.D240JCT_T1, Sim.pri("D1", 3125550100L)));
        ChannelId voiceOnly = ch(13);
        connectOutbound(voiceOnly, OutboundBehaviour.Outcome.ANSWER_FAX);

        assertThatThrownBy(() -> sim.backend.sendFax(voiceOnly, new FaxSendRequest(document(1), "")))
                .isInstanceOf(HalException.class)
                .hasMessageContaining("no fax resource");
        assertThat(sim.backend.channel(voiceOnly).state()).isEqualTo(ChannelState.CONNECTED);
    }

    @Test
    void aFaxToAPersonFailsWithNoFaxDeviceAfterT1() {
        long t0 = connectOutbound(c1, OutboundBehaviour.Outcome.ANSWER);
        sim.backend.sendFax(c1, new FaxSendRequest(document(1), ""));
        sim.advance(Duration.ofMinutes(1));

        FaxDone done = sim.events.last(FaxDone.class);
        assertThat(done.result()).isEqualTo(FaxResult.NO_FAX_DEVICE);
        assertThat(done.pages()).isZero();
        assertThat(done.atNanos() - t0).isEqualTo(Duration.ofSeconds(35).toNanos());
        assertThat(sim.events.of(FaxPageSent.class)).isEmpty();
    }

    @Test
    void aMissingDocumentIsRefusedByNameAndTheChannelStaysUsable() {
        connectOutbound(c1, OutboundBehaviour.Outcome.ANSWER_FAX);
        Path missing = dir.resolve("missing.tif");

        assertThatThrownBy(() -> sim.backend.sendFax(c1, new FaxSendRequest(missing, "")))
                .isInstanceOf(HalException.class)
                .hasMessageContaining(missing.toString());
        assertThat(sim.events.all()).isEmpty();
        sim.backend.sendFax(c1, new FaxSendRequest(document(1), ""));
        sim.advance(Duration.ofMinutes(1));
        assertThat(sim.events.last(FaxDone.class).result()).isEqualTo(FaxResult.SUCCESS);
    }

    @Test
    void receivingWritesATiffWithTheFarEndsPageCount() {
        sim.farEnd().offerCall(1, "3125550100", "");
        sim.backend.answer(c1);
        sim.farEnd().sendFaxPages(c1, 4);
        Path out = dir.resolve("in.tif");
        long t0 = sim.clock.nanos();
        sim.backend.receiveFax(c1, new FaxReceiveRequest(out, "SOFT"));
        sim.advance(Duration.ofMinutes(2));

        assertThat(sim.events.of(FaxPageReceived.class))
                .extracting(FaxPageReceived::page)
                .containsExactly(1, 2, 3, 4);
        FaxDone done = sim.events.last(FaxDone.class);
        assertThat(done.result()).isEqualTo(FaxResult.SUCCESS);
        assertThat(done.pages()).isEqualTo(4);
        assertThat(done.sending()).isFalse();
        assertThat(done.atNanos() - t0)
                .isEqualTo(FaxTiming.DEFAULT.session(FaxModulation.V34, 4).toNanos());
        assertThat(TiffInfo.read(out).pages()).isEqualTo(4);
    }

    @Test
    void receivingWaitsForTheFarEndToStartSending() {
        sim.farEnd().offerCall(1, "3125550100", "");
        sim.backend.answer(c1);
        Path out = dir.resolve("in.tif");
        sim.backend.receiveFax(c1, new FaxReceiveRequest(out, ""));
        sim.advance(Duration.ofSeconds(10));
        sim.farEnd().sendFaxPages(c1, 2);
        sim.advance(Duration.ofMinutes(2));

        assertThat(sim.events.last(FaxDone.class).result()).isEqualTo(FaxResult.SUCCESS);
        assertThat(TiffInfo.read(out).pages()).isEqualTo(2);
    }

    @Test
    void pagesSetBeforeTheCallApplyToTheNextCallOnThatChannel() {
        sim.farEnd().sendFaxPages(c1, 3);
        sim.farEnd().offerCall(1, "3125550100", "");
        sim.backend.answer(c1);
        Path out = dir.resolve("in.tif");
        sim.backend.receiveFax(c1, new FaxReceiveRequest(out, ""));
        sim.advance(Duration.ofMinutes(2));

        assertThat(TiffInfo.read(out).pages()).isEqualTo(3);
    }

    @Test
    void receivingFromNobodyEndsWithNoFaxDeviceAndNoFile() {
        sim.farEnd().offerCall(1, "3125550100", "");
        sim.backend.answer(c1);
        Path out = dir.resolve("in.tif");
        sim.backend.receiveFax(c1, new FaxReceiveRequest(out, ""));
        sim.advance(Duration.ofMinutes(1));

        assertThat(sim.events.last(FaxDone.class).result()).isEqualTo(FaxResult.NO_FAX_DEVICE);
        assertThat(Files.exists(out)).isFalse();
    }

    @Test
    void hangUpMidFaxReportsThePagesDoneBeforeTheDisconnect() {
        sim.farEnd().offerCall(1, "3125550100", "");
        sim.backend.answer(c1);
        sim.farEnd().sendFaxPages(c1, 5);
        Path out = dir.resolve("in.tif");
        sim.backend.receiveFax(c1, new FaxReceiveRequest(out, ""));
        sim.advance(FaxTiming.DEFAULT.pageConfirmedAfter(FaxModulation.V34, 2).plusMillis(10));
        sim.events.clear();
        sim.farEnd().hangUp(c1);
        sim.advance(Duration.ofSeconds(1));

        List<HalEvent> events = sim.events.all();
        assertThat(events).hasSize(2);
        FaxDone done = (FaxDone) events.get(0);
        assertThat(done.result()).isEqualTo(FaxResult.HANG_UP);
        assertThat(done.pages()).isEqualTo(2);
        assertThat(events.get(1)).isInstanceOf(CallDisconnected.class);
        assertThat(TiffInfo.read(out).pages()).isEqualTo(2);
    }

    @Test
    void aFaxCallerHangsUpAfterItsSessionEnds() {
        sim.farEnd().offerCall(1, "3125550100", "", Caller.fax(2));
        sim.backend.answer(c1);
        sim.backend.receiveFax(c1, new FaxReceiveRequest(dir.resolve("in.tif"), ""));
        long t0 = sim.clock.nanos();
        sim.advance(Duration.ofMinutes(2));

        CallDisconnected d = sim.events.last(CallDisconnected.class);
        assertThat(d.farEnd()).isTrue();
        assertThat(d.atNanos() - t0)
                .isEqualTo(FaxTiming.DEFAULT
                        .session(FaxModulation.V34, 2)
                        .plus(sim.backend.callTimings().release())
                        .toNanos());
    }

    @Test
    void aFaxCallerNobodyReceivesFromHangsUpAfterItsFaxDuration() {
        sim.farEnd().offerCall(1, "3125550100", "", Caller.fax(1));
        sim.backend.answer(c1);
        long t0 = sim.clock.nanos();
        sim.advance(Duration.ofMinutes(2));

        CallDisconnected d = sim.events.last(CallDisconnected.class);
        assertThat(d.atNanos() - t0)
                .isEqualTo(FaxTiming.DEFAULT
                        .session(FaxModulation.V34, 1)
                        .plus(sim.backend.callTimings().release())
                        .toNanos());
    }
}
