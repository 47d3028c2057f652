package org.stroom.ports.hal.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stroom.ports.hal.api.ChannelState;
import org.stroom.ports.hal.api.HalException;
import org.stroom.ports.hal.api.VendorException;
import org.stroom.ports.hal.api.WrongStateException;

class FailureCodecTest {
    static RuntimeException roundTrip(RuntimeException e) {
        return FailureCodec.decode(FailureCodec.encode(e), "node1");
    }

    @Test
    void wrongStateKeepsChannelStateOperationAndTheExactMessage() {
        // insertion order, as a backend using Set.of could print it
        LinkedHashSet<ChannelState> allowed = new LinkedHashSet<>(List.of(ChannelState.ALERTING, ChannelState.OFFERED));
        WrongStateException original = new WrongStateException(LinkFixture.ch(4), ChannelState.IDLE, "answer", allowed);
        RuntimeException back = roundTrip(original);
        assertThat(back).isExactlyInstanceOf(WrongStateException.class).hasMessage(original.getMessage());
        WrongStateException w = (WrongStateException) back;
        assertThat(w.channel()).isEqualTo(LinkFixture.ch(4));
        assertThat(w.state()).isEqualTo(ChannelState.IDLE);
        assertThat(w.operation()).isEqualTo("answer");

        WrongStateException enumSet = new WrongStateException(
                LinkFixture.ch(1), ChannelState.BLOCKED, "placeCall", EnumSet.of(ChannelState.IDLE));
        assertThat(roundTrip(enumSet)).hasMessage(enumSet.getMessage());
    }

    @Test
    void vendorExceptionKeepsEveryField() {
        VendorException original =
                new VendorException("dialogic", "gc_AnswerCall", "dtiB1T1", -5, "EGC_INVSTATE", "invalid state");
        VendorException back = (VendorException) roundTrip(original);
        assertThat(back).isExactlyInstanceOf(VendorException.class).hasMessage(original.getMessage());
        assertThat(List.of(back.vendor(), back.function(), back.device(), back.symbol(), back.vendorText()))
                .containsExactly("dialogic", "gc_AnswerCall", "dtiB1T1", "EGC_INVSTATE", "invalid state");
        assertThat(back.code()).isEqualTo(-5);
    }

    @Test
    void halAndArgumentExceptionsKeepTheirClassAndMessageOthersNameTheNode() {
        assertThat(roundTrip(new HalException("fax document /x.tif does not exist")))
                .isExactlyInstanceOf(HalException.class)
                .hasMessage("fax document /x.tif does not exist");
        assertThat(roundTrip(new IllegalArgumentException("DS0 25 is outside 1..24")))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("DS0 25 is outside 1..24");
        assertThat(roundTrip(new ArithmeticException("/ by zero")))
                .isExactlyInstanceOf(HalException.class)
                .hasMessage("node node1: java.lang.ArithmeticException: / by zero");
    }
}
