package org.stroom.ports.hal.tck;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.stroom.ports.hal.api.CallId;
import org.stroom.ports.hal.api.ChannelId;
import org.stroom.ports.hal.api.event.CallDisconnected;
import org.stroom.ports.hal.api.event.CallEvent;
import org.stroom.ports.hal.api.event.CallOffered;
import org.stroom.ports.hal.api.event.HalEvent;

/**
 * Checks that hold for every event stream a backend delivers, whatever the calls were. Each check
 * throws an {@link AssertionError} that names the offending events and lists the whole stream.
 *
 * <ul>
 *   <li>sequence numbers increase by exactly one from event to event;
 *   <li>timestamps never go back;
 *   <li>no channel is ever in two calls: between a call's first event and its CallDisconnected, no
 *       other call has an event on that channel;
 *   <li>a call stays on one channel, and has no event after its CallDisconnected;
 *   <li>every offered or placed call ends with exactly one CallDisconnected.
 * </ul>
 *
 * <p>Thread-safety: stateless.
 */
public final class EventInvariants {
    private EventInvariants() {}

    /**
     * Runs every check.
     *
     * @param events a backend's events in delivery order, from the moment of subscription
     * @param placed calls the test placed or was offered; each must have ended. Calls in CallOffered
     *     events are added automatically.
     * @throws AssertionError on the first broken invariant
     */
    public static void check(List<HalEvent> events, Collection<CallId> placed) {
        sequenceIncreasesByOne(events);
        timeNeverGoesBack(events);
        noChannelInTwoCalls(events);
        everyCallEndsOnce(events, placed);
    }

    /** @throws AssertionError when two consecutive events' sequence numbers do not differ by one */
    public static void sequenceIncreasesByOne(List<HalEvent> events) {
        for (int i = 1; i < events.size(); i++) {
            long prev = events.get(i - 1).sequence();
            long next = events.get(i).sequence();
            if (next != prev + 1) {
                throw fail(
                        "sequence numbers must increase by exactly 1 per event; " + prev + " was followed by " + next
                                + " (" + events.get(i - 1) + " -> " + events.get(i) + ")",
                        events);
            }
        }
        if (!events.isEmpty() && events.get(0).sequence() < 1) {
            throw fail("sequence numbers start at 1, got " + events.get(0), events);
        }
    }

    /** @throws AssertionError when an event's timestamp is before its predecessor's */
    public static void timeNeverGoesBack(List<HalEvent> events) {
        for (int i = 1; i < events.size(); i++) {
            if (events.get(i).atNanos() < events.get(i - 1).atNanos()) {
                throw fail(
                        "event time went back from " + events.get(i - 1).atNanos() + " to "
                                + events.get(i).atNanos() + " ns (" + events.get(i) + ")",
                        events);
            }
        }
    }

    /**
     * @throws AssertionError when a channel carries events of a second call while a first has not
     *     ended, when a call moves to another channel, or when a call has events after its
     *     CallDisconnected
     */
    public static void noChannelInTwoCalls(List<HalEvent> events) {
        Map<ChannelId, CallId> active = new HashMap<>();
        Map<CallId, ChannelId> home = new HashMap<>();
        Set<CallId> ended = new LinkedHashSet<>();
        for (HalEvent e : events) {
            if (!(e instanceof CallEvent)) {
                continue;
            }
            CallEvent c = (CallEvent) e;
            ChannelId homeChannel = home.putIfAbsent(c.call(), c.channel());
            if (homeChannel != null && !homeChannel.equals(c.channel())) {
                throw fail(
                        c.call() + " started on " + homeChannel + " but has an event on " + c.channel() + ": " + e,
                        events);
            }
            if (ended.contains(c.call())) {
                throw fail(c.call() + " has an event after its CallDisconnected: " + e, events);
            }
            if (e instanceof CallOffered && homeChannel != null) {
                throw fail(c.call() + " was offered twice: " + e, events);
            }
            CallId current = active.get(c.channel());
            if (current != null && !current.equals(c.call())) {
                throw fail(
                        "channel " + c.channel() + " is in two calls: " + current + " has not ended and " + c.call()
                                + " has " + e,
                        events);
            }
            active.put(c.channel(), c.call());
            if (e instanceof CallDisconnected) {
                active.remove(c.channel());
                ended.add(c.call());
            }
        }
    }

    /**
     * @param placed calls the test placed or was offered
     * @throws AssertionError when one of them, or a call in a CallOffered event, has no or more than
     *     one CallDisconnected, or when a CallDisconnected names a call nobody placed or offered
     */
    public static void everyCallEndsOnce(List<HalEvent> events, Collection<CallId> placed) {
        Set<CallId> calls = new LinkedHashSet<>(placed);
        Map<CallId, Integer> ends = new HashMap<>();
        for (HalEvent e : events) {
            if (e instanceof CallOffered) {
                calls.add(((CallOffered) e).call());
            } else if (e instanceof CallDisconnected) {
                ends.merge(((CallDisconnected) e).call(), 1, Integer::sum);
            }
        }
        List<String> problems = new ArrayList<>();
        for (CallId call : calls) {
            int n = ends.getOrDefault(call, 0);
            if (n != 1) {
                problems.add(call + " has " + n + " CallDisconnected events");
            }
        }
        for (CallId call : ends.keySet()) {
            if (!calls.contains(call)) {
                problems.add(call + " was disconnected but never offered or placed");
            }
        }
        if (!problems.isEmpty()) {
            throw fail("every offered or placed call must end with exactly one CallDisconnected: " + problems, events);
        }
    }

    private static AssertionError fail(String message, List<HalEvent> events) {
        return new AssertionError(message + "\nevents:" + EventRecorder.describe(events));
    }
}
