package org.stroom.ports.simui.sim;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.stroom.ports.hal.api.PortKind;
import org.stroom.ports.hal.softport.Cable;
import org.stroom.ports.hal.softport.HoldingTime;
import org.stroom.ports.hal.softport.PageCount;
import org.stroom.ports.hal.softport.Scheduler;
import org.stroom.ports.hal.softport.TrafficSource;
import org.stroom.ports.hal.softport.TrafficStats;
import org.stroom.ports.hal.softport.VirtualClock;

/**
 * The traffic of one hunt group in one direction. Inbound: a softport {@link TrafficSource} offering calls from
 * the network on the group's circuits that deliver DIDs (rebuilt when the settings change). Outbound: Poisson
 * attempts, each allocated through the port manager and placed by the engine. Counts accumulate across changes.
 *
 * <p>Thread-safety: not thread-safe; owned by the simulation thread.
 */
final class GroupTraffic {
    /** Places one outbound call of the group; returns whether it got a port. */
    interface Placer {
        boolean place(GroupTraffic traffic, SplittableRandom random);
    }

    final SystemRuntime system;
    final String group;
    final PortKind kind;
    final boolean outbound;
    final TrafficSettings initial;

    private final VirtualClock clock;
    private final SplittableRandom random;
    private final Supplier<List<Cable>> cables;
    private final Placer placer;
    private TrafficSettings settings;
    private TrafficSource source;
    private TrafficStats base = TrafficStats.ZERO;
    private long offered;
    private long carried;
    private long blocked;
    private Scheduler.Task next;
    private boolean running;

    GroupTraffic(
            SystemRuntime system,
            String group,
            PortKind kind,
            boolean outbound,
            TrafficSettings initial,
            VirtualClock clock,
            long seed,
            Supplier<List<Cable>> cables,
            Placer placer) {
        this.system = system;
        this.group = group;
        this.kind = kind;
        this.outbound = outbound;
        this.initial = initial;
        this.settings = initial;
        this.clock = clock;
        this.random = new SplittableRandom(seed);
        this.cables = cables;
        this.placer = placer;
    }

    TrafficSettings settings() {
        return settings;
    }

    boolean running() {
        return running;
    }

    void start() {
        if (running) {
            return;
        }
        running = true;
        if (outbound) {
            scheduleNext();
        } else {
            buildSource();
        }
    }

    void stop() {
        running = false;
        if (next != null) {
            next.cancel();
            next = null;
        }
        if (source != null) {
            source.stop();
            base = base.plus(source.stats());
            source = null;
        }
    }

    void apply(TrafficSettings s) {
        boolean was = running;
        stop();
        settings = s;
        if (was) {
            start();
        }
    }

    /** @return whether inbound traffic can be offered: the group has circuits delivering DIDs */
    boolean canOffer() {
        return outbound || !cables.get().isEmpty();
    }

    private void buildSource() {
        List<Cable> group = cables.get();
        if (group.isEmpty() || settings.callsPerHour() <= 0) {
            return;
        }
        source = TrafficSource.builder(clock)
                .seed(random.nextLong())
                .callsPerHour(settings.callsPerHour())
                .group(group.toArray(new Cable[0]))
                .faxShare(settings.faxShare())
                .voiceHolding(HoldingTime.exponential(Duration.ofMillis(Math.round(settings.holdingSeconds() * 1000))))
                .faxPages(PageCount.geometric(settings.pagesPerFax()))
                .build();
        source.start();
    }

    private void scheduleNext() {
        if (!running || settings.callsPerHour() <= 0) {
            return;
        }
        double gapSeconds = -Math.log(1 - random.nextDouble()) * 3600.0 / settings.callsPerHour();
        next = clock.schedule(clock.nanos() + Math.max(1, (long) (gapSeconds * 1e9)), () -> {
            next = null;
            if (running) {
                offered++;
                if (placer.place(this, random)) {
                    carried++;
                } else {
                    blocked++;
                }
                scheduleNext();
            }
        });
    }

    TrafficStats stats() {
        if (outbound) {
            return new TrafficStats(offered, carried, blocked);
        }
        return source == null ? base : base.plus(source.stats());
    }
}
