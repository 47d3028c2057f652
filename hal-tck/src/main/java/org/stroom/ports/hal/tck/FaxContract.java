package org.stroom.ports.hal.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.stroom.ports.hal.api.CallId;
import org.stroom.ports.hal.api.ChannelId;
import org.stroom.ports.hal.api.ChannelState;
import org.stroom.ports.hal.api.FaxReceiveRequest;
import org.stroom.ports.hal.api.FaxResult;
import org.stroom.ports.hal.api.FaxSendRequest;
import org.stroom.ports.hal.api.HalException;
import org.stroom.ports.hal.api.TiffInfo;
import org.stroom.ports.hal.api.event.CallDisconnected;
import org.stroom.ports.hal.api.event.FaxDone;
import org.stroom.ports.hal.api.event.FaxPageReceived;
import org.stroom.ports.hal.api.event.FaxPageSent;

/**
 * Fax: sending n pages gives n FaxPageSent (pages 1..n, in order) then FaxDone(SUCCESS, n);
 * receiving gives n FaxPageReceived then FaxDone(SUCCESS, n) and a TIFF Class F file of n pages; a
 * missing or non-TIFF document is refused naming the file and the call goes on; a far-end hang-up
 * mid-fax ends it with HANG_UP; a voice answerer gives NO_FAX_DEVICE. Needs {@link Capability#FAX}.
 *
 * <p>Thread-safety: jqwik calls the checks from one thread at a time.
 */
public interface FaxContract extends TckContract {

    /** Backend time allowed per page (a page takes about a minute at 9,600 bit/s). */
    Duration PER_PAGE = Duration.ofSeconds(120);

    /** Backend time allowed for a fax session's pre-message and post-message phases. */
    Duration SESSION = Duration.ofSeconds(90);

    @Property(tries = 5)
    default void sendingTransfersEveryPageOfTheDocument(@ForAll @IntRange(min = 1, max = 5) int pages) {
        try (TckSession s = openSession()) {
            s.require(Capability.FAX);
            ChannelId ch = s.idleChannel();
            CallId call = s.connectOutbound(ch, true);
            s.backend().sendFax(ch, new FaxSendRequest(s.faxDocument(pages), "TCK SENDER"));
            FaxDone done = s.expect(
                    FaxDone.class, e -> e.call().equals(call), SESSION.plus(PER_PAGE.multipliedBy(pages)), "FaxDone");
            assertThat(done.result()).isEqualTo(FaxResult.SUCCESS);
            assertThat(done.pages()).isEqualTo(pages);
            assertThat(done.sending()).isTrue();
            List<FaxPageSent> sent = s.recorder().events(FaxPageSent.class).stream()
                    .filter(e -> e.call().equals(call))
                    .collect(Collectors.toList());
            assertThat(sent.stream().map(FaxPageSent::page))
                    .as("FaxPageSent page numbers")
                    .containsExactlyElementsOf(pageNumbers(pages));
            assertThat(sent).allSatisfy(p -> assertThat(p.sequence()).isLessThan(done.sequence()));
            assertThat(s.state(ch)).isEqualTo(ChannelState.CONNECTED);
            s.hangUp(ch, call);
            s.clearCallsAndCheckInvariants();
        }
    }

    @Property(tries = 5)
    default void receivingWritesATiffWithEveryPage(@ForAll @IntRange(min = 1, max = 5) int pages) {
        try (TckSession s = openSession()) {
            s.require(Capability.FAX);
            ChannelId ch = s.idleChannel();
            CallId call = s.connectInbound(ch);
            s.harness().farEndSendsFax(ch, pages);
            Path out = s.file("received.tif");
            s.backend().receiveFax(ch, new FaxReceiveRequest(out, "TCK RECEIVER"));
            FaxDone done = s.expect(
                    FaxDone.class, e -> e.call().equals(call), SESSION.plus(PER_PAGE.multipliedBy(pages)), "FaxDone");
            assertThat(done.result()).isEqualTo(FaxResult.SUCCESS);
            assertThat(done.pages()).isEqualTo(pages);
            assertThat(done.sending()).isFalse();
            assertThat(s.recorder().events(FaxPageReceived.class).stream()
                            .filter(e -> e.call().equals(call))
                            .map(FaxPageReceived::page))
                    .as("FaxPageReceived page numbers")
                    .containsExactlyElementsOf(pageNumbers(pages));
            assertThat(TiffInfo.read(out).pages())
                    .as("pages in the received TIFF")
                    .isEqualTo(pages);
            s.hangUp(ch, call);
            s.clearCallsAndCheckInvariants();
        }
    }

    @Example
    default void missingDocumentIsRefusedByNameAndTheCallGoesOn() {
        try (TckSession s = openSession()) {
            s.require(Capability.FAX);
            ChannelId ch = s.idleChannel();
            CallId call = s.connectOutbound(ch, true);
            Path missing = s.file("no-such-document.tif");
            assertThatThrownBy(() -> s.backend().sendFax(ch, new FaxSendRequest(missing, "TCK")))
                    .isInstanceOf(HalException.class)
                    .hasMessageContaining("no-such-document.tif");
            assertThat(s.state(ch)).isEqualTo(ChannelState.CONNECTED);
            s.backend().sendFax(ch, new FaxSendRequest(s.faxDocument(1), "TCK"));
            FaxDone done = s.expect(FaxDone.class, e -> e.call().equals(call), SESSION.plus(PER_PAGE), "FaxDone");
            assertThat(done.result()).isEqualTo(FaxResult.SUCCESS);
            s.hangUp(ch, call);
        }
    }

    @Example
    default void nonTiffDocumentIsRefusedByNameAndTheCallGoesOn() {
        try (TckSession s = openSession()) {
            s.require(Capability.FAX);
            ChannelId ch = s.idleChannel();
            CallId call = s.connectOutbound(ch, true);
            Path text = s.file("letter.txt.tif");
            try {
                Files.writeString(text, "Dear customer, this is not a TIFF file.");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            assertThatThrownBy(() -> s.backend().sendFax(ch, new FaxSendRequest(text, "TCK")))
                    .isInstanceOf(HalException.class)
                    .hasMessageContaining("letter.txt.tif");
            assertThat(s.state(ch)).isEqualTo(ChannelState.CONNECTED);
            s.hangUp(ch, call);
        }
    }

    @Example
    default void farEndHangUpMidFaxEndsTheSessionWithHangUp() {
        try (TckSession s = openSession()) {
            s.require(Capability.FAX);
            ChannelId ch = s.idleChannel();
            CallId call = s.connectOutbound(ch, true);
            s.backend().sendFax(ch, new FaxSendRequest(s.faxDocument(3), "TCK"));
            s.expect(
                    FaxPageSent.class,
                    e -> e.call().equals(call) && e.page() == 1,
                    SESSION.plus(PER_PAGE),
                    "FaxPageSent for page 1");
            s.harness().farEndHangUp(ch);
            CallDisconnected gone = s.expectDisconnected(call, TckSession.SIGNALLING);
            FaxDone done = s.expect(FaxDone.class, e -> e.call().equals(call), Duration.ZERO, "FaxDone");
            assertThat(done.result()).isEqualTo(FaxResult.HANG_UP);
            assertThat(done.pages()).as("pages confirmed before the hang-up").isBetween(1, 2);
            assertThat(done.sequence()).as("FaxDone precedes CallDisconnected").isLessThan(gone.sequence());
            s.awaitState(ch, ChannelState.IDLE, TckSession.SIGNALLING);
            s.clearCallsAndCheckInvariants();
        }
    }

    @Example
    default void voiceAnswererIsReportedAsNoFaxDevice() {
        try (TckSession s = openSession()) {
            s.require(Capability.FAX);
            ChannelId ch = s.idleChannel();
            CallId call = s.connectOutbound(ch, false);
            s.backend().sendFax(ch, new FaxSendRequest(s.faxDocument(1), "TCK"));
            FaxDone done = s.expect(FaxDone.class, e -> e.call().equals(call), SESSION, "FaxDone");
            assertThat(done.result()).isEqualTo(FaxResult.NO_FAX_DEVICE);
            assertThat(done.pages()).isZero();
            s.hangUp(ch, call);
        }
    }

    @Example
    default void receivingIntoAMissingDirectoryIsRefusedAndTheCallGoesOn() {
        try (TckSession s = openSession()) {
            s.require(Capability.FAX);
            ChannelId ch = s.idleChannel();
            CallId call = s.connectInbound(ch);
            s.harness().farEndSendsFax(ch, 1);
            Path bad = s.file("no-such-directory").resolve("in.tif");
            assertThatThrownBy(() -> s.backend().receiveFax(ch, new FaxReceiveRequest(bad, "TCK")))
                    .isInstanceOf(HalException.class)
                    .hasMessageContaining("no-such-directory");
            assertThat(s.state(ch)).isEqualTo(ChannelState.CONNECTED);
            Path good = s.file("in.tif");
            s.backend().receiveFax(ch, new FaxReceiveRequest(good, "TCK"));
            FaxDone done = s.expect(FaxDone.class, e -> e.call().equals(call), SESSION.plus(PER_PAGE), "FaxDone");
            assertThat(done.result()).isEqualTo(FaxResult.SUCCESS);
            assertThat(TiffInfo.read(good).pages()).isEqualTo(1);
            s.hangUp(ch, call);
        }
    }

    private static List<Integer> pageNumbers(int pages) {
        return java.util.stream.IntStream.rangeClosed(1, pages).boxed().collect(Collectors.toList());
    }
}
