package org.stroom.ports.hal.softport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.stroom.ports.hal.api.CallId;
import org.stroom.ports.hal.api.ChannelId;
import org.stroom.ports.hal.api.ChannelInfo;
import org.stroom.ports.hal.api.ChannelState;
import org.stroom.ports.hal.api.FaxReceiveRequest;
import org.stroom.ports.hal.api.FaxResult;
import org.stroom.ports.hal.api.HalException;
import org.stroom.ports.hal.api.Q850Cause;
import org.stroom.ports.hal.api.event.CallConnected;
import org.stroom.ports.hal.api.event.CallDisconnected;
import org.stroom.ports.hal.api.event.CallOffered;
import org.stroom.ports.hal.api.event.FaxDone;
import org.stroom.ports.hal.api.event.HalEvent;
import org.stroom.ports.hal.api.event.Subscription;

/**
 * A simulated application on a {@link SoftBackend}: it answers every offered call (optionally
 * ringing first), optionally receives the faxes of fax callers, and optionally hangs up after a
 * holding time of its own. It exists so that traffic runs, tests and the port-manager demo have
 * something answering the calls; it uses only the public backend API.
 *
 * <p>It subscribes with {@link Scheduler#executor()}, so its reactions run on the scheduler's
 * thread in clock order (deterministic on a {@link VirtualClock}). Each action first checks that
 * the channel still holds the same call in the expected state; a request the backend refuses
 * anyway (an injected vendor error, a race on real time) is counted in {@link #failures()}; a refused
 * hang-up is tried again every {@link #HANG_UP_RETRY} while the call is still up, as a real application
 * retries a failed drop, so no call is left connected for ever.
 *
 * <p>Thread-safety: safe from any thread; reactions run on the scheduler's thread.
 */
public final class ApplicationBehaviour implements AutoCloseable {
    /** How long after a refused hang-up the application tries again. */
    public static final Duration HANG_UP_RETRY = Duration.ofSeconds(1);

    private final SoftBackend backend;
    private final Scheduler clock;
    private final boolean acceptFirst;
    private final Duration answerAfter;
    private final HoldingTime hangUpAfter;
    private final Path faxDirectory;
    private final SplittableRandom random;
    private final Set<CallId> ours = new HashSet<>();
    private final Subscription subscription;
    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong hungUp = new AtomicLong();
    private final AtomicLong faxes = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();

    private ApplicationBehaviour(Builder b) {
        this.backend = b.backend;
        this.clock = b.backend.clock();
        this.acceptFirst = b.acceptFirst;
        this.answerAfter = b.answerAfter;
        this.hangUpAfter = b.hangUpAfter;
        this.faxDirectory = b.faxDirectory;
        this.random = new SplittableRandom(b.seed);
        this.subscription = backend.subscribe(this::onEvent, clock.executor());
    }

    /**
     * Starts building an application for {@code backend}.
     *
     * @return a builder
     */
    public static Builder builder(SoftBackend backend) {
        return new Builder(backend);
    }

    /** @return calls answered */
    public long answered() {
        return answered.get();
    }

    /** @return calls this application hung up */
    public long hungUp() {
        return hungUp.get();
    }

    /** @return faxes received completely */
    public long faxesReceived() {
        return faxes.get();
    }

    /** @return requests the backend refused */
    public long failures() {
        return failures.get();
    }

    /** Stops reacting to events; calls in progress are left as they are. Idempotent. */
    @Override
    public void close() {
        subscription.close();
    }

    private synchronized void onEvent(HalEvent e) {
        if (e instanceof CallOffered o) {
            ours.add(o.call());
            if (acceptFirst) {
                when(o.channel(), o.call(), EnumSet.of(ChannelState.OFFERED), () -> backend.accept(o.channel()));
            }
            if (answerAfter.isZero()) {
                answer(o.channel(), o.call());
            } else {
                clock.scheduleAfter(answerAfter, () -> answer(o.channel(), o.call()));
            }
        } else if (e instanceof CallConnected c && ours.contains(c.call())) {
            answered.incrementAndGet();
            if (faxDirectory != null && backend.callerSendsFax(c.channel(), c.call())) {
                Path file = faxDirectory.resolve(fileName(c.channel()));
                when(
                        c.channel(),
                        c.call(),
                        EnumSet.of(ChannelState.CONNECTED),
                        () -> backend.receiveFax(c.channel(), new FaxReceiveRequest(file, "SOFTPORT")));
            }
            if (hangUpAfter != null) {
                Duration hold = hangUpAfter.sample(random);
                clock.scheduleAfter(hold, () -> hangUp(c.channel(), c.call()));
            }
        } else if (e instanceof FaxDone f && !f.sending() && ours.contains(f.call())) {
            if (f.result() == FaxResult.SUCCESS) {
                faxes.incrementAndGet();
            }
            hangUp(f.channel(), f.call());
        } else if (e instanceof CallDisconnected d) {
            ours.remove(d.call());
        }
    }

    private synchronized void answer(ChannelId channel, CallId call) {
        when(channel, call, EnumSet.of(ChannelState.OFFERED, ChannelState.ALERTING), () -> backend.answer(channel));
    }

    private synchronized void hangUp(ChannelId channel, CallId call) {
        long failedBefore = failures.get();
        if (when(
                channel,
                call,
                EnumSet.of(ChannelState.OFFERED, ChannelState.ALERTING, ChannelState.CONNECTED),
                () -> backend.hangUp(channel, Q850Cause.NORMAL_CLEARING))) {
            hungUp.incrementAndGet();
        } else if (failures.get() != failedBefore) {
            // A real application does not leave a call up because one drop failed: it tries again.
            clock.scheduleAfter(HANG_UP_RETRY, () -> hangUp(channel, call));
        }
    }

    private boolean when(ChannelId channel, CallId call, Set<ChannelState> states, Runnable action) {
        try {
            ChannelInfo info = backend.channel(channel);
            if (info.call().filter(call::equals).isEmpty() || !states.contains(info.state())) {
                return false;
            }
            action.run();
            return true;
        } catch (HalException refused) {
            failures.incrementAndGet();
            return false;
        }
    }

    private static String fileName(ChannelId c) {
        String machine = c.span().machine().replaceAll("[^A-Za-z0-9_-]", "_");
        return "fax-" + machine + "-b" + c.span().board() + "-s" + c.span().port() + "-c" + c.ds0() + ".tif";
    }

    /**
     * Builds an {@link ApplicationBehaviour}.
     *
     * <p>Thread-safety: not thread-safe; use from one thread.
     */
    public static final class Builder {
        private final SoftBackend backend;
        private boolean acceptFirst;
        private Duration answerAfter = Duration.ZERO;
        private HoldingTime hangUpAfter;
        private Path faxDirectory;
        private long seed = 1;

        private Builder(SoftBackend backend) {
            this.backend = Objects.requireNonNull(backend, "backend");
        }

        /** Whether to send ringback ({@code accept}) as soon as a call is offered (default false). */
        public Builder acceptFirst(boolean accept) {
            this.acceptFirst = accept;
            return this;
        }

        /** Sets the delay from offer to answer (default 0). */
        public Builder answerAfter(Duration d) {
            Objects.requireNonNull(d, "answerAfter");
            if (d.isNegative()) {
                throw new IllegalArgumentException("answerAfter " + d + " is negative");
            }
            this.answerAfter = d;
            return this;
        }

        /** Makes the application hang up this long after answer (default: never; the caller hangs up). */
        public Builder hangUpAfter(HoldingTime h) {
            this.hangUpAfter = Objects.requireNonNull(h, "hangUpAfter");
            return this;
        }

        /**
         * Receives the faxes of fax callers into {@code directory}, one file per channel ({@code
         * fax-<machine>-b<board>-s<span>-c<ds0>.tif}, overwritten by the next fax on the channel), and
         * hangs up when each fax is done.
         *
         * @throws IllegalArgumentException when the directory does not exist
         */
        public Builder receiveFaxesInto(Path directory) {
            Objects.requireNonNull(directory, "directory");
            if (!Files.isDirectory(directory)) {
                throw new IllegalArgumentException("receiveFaxesInto: " + directory + " is not a directory");
            }
            this.faxDirectory = directory;
            return this;
        }

        /** Sets the seed of the application's own holding times (default 1). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** @return the application, subscribed and reacting */
        public ApplicationBehaviour build() {
            return new ApplicationBehaviour(this);
        }
    }
}
