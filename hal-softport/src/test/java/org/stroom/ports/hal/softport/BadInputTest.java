package org.stroom.ports.hal.softport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.stroom.ports.hal.softport.Sim.ch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.stroom.ports.hal.api.AudioEncoding;
import org.stroom.ports.hal.api.BackendState;
import org.stroom.ports.hal.api.ChannelId;
import org.stroom.ports.hal.api.ChannelState;
import org.stroom.ports.hal.api.DigitRequest;
import org.stroom.ports.hal.api.FaxReceiveRequest;
import org.stroom.ports.hal.api.FaxSendRequest;
import org.stroom.ports.hal.api.HalException;
import org.stroom.ports.hal.api.OutboundCall;
import org.stroom.ports.hal.api.PlayRequest;
import org.stroom.ports.hal.api.Q850Cause;
import org.stroom.ports.hal.api.RecordRequest;
import org.stroom.ports.hal.api.TiffInfo;
import org.stroom.ports.hal.api.WrongStateException;
import org.stroom.ports.hal.api.event.CallDisconnected;
import org.stroom.ports.hal.api.event.FaxDone;
import org.stroom.ports.t1.SpanLocation;

/** Bad requests get a clear error naming what is wrong, and the channel stays usable. */
class BadInputTest {
    @TempDir
    Path dir;

    private final Sim sim = Sim.onePri();
    private final ChannelId c1 = ch(1);

    private void assertUsable(ChannelId c) {
        sim.backend.placeCall(c, OutboundCall.to("3125551000"));
        sim.advance(Duration.ofSeconds(5));
        assertThat(sim.backend.channel(c).state()).isEqualTo(ChannelState.CONNECTED);
        sim.backend.hangUp(c, Q850Cause.NORMAL_CLEARING);
        sim.advance(Duration.ofSeconds(1));
        assertThat(sim.backend.channel(c).state()).isEqualTo(ChannelState.IDLE);
    }

    @Test
    void anUnknownNumberFormatIsRefusedNamingTheCharacter() {
        assertThatThrownBy(() -> sim.backend.placeCall(c1, OutboundCall.to("312-555")))
                .isInstanceOf(HalException.class)
                .hasMessageContaining("'-'")
                .hasMessageContaining("position 4");
        assertThatThrownBy(() -> sim.farEnd().offerCall(1, "31255501OO", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'O'");
        assertThat(sim.backend.history(c1)).isEmpty();
        assertUsable(c1);
    }

    @Test
    void aMissingTiffIsRefusedNamingTheFile() {
        sim.farEnd().setOutboundBehaviour(OutboundBehaviour.answerFax(Duration.ZERO));
        sim.backend.placeCall(c1, OutboundCall.to("3125551000"));
        sim.advance(Duration.ofSeconds(1));
        Path missing = dir.resolve("invoice-4711.tif");

        assertThatThrownBy(() -> sim.backend.sendFax(c1, new FaxSendRequest(missing, "")))
                .isInstanceOf(HalException.class)
                .hasMessageContaining("invoice-4711.tif")
                .hasMessageContaining("does not exist");
        Path doc = dir.resolve("ok.tif");
        TiffInfo.writeBlankPages(doc, 1, 10);
        sim.backend.sendFax(c1, new FaxSendRequest(doc, ""));
        sim.advance(Duration.ofMinutes(1));
        assertThat(sim.events.last(FaxDone.class).pages()).isEqualTo(1);
    }

    @Test
    void wrongStateCallsNameTheOperationAndStateAndChangeNothing() {
        List<Executable> wrong = List.of(
                () -> sim.backend.accept(c1),
                () -> sim.backend.answer(c1),
                () -> sim.backend.reject(c1, Q850Cause.CALL_REJECTED),
                () -> sim.backend.hangUp(c1, Q850Cause.NORMAL_CLEARING),
                () -> sim.backend.play(c1, new PlayRequest(dir.resolve("x.wav"), "")),
                () -> sim.backend.record(
                        c1,
                        new RecordRequest(
                                dir.resolve("r.wav"), AudioEncoding.MULAW, Duration.ofSeconds(5), Duration.ZERO, "")),
                () -> sim.backend.collectDigits(
                        c1, new DigitRequest(1, Duration.ofSeconds(1), Duration.ofSeconds(1), "")),
                () -> sim.backend.sendDigits(c1, "1"),
                () -> sim.backend.sendFax(c1, new FaxSendRequest(dir.resolve("x.tif"), "")),
                () -> sim.backend.receiveFax(c1, new FaxReceiveRequest(dir.resolve("y.tif"), "")));
        for (Executable e : wrong) {
            assertThatThrownBy(e::execute)
                    .isInstanceOf(WrongStateException.class)
                    .hasMessageContaining(c1.toString())
                    .hasMessageContaining("IDLE");
        }
        assertThat(sim.backend.history(c1)).isEmpty();
        assertThat(sim.events.all()).isEmpty();
        assertUsable(c1);
    }

    @Test
    void anUnknownChannelOrSpanIsRefusedByName() {
        ChannelId dChannel = ch(24);
        assertThatThrownBy(() -> sim.backend.answer(dChannel))
                .isInstanceOf(HalException.class)
                .hasMessageContaining(dChannel.toString())
                .hasMessageContaining("not a bearer");
        SpanLocation nowhere = new SpanLocation("server", 5, 1);
        assertThatThrownBy(() -> sim.backend.span(nowhere)).hasMessageContaining(nowhere.toString());
        assertThatThrownBy(() -> sim.backend.faults().stickChannel(new ChannelId(nowhere, 3)))
                .hasMessageContaining("server/b5/s1/c3");
    }

    @Test
    void aClosedBackendRefusesEverythingButStaysClosableAndEndsCallsInFlight() {
        sim.farEnd().offerCall(1, "3125550100", "");
        sim.backend.answer(c1);
        sim.backend.close();

        assertThat(sim.events.last(CallDisconnected.class).farEnd()).isFalse();
        assertThat(sim.backend.state()).isEqualTo(BackendState.SHUT_DOWN);
        List<Executable> ops = List.of(
                () -> sim.backend.channels(),
                () -> sim.backend.spans(),
                () -> sim.backend.boards(),
                () -> sim.backend.channel(c1),
                () -> sim.backend.placeCall(ch(2), OutboundCall.to("1")),
                () -> sim.backend.hangUp(c1, Q850Cause.NORMAL_CLEARING),
                () -> sim.backend.setInService(true),
                () -> sim.backend.subscribe(e -> {}),
                () -> sim.backend.faults().stickChannel(c1));
        for (Executable op : ops) {
            assertThatThrownBy(op::execute).isInstanceOf(HalException.class).hasMessageContaining("closed");
        }
        assertThatThrownBy(() -> sim.farEnd()).isInstanceOf(HalException.class);
        sim.backend.close();
        assertThat(sim.backend.state()).isEqualTo(BackendState.SHUT_DOWN);
    }
}
