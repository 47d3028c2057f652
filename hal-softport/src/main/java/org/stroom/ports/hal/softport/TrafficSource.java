package org.stroom.ports.hal.softport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import org.stroom.ports.hal.api.CallId;
import org.stroom.ports.hal.api.FaxTiming;
import org.stroom.ports.t1.CircuitId;
import org.stroom.ports.t1.DidRange;

/**
 * Inbound traffic offered by the network to a span group (a trunk group of one or more circuits):
 * Poisson arrivals at a given rate, a fax/voice mix, voice holding times from a {@link
 * HoldingTime}, pages per fax from a {@link PageCount} (a fax call holds for its {@link FaxTiming}
 * session at the negotiated speed). Each arrival dials a DID chosen uniformly from the group's DID
 * ranges and is offered on the circuit that carries that DID, the network hunting its channels from
 * the highest timeslot down; with overflow on (default), a call that finds that circuit full tries
 * the group's other circuits in order. An arrival that finds no free channel is lost (blocked
 * calls cleared), as Erlang B assumes.
 *
 * <p>Statistics count arrivals: offered, carried (seized a channel), blocked; per circuit they are
 * counted on the circuit of the dialled DID. Pair the source with an {@link ApplicationBehaviour}
 * (or a real application) that answers the offered calls.
 *
 * <p>Every random choice comes from one {@link SplittableRandom} seeded at build time, and every
 * arrival runs on the {@link Scheduler}, so a run on a {@link VirtualClock} is reproducible.
 *
 * <p>Thread-safety: safe from any thread; arrivals run on the scheduler's thread.
 */
public final class TrafficSource {
    private record Range(Cable cable, DidRange dids) {}

    private final Scheduler clock;
    private final SplittableRandom random;
    private final double perNano;
    private final List<Cable> group;
    private final List<Range> ranges;
    private final long totalDids;
    private final double faxShare;
    private final HoldingTime voiceHolding;
    private final PageCount faxPages;
    private final boolean overflow;
    private final long maxCalls;
    private final Map<CircuitId, long[]> counts = new LinkedHashMap<>();
    private long arrivals;
    private boolean running;
    private Scheduler.Task next;

    private TrafficSource(Builder b) {
        this.clock = b.clock;
        this.random = new SplittableRandom(b.seed);
        this.perNano = b.callsPerHour / 3.6e12;
        this.group = List.copyOf(b.group);
        this.faxShare = b.faxShare;
        this.voiceHolding = b.voiceHolding;
        this.faxPages = b.faxPages;
        this.overflow = b.overflow;
        this.maxCalls = b.maxCalls;
        List<Range> r = new ArrayList<>();
        long total = 0;
        for (Cable c : group) {
            counts.put(c.circuitId(), new long[3]);
            for (DidRange d : c.dids()) {
                r.add(new Range(c, d));
                total += d.size();
            }
        }
        this.ranges = List.copyOf(r);
        this.totalDids = total;
    }

    /**
     * Starts building a source.
     *
     * @param clock the scheduler the arrivals run on (the backends' clock)
     * @return a builder
     */
    public static Builder builder(Scheduler clock) {
        return new Builder(clock);
    }

    /** Starts arrivals from now; does nothing if running. */
    public synchronized void start() {
        if (!running) {
            running = true;
            scheduleNext();
        }
    }

    /** Stops arrivals; calls in progress continue. Idempotent. */
    public synchronized void stop() {
        running = false;
        if (next != null) {
            next.cancel();
            next = null;
        }
    }

    /** @return whether arrivals are being generated */
    public synchronized boolean running() {
        return running;
    }

    /** @return counts over the whole group */
    public synchronized TrafficStats stats() {
        TrafficStats sum = TrafficStats.ZERO;
        for (long[] c : counts.values()) {
            sum = sum.plus(new TrafficStats(c[0], c[1], c[2]));
        }
        return sum;
    }

    /** @return counts per circuit of the dialled DID, in group order */
    public synchronized Map<CircuitId, TrafficStats> statsBySpan() {
        Map<CircuitId, TrafficStats> out = new LinkedHashMap<>();
        counts.forEach((k, c) -> out.put(k, new TrafficStats(c[0], c[1], c[2])));
        return Collections.unmodifiableMap(out);
    }

    private void scheduleNext() {
        if (maxCalls > 0 && arrivals >= maxCalls) {
            running = false;
            return;
        }
        double gap = -Math.log(1.0 - random.nextDouble()) / perNano;
        next = clock.schedule(Scheduler.plus(clock.nanos(), Duration.ofNanos((long) Math.ceil(gap))), this::arrive);
    }

    private void arrive() {
        Range range;
        String did;
        String ani;
        Caller caller;
        synchronized (this) {
            if (!running) {
                return;
            }
            arrivals++;
            long pick = random.nextLong(totalDids);
            Range chosen = null;
            for (Range r : ranges) {
                if (pick < r.dids.size()) {
                    chosen = r;
                    break;
                }
                pick -= r.dids.size();
            }
            range = Objects.requireNonNull(chosen);
            String first = range.dids.first();
            did = digits(Long.parseLong(first) + pick, first.length());
            ani = "2" + digits(random.nextInt(1_000_000_000), 9);
            caller = random.nextDouble() < faxShare
                    ? Caller.fax(faxPages.sample(random))
                    : Caller.voice(voiceHolding.sample(random));
            scheduleNext();
        }
        Optional<CallId> id = range.cable.farEnd().hunt(did, ani, caller);
        if (id.isEmpty() && overflow) {
            for (Cable c : group) {
                if (c != range.cable) {
                    id = c.farEnd().hunt(did, ani, caller);
                    if (id.isPresent()) {
                        break;
                    }
                }
            }
        }
        synchronized (this) {
            long[] c = counts.get(range.cable.circuitId());
            c[0]++;
            c[id.isPresent() ? 1 : 2]++;
        }
    }

    /** @return {@code n} in decimal, left-padded with zeros to {@code width} digits */
    private static String digits(long n, int width) {
        String s = Long.toString(n);
        return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
    }

    /**
     * Builds a {@link TrafficSource}.
     *
     * <p>Thread-safety: not thread-safe; use from one thread.
     */
    public static final class Builder {
        private final Scheduler clock;
        private long seed = 1;
        private double callsPerHour = 100;
        private final List<Cable> group = new ArrayList<>();
        private double faxShare = 0.5;
        private HoldingTime voiceHolding = HoldingTime.exponential(Duration.ofSeconds(180));
        private PageCount faxPages = PageCount.uniform(1, 5);
        private boolean overflow = true;
        private long maxCalls;

        private Builder(Scheduler clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
        }

        /** Sets the seed (default 1). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Sets the mean arrival rate in calls per hour (default 100), &gt; 0. */
        public Builder callsPerHour(double rate) {
            if (!(rate > 0) || Double.isInfinite(rate)) {
                throw new IllegalArgumentException("callsPerHour " + rate + " must be a positive number");
            }
            this.callsPerHour = rate;
            return this;
        }

        /** Adds circuits to the span group, in hunting order. */
        public Builder group(Cable... cables) {
            for (Cable c : cables) {
                group.add(Objects.requireNonNull(c, "cable"));
            }
            return this;
        }

        /** Sets the share of fax calls, 0..1 (default 0.5). */
        public Builder faxShare(double share) {
            if (!(share >= 0 && share <= 1)) {
                throw new IllegalArgumentException("faxShare " + share + " is outside 0..1");
            }
            this.faxShare = share;
            return this;
        }

        /** Sets voice holding times (default exponential, mean 180 s). */
        public Builder voiceHolding(HoldingTime h) {
            this.voiceHolding = Objects.requireNonNull(h, "voiceHolding");
            return this;
        }

        /** Sets pages per fax (default uniform 1..5). */
        public Builder faxPages(PageCount p) {
            this.faxPages = Objects.requireNonNull(p, "faxPages");
            return this;
        }

        /** Whether a blocked call tries the group's other circuits (default true). */
        public Builder overflow(boolean overflow) {
            this.overflow = overflow;
            return this;
        }

        /** Stops after this many arrivals (default 0: no limit). */
        public Builder maxCalls(long max) {
            if (max < 0) {
                throw new IllegalArgumentException("maxCalls " + max + " is negative; use 0 for no limit");
            }
            this.maxCalls = max;
            return this;
        }

        /**
         * @return the source, not started
         * @throws IllegalArgumentException when the group is empty or carries no DID
         */
        public TrafficSource build() {
            if (group.isEmpty()) {
                throw new IllegalArgumentException("traffic source: the span group is empty; add cables with group()");
            }
            if (group.stream().allMatch(c -> c.dids().isEmpty())) {
                throw new IllegalArgumentException("traffic source: no circuit of the group "
                        + group.stream().map(Cable::circuitId).toList()
                        + " carries DID ranges, so inbound calls cannot be addressed");
            }
            if (group.stream().map(Cable::circuitId).distinct().count() != group.size()) {
                throw new IllegalArgumentException("traffic source: a circuit is in the group twice");
            }
            return new TrafficSource(this);
        }
    }
}
