package org.stroom.ports.portmgr.alloc;

import java.util.Objects;
import java.util.Optional;
import org.stroom.ports.hal.api.BoardId;
import org.stroom.ports.hal.api.ChannelId;
import org.stroom.ports.hal.api.event.BoardFault;
import org.stroom.ports.hal.api.event.BoardRecovered;
import org.stroom.ports.hal.api.event.CallAlerting;
import org.stroom.ports.hal.api.event.CallConnected;
import org.stroom.ports.hal.api.event.CallDisconnected;
import org.stroom.ports.hal.api.event.CallEvent;
import org.stroom.ports.hal.api.event.CallOffered;
import org.stroom.ports.hal.api.event.ChannelInService;
import org.stroom.ports.hal.api.event.ChannelOutOfService;
import org.stroom.ports.hal.api.event.DChannelDown;
import org.stroom.ports.hal.api.event.DChannelUp;
import org.stroom.ports.hal.api.event.HalEvent;
import org.stroom.ports.hal.api.event.SpanAlarmCleared;
import org.stroom.ports.hal.api.event.SpanAlarmRaised;
import org.stroom.ports.t1.SpanLocation;

/**
 * Maps HAL events to port-manager inputs. Pure: the result depends only on the arguments.
 *
 * <table>
 *   <caption>Mapping</caption>
 *   <tr><th>HAL event</th><th>Input</th></tr>
 *   <tr><td>CallOffered</td><td>{@link Input.CallActive} with {@code offered}</td></tr>
 *   <tr><td>CallAlerting, CallConnected</td><td>{@link Input.CallActive} without {@code offered}</td></tr>
 *   <tr><td>CallDisconnected</td><td>{@link Input.CallEnded}</td></tr>
 *   <tr><td>other call events (digits, media, fax progress)</td><td>none</td></tr>
 *   <tr><td>ChannelInService, ChannelOutOfService</td><td>{@link Input.ChannelServiceChanged}</td></tr>
 *   <tr><td>SpanAlarmRaised, SpanAlarmCleared</td><td>{@link Input.SpanAlarmChanged}</td></tr>
 *   <tr><td>DChannelUp, DChannelDown</td><td>{@link Input.DChannelChanged}</td></tr>
 *   <tr><td>BoardFault, BoardRecovered</td><td>{@link Input.BoardFaultChanged}</td></tr>
 * </table>
 *
 * <p>Thread-safety: stateless; safe from any thread (typically the HAL subscription's executor, which
 * then publishes the input to the ring).
 */
public final class HalInputs {
    private HalInputs() {}

    /**
     * @param event the HAL event; not null
     * @param machine the System's name of the machine whose HAL reported the event; locations in the event
     *     are re-homed to it when the backend names its host differently
     * @param atNanos ring entry time stamped by the core (the event's own {@code atNanos} is the backend's
     *     clock and is not used)
     * @return the input, or empty when the event does not concern allocation
     */
    public static Optional<Input> from(HalEvent event, String machine, long atNanos) {
        Objects.requireNonNull(event, "HalInputs.from: event");
        Check.name("HalInputs.from", "machine", machine);
        if (event instanceof CallOffered e) {
            return Optional.of(new Input.CallActive(
                    atNanos, channel(e.channel(), machine), e.call().value(), true));
        }
        if (event instanceof CallAlerting e) {
            return Optional.of(new Input.CallActive(
                    atNanos, channel(e.channel(), machine), e.call().value(), false));
        }
        if (event instanceof CallConnected e) {
            return Optional.of(new Input.CallActive(
                    atNanos, channel(e.channel(), machine), e.call().value(), false));
        }
        if (event instanceof CallDisconnected e) {
            return Optional.of(new Input.CallEnded(
                    atNanos, channel(e.channel(), machine), e.call().value()));
        }
        if (event instanceof CallEvent) {
            return Optional.empty();
        }
        if (event instanceof ChannelInService e) {
            return Optional.of(new Input.ChannelServiceChanged(atNanos, channel(e.channel(), machine), true));
        }
        if (event instanceof ChannelOutOfService e) {
            return Optional.of(new Input.ChannelServiceChanged(atNanos, channel(e.channel(), machine), false));
        }
        if (event instanceof SpanAlarmRaised e) {
            return Optional.of(new Input.SpanAlarmChanged(atNanos, span(e.span(), machine), e.alarm(), true));
        }
        if (event instanceof SpanAlarmCleared e) {
            return Optional.of(new Input.SpanAlarmChanged(atNanos, span(e.span(), machine), e.alarm(), false));
        }
        if (event instanceof DChannelUp e) {
            return Optional.of(new Input.DChannelChanged(atNanos, span(e.span(), machine), true));
        }
        if (event instanceof DChannelDown e) {
            return Optional.of(new Input.DChannelChanged(atNanos, span(e.span(), machine), false));
        }
        if (event instanceof BoardFault e) {
            return Optional.of(new Input.BoardFaultChanged(atNanos, board(e.board(), machine), true));
        }
        if (event instanceof BoardRecovered e) {
            return Optional.of(new Input.BoardFaultChanged(atNanos, board(e.board(), machine), false));
        }
        throw new IllegalArgumentException("HalInputs.from: HAL event type "
                + event.getClass().getName() + " is not mapped; decide whether it changes allocation and add it here");
    }

    private static SpanLocation span(SpanLocation loc, String machine) {
        return loc.machine().equals(machine) ? loc : new SpanLocation(machine, loc.board(), loc.port());
    }

    private static ChannelId channel(ChannelId ch, String machine) {
        return ch.span().machine().equals(machine) ? ch : new ChannelId(span(ch.span(), machine), ch.ds0());
    }

    private static BoardId board(BoardId b, String machine) {
        return b.machine().equals(machine) ? b : new BoardId(machine, b.board());
    }
}
