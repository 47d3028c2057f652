package org.stroom.ports.simui.sim;

import java.util.Set;
import org.stroom.ports.hal.api.event.BoardFault;
import org.stroom.ports.hal.api.event.BoardRecovered;
import org.stroom.ports.hal.api.event.CallAlerting;
import org.stroom.ports.hal.api.event.CallConnected;
import org.stroom.ports.hal.api.event.CallDisconnected;
import org.stroom.ports.hal.api.event.CallOffered;
import org.stroom.ports.hal.api.event.ChannelInService;
import org.stroom.ports.hal.api.event.ChannelOutOfService;
import org.stroom.ports.hal.api.event.DChannelDown;
import org.stroom.ports.hal.api.event.DChannelUp;
import org.stroom.ports.hal.api.event.DigitReceived;
import org.stroom.ports.hal.api.event.DigitsCollected;
import org.stroom.ports.hal.api.event.DigitsSent;
import org.stroom.ports.hal.api.event.FaxDone;
import org.stroom.ports.hal.api.event.FaxPageReceived;
import org.stroom.ports.hal.api.event.FaxPageSent;
import org.stroom.ports.hal.api.event.HalEvent;
import org.stroom.ports.hal.api.event.PlayDone;
import org.stroom.ports.hal.api.event.RecordDone;
import org.stroom.ports.hal.api.event.SpanAlarmCleared;
import org.stroom.ports.hal.api.event.SpanAlarmRaised;

/**
 * How a backend event reads in the event log: its category and a line of text. The one place that dispatches on
 * the event types; {@link #HANDLED} lists them so a test can check that every permitted event type is covered.
 *
 * <p>Thread-safety: stateless.
 */
final class EventText {
    /** Every event type {@link #describe} words specifically. */
    static final Set<Class<? extends HalEvent>> HANDLED = Set.of(
            CallOffered.class,
            CallAlerting.class,
            CallConnected.class,
            CallDisconnected.class,
            DigitReceived.class,
            DigitsCollected.class,
            DigitsSent.class,
            PlayDone.class,
            RecordDone.class,
            FaxPageReceived.class,
            FaxPageSent.class,
            FaxDone.class,
            SpanAlarmRaised.class,
            SpanAlarmCleared.class,
            DChannelDown.class,
            DChannelUp.class,
            ChannelOutOfService.class,
            ChannelInService.class,
            BoardFault.class,
            BoardRecovered.class);

    /** A log line's category and text. */
    record Described(LogCategory category, String text) {}

    private EventText() {}

    static Described describe(HalEvent e) {
        if (e instanceof CallOffered o) {
            return call(o.channel() + " offered " + o.call() + " to " + o.dnis()
                    + (o.ani().isEmpty() ? "" : " from " + o.ani()));
        } else if (e instanceof CallAlerting a) {
            return call(a.channel() + " alerting " + a.call());
        } else if (e instanceof CallConnected c) {
            return call(c.channel() + " connected " + c.call());
        } else if (e instanceof CallDisconnected d) {
            return call(d.channel() + " disconnected " + d.call() + " (" + d.cause() + ")");
        } else if (e instanceof DigitReceived d) {
            return call(d.channel() + " digit " + d.digit());
        } else if (e instanceof DigitsCollected d) {
            return call(d.channel() + " collected '" + d.digits() + "'");
        } else if (e instanceof DigitsSent d) {
            return call(d.channel() + " sent digits '" + d.digits() + "'");
        } else if (e instanceof PlayDone p) {
            return call(p.channel() + " play done (" + p.reason() + ")");
        } else if (e instanceof RecordDone r) {
            return call(r.channel() + " record done (" + r.reason() + ")");
        } else if (e instanceof FaxPageReceived p) {
            return new Described(
                    LogCategory.FAX, p.channel() + " received page " + p.page() + " at " + p.bps() + " bit/s");
        } else if (e instanceof FaxPageSent p) {
            return new Described(LogCategory.FAX, p.channel() + " sent page " + p.page() + " at " + p.bps() + " bit/s");
        } else if (e instanceof FaxDone f) {
            return new Described(
                    LogCategory.FAX,
                    f.channel() + " fax " + (f.sending() ? "sent" : "received") + ": " + f.result() + ", " + f.pages()
                            + " page(s)");
        } else if (e instanceof SpanAlarmRaised a) {
            return new Described(LogCategory.SPAN, a.alarm() + " alarm raised on " + a.span());
        } else if (e instanceof SpanAlarmCleared a) {
            return new Described(LogCategory.SPAN, a.alarm() + " alarm cleared on " + a.span());
        } else if (e instanceof DChannelDown d) {
            return new Described(LogCategory.SPAN, "D-channel down on " + d.span());
        } else if (e instanceof DChannelUp d) {
            return new Described(LogCategory.SPAN, "D-channel up on " + d.span());
        } else if (e instanceof ChannelOutOfService o) {
            return new Described(LogCategory.SERVICE, o.channel() + " out of service: " + o.reason());
        } else if (e instanceof ChannelInService i) {
            return new Described(LogCategory.SERVICE, i.channel() + " in service");
        } else if (e instanceof BoardFault f) {
            return new Described(LogCategory.BOARD, "board " + f.board() + " fault: " + f.reason());
        } else if (e instanceof BoardRecovered r) {
            return new Described(LogCategory.BOARD, "board " + r.board() + " recovered");
        }
        return new Described(LogCategory.SYSTEM, e.toString());
    }

    private static Described call(String text) {
        return new Described(LogCategory.CALL, text);
    }
}
