package org.stroom.ports.simui.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.stroom.ports.hal.api.FaxModulation;
import org.stroom.ports.hal.api.FaxTiming;
import org.stroom.ports.hal.api.PortKind;

class MeanHoldingTest {
    private static final FaxTiming T = FaxTiming.DEFAULT;

    @Test
    void aFaxHoldsForTheSessionAtTheMeanPageCountNotARoundedOne() {
        TrafficSettings s = new TrafficSettings(600, 1, 90, 2.5);

        double inbound = SimEngine.meanHoldingSeconds(T, s, PortKind.FAX, false);

        // pages are geometric with mean 2.5 and a session is linear in its pages
        double perPage = 25_000 * 8 / 33_600.0 + 1;
        assertThat(inbound).isCloseTo(3 + 6 + 2.5 * perPage + 1, within(1e-6));
        assertThat(inbound).isCloseTo(T.sessionSeconds(FaxModulation.V34, 2.5), within(1e-9));
    }

    @Test
    void anOutboundCallAddsItsSetUp() {
        TrafficSettings s = new TrafficSettings(600, 0, 90, 1);

        assertThat(SimEngine.meanHoldingSeconds(T, s, PortKind.VOICE, true))
                .isEqualTo(SimEngine.OUTBOUND_SETUP_SECONDS + 90);
        assertThat(SimEngine.meanHoldingSeconds(T, s, PortKind.FAX, true))
                .isCloseTo(
                        SimEngine.OUTBOUND_SETUP_SECONDS
                                + T.session(FaxModulation.V34, 1).toNanos() / 1e9,
                        within(1e-9));
        assertThat(SimEngine.meanHoldingSeconds(T, s, PortKind.VOICE, false)).isEqualTo(90);
    }
}
