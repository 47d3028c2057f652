package org.stroom.ports.hal.softport;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.stroom.ports.hal.api.CallId;
import org.stroom.ports.hal.api.ChannelId;
import org.stroom.ports.hal.api.ChannelInfo;
import org.stroom.ports.hal.api.ChannelState;
import org.stroom.ports.hal.api.DialString;
import org.stroom.ports.hal.api.HalException;
import org.stroom.ports.hal.api.OutboundCall;
import org.stroom.ports.hal.api.Q850Cause;

/**
 * Places outbound calls at Poisson times from the lowest idle channel up (as a CPE does), to
 * numbers whose far-end behaviour differs, and hangs each up after a random time. Runs on the
 * backend's scheduler.
 */
final class OutboundDriver {
    static final List<String> NUMBERS = List.of("1000", "1001", "1002", "1003", "1004");

    private final SoftBackend backend;
    private final EventInvariants invariants;
    private final SplittableRandom random;
    private final double perSecond;
    private boolean running;
    long placed;
    long refused;

    OutboundDriver(SoftBackend backend, EventInvariants invariants, long seed, double callsPerHour) {
        this.backend = backend;
        this.invariants = invariants;
        this.random = new SplittableRandom(seed);
        this.perSecond = callsPerHour / 3600.0;
        for (Cable c : backend.cables()) {
            configure(c.farEnd());
        }
    }

    static void configure(FarEnd f) {
        f.setOutboundBehaviour("1000", OutboundBehaviour.answer(Duration.ofSeconds(4)));
        f.setOutboundBehaviour("1001", OutboundBehaviour.busy());
        f.setOutboundBehaviour("1002", OutboundBehaviour.noAnswer());
        f.setOutboundBehaviour("1003", OutboundBehaviour.answerFax(Duration.ofSeconds(2)));
        f.setOutboundBehaviour("1004", OutboundBehaviour.rejectInvalidNumber());
    }

    void start() {
        running = true;
        next();
    }

    void stop() {
        running = false;
    }

    private void next() {
        long gap = (long) (-Math.log(1.0 - random.nextDouble()) / perSecond * 1e9);
        backend.clock().scheduleAfter(Duration.ofNanos(gap), this::place);
    }

    private void place() {
        if (!running) {
            return;
        }
        next();
        Optional<ChannelId> idle = backend.channels().stream()
                .filter(c -> c.state() == ChannelState.IDLE)
                .map(ChannelInfo::id)
                .min((a, b) -> Integer.compare(a.ds0(), b.ds0()));
        if (idle.isEmpty()) {
            return;
        }
        ChannelId ch = idle.get();
        String number = NUMBERS.get(random.nextInt(NUMBERS.size()));
        CallId call;
        try {
            call = backend.placeCall(
                    ch, new OutboundCall(new DialString(number), Optional.empty(), Duration.ofSeconds(30)));
        } catch (HalException e) {
            refused++;
            return;
        }
        invariants.placed(ch, call);
        placed++;
        long hold = 10 + random.nextInt(110);
        backend.clock().scheduleAfter(Duration.ofSeconds(hold), () -> hangUp(ch, call));
    }

    /** Hangs up our call; a refused hang-up is tried again a second later, as a real application does. */
    private void hangUp(ChannelId ch, CallId call) {
        try {
            ChannelInfo info = backend.channel(ch);
            if (info.call().filter(call::equals).isPresent() && info.state() != ChannelState.DISCONNECTING) {
                backend.hangUp(ch, Q850Cause.NORMAL_CLEARING);
            }
        } catch (HalException e) {
            refused++;
            backend.clock().scheduleAfter(Duration.ofSeconds(1), () -> hangUp(ch, call));
        }
    }
}
