package org.stroom.ports.hal.softport;

import java.util.ArrayList;
import java.util.List;
import org.stroom.ports.hal.api.ChannelId;
import org.stroom.ports.hal.api.event.ChannelEvent;
import org.stroom.ports.hal.api.event.HalEvent;
import org.stroom.ports.hal.api.event.HalEventListener;

/** Stores every event it receives; subscribe it with a direct executor on virtual time. */
final class Recorder implements HalEventListener {
    private final List<HalEvent> events = new ArrayList<>();

    @Override
    public synchronized void onEvent(HalEvent event) {
        events.add(event);
    }

    synchronized List<HalEvent> all() {
        return List.copyOf(events);
    }

    synchronized <T extends HalEvent> List<T> of(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    synchronized <T extends HalEvent> List<T> of(Class<T> type, ChannelId channel) {
        return events.stream()
                .filter(type::isInstance)
                .filter(e -> e instanceof ChannelEvent c && c.channel().equals(channel))
                .map(type::cast)
                .toList();
    }

    synchronized <T extends HalEvent> T last(Class<T> type) {
        List<T> l = of(type);
        if (l.isEmpty()) {
            throw new AssertionError("no " + type.getSimpleName() + " among " + events);
        }
        return l.get(l.size() - 1);
    }

    synchronized void clear() {
        events.clear();
    }
}
