package org.stroom.ports.hal.softport;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.stroom.ports.hal.api.CallId;
import org.stroom.ports.hal.api.ChannelId;
import org.stroom.ports.hal.api.ChannelInfo;
import org.stroom.ports.hal.api.HalBackend;
import org.stroom.ports.hal.api.event.CallDisconnected;
import org.stroom.ports.hal.api.event.CallEvent;
import org.stroom.ports.hal.api.event.CallOffered;
import org.stroom.ports.hal.api.event.ChannelEvent;
import org.stroom.ports.hal.api.event.ChannelInService;
import org.stroom.ports.hal.api.event.ChannelOutOfService;
import org.stroom.ports.hal.api.event.HalEvent;
import org.stroom.ports.hal.api.event.HalEventListener;

/**
 * Checks a backend's event stream as it arrives (subscribe with a direct executor on virtual time):
 * sequence numbers increase by one, times never go back, a channel carries at most one call, every
 * call event belongs to the call active on its channel, and each call ends with exactly one
 * CallDisconnected. Outbound calls are registered with {@link #placed}, since no event announces
 * them.
 */
final class EventInvariants implements HalEventListener {
    /** A channel in two calls, or a call event off its channel. */
    static final String CHANNEL = "[channel] ";
    /** A call without exactly one disconnect. */
    static final String DISCONNECT = "[disconnect] ";
    /** Sequence or time order broken. */
    static final String SEQUENCE = "[sequence] ";

    private final List<String> violations = new ArrayList<>();
    private final Map<ChannelId, CallId> active = new HashMap<>();
    private final Set<CallId> started = new HashSet<>();
    private final Map<CallId, Integer> disconnects = new HashMap<>();
    private long lastSeq;
    private long lastAt = Long.MIN_VALUE;
    private long events;
    long offered;
    long placed;
    long disconnected;

    synchronized void placed(ChannelId channel, CallId call) {
        start(channel, call, "placeCall");
        placed++;
    }

    private void start(ChannelId channel, CallId call, String how) {
        if (!started.add(call)) {
            violation(DISCONNECT, call + " started twice (" + how + ")");
        }
        CallId other = active.put(channel, call);
        if (other != null) {
            violation(CHANNEL, channel + " got " + call + " by " + how + " while " + other + " was still on it");
        }
    }

    @Override
    public synchronized void onEvent(HalEvent e) {
        events++;
        if (lastSeq != 0 && e.sequence() != lastSeq + 1) {
            violation(SEQUENCE, "sequence " + e.sequence() + " after " + lastSeq + ": " + e);
        }
        lastSeq = e.sequence();
        if (e.atNanos() < lastAt) {
            violation(SEQUENCE, "time went back to " + e.atNanos() + " after " + lastAt + ": " + e);
        }
        lastAt = e.atNanos();
        if (e instanceof CallOffered o) {
            start(o.channel(), o.call(), "offer");
            offered++;
        } else if (e instanceof CallDisconnected d) {
            int n = disconnects.merge(d.call(), 1, Integer::sum);
            if (n > 1) {
                violation(DISCONNECT, d.call() + " disconnected " + n + " times");
            }
            if (!d.call().equals(active.get(d.channel()))) {
                violation(
                        CHANNEL,
                        "disconnect of " + d.call() + " on " + d.channel() + " where " + active.get(d.channel())
                                + " is active");
            } else {
                active.remove(d.channel());
            }
            disconnected++;
        } else if (e instanceof CallEvent c) {
            if (!c.call().equals(active.get(c.channel()))) {
                violation(
                        CHANNEL, e + " for a call not active on its channel (active: " + active.get(c.channel()) + ")");
            }
        } else if (e instanceof ChannelOutOfService || e instanceof ChannelInService) {
            ChannelId ch = ((ChannelEvent) e).channel();
            if (active.containsKey(ch)) {
                violation(CHANNEL, e + " while " + active.get(ch) + " is on the channel");
            }
        }
    }

    /** Compares the backend's channel states with the event view: same call per channel, none twice. */
    synchronized void checkAgainst(HalBackend backend) {
        Set<CallId> seen = new HashSet<>();
        for (ChannelInfo c : backend.channels()) {
            Optional<CallId> call = c.call();
            if (call.isPresent() && !seen.add(call.get())) {
                violation(CHANNEL, call.get() + " is on two channels, one of them " + c.id());
            }
            if (!call.equals(Optional.ofNullable(active.get(c.id())))) {
                violation(CHANNEL, c.id() + " holds " + call + " but the events say " + active.get(c.id()));
            }
        }
    }

    synchronized List<String> violations() {
        return List.copyOf(violations);
    }

    /** @return calls started (offered or placed) that have no CallDisconnected yet */
    synchronized List<CallId> unfinished() {
        List<CallId> out = new ArrayList<>();
        for (CallId c : started) {
            if (!disconnects.containsKey(c)) {
                out.add(c);
            }
        }
        return out;
    }

    synchronized long started() {
        return started.size();
    }

    synchronized long events() {
        return events;
    }

    /** @return violations of one kind ({@link #CHANNEL}, {@link #DISCONNECT}, {@link #SEQUENCE}) */
    synchronized List<String> violations(String kind) {
        return violations.stream().filter(v -> v.startsWith(kind)).toList();
    }

    private void violation(String kind, String v) {
        if (violations.size() < 50) {
            violations.add(kind + v);
        }
    }
}
