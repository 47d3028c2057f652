package org.stroom.ports.hal.remote;

import static org.stroom.ports.hal.remote.ValueCodec.ALARM;
import static org.stroom.ports.hal.remote.ValueCodec.FAX_RESULT;
import static org.stroom.ports.hal.remote.ValueCodec.TERMINATION;
import static org.stroom.ports.hal.remote.ValueCodec.board;
import static org.stroom.ports.hal.remote.ValueCodec.call;
import static org.stroom.ports.hal.remote.ValueCodec.channel;
import static org.stroom.ports.hal.remote.ValueCodec.span;

import java.nio.file.Path;
import java.util.function.LongUnaryOperator;
import org.stroom.ports.hal.api.Q850Cause;
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
import org.stroom.ports.hal.remote.proto.Event;

/**
 * Converts every {@link HalEvent} record to its protobuf {@link Event} and back. The one place where
 * the sealed event hierarchy is dispatched on the link; a test walks {@code getPermittedSubclasses()}
 * so that an event type added to hal-api cannot go unmapped.
 *
 * <p>The event's own sequence and time are not encoded: on the wire an event carries the Node's
 * sequence ({@link Event#getSequence()}), and the Server re-publishes it with its own hub's sequence
 * and clock.
 *
 * <p>Thread-safety: stateless.
 */
final class EventCodec {
    private EventCodec() {}

    /**
     * @param e the event
     * @param callIds maps the backend's call ids to the ids put on the wire (a Node qualifies them
     *     with its incarnation; identity elsewhere)
     * @return the event's body; the caller sets sequence and times
     * @throws IllegalArgumentException for an event type this codec does not know (a test prevents it)
     */
    static Event.Builder encode(HalEvent e, LongUnaryOperator callIds) {
        Event.Builder b = Event.newBuilder();
        if (e instanceof CallOffered x) {
            b.setCallOffered(org.stroom.ports.hal.remote.proto.CallOffered.newBuilder()
                    .setChannel(channel(x.channel()))
                    .setCall(callIds.applyAsLong(x.call().value()))
                    .setDnis(x.dnis())
                    .setAni(x.ani()));
        } else if (e instanceof CallAlerting x) {
            b.setCallAlerting(org.stroom.ports.hal.remote.proto.CallAlerting.newBuilder()
                    .setChannel(channel(x.channel()))
                    .setCall(callIds.applyAsLong(x.call().value())));
        } else if (e instanceof CallConnected x) {
            b.setCallConnected(org.stroom.ports.hal.remote.proto.CallConnected.newBuilder()
                    .setChannel(channel(x.channel()))
                    .setCall(callIds.applyAsLong(x.call().value())));
        } else if (e instanceof CallDisconnected x) {
            b.setCallDisconnected(org.stroom.ports.hal.remote.proto.CallDisconnected.newBuilder()
                    .setChannel(channel(x.channel()))
                    .setCall(callIds.applyAsLong(x.call().value()))
                    .setCause(x.cause().code())
                    .setFarEnd(x.farEnd()));
        } else if (e instanceof DigitReceived x) {
            b.setDigitReceived(org.stroom.ports.hal.remote.proto.DigitReceived.newBuilder()
                    .setChannel(channel(x.channel()))
                    .setCall(callIds.applyAsLong(x.call().value()))
                    .setDigit(String.valueOf(x.digit())));
        } else if (e instanceof DigitsCollected x) {
            b.setDigitsCollected(org.stroom.ports.hal.remote.proto.DigitsCollected.newBuilder()
                    .setChannel(channel(x.channel()))
                    .setCall(callIds.applyAsLong(x.call().value()))
                    .setDigits(x.digits())
                    .setReason(TERMINATION.toProto(x.reason())));
        } else if (e instanceof DigitsSent x) {
            b.setDigitsSent(org.stroom.ports.hal.remote.proto.DigitsSent.newBuilder()
                    .setChannel(channel(x.channel()))
                    .setCall(callIds.applyAsLong(x.call().value()))
                    .setDigits(x.digits()));
        } else if (e instanceof PlayDone x) {
            b.setPlayDone(org.stroom.ports.hal.remote.proto.PlayDone.newBuilder()
                    .setChannel(channel(x.channel()))
                    .setCall(callIds.applyAsLong(x.call().value()))
                    .setReason(TERMINATION.toProto(x.reason()))
                    .setPlayedMillis(x.playedMillis()));
        } else if (e instanceof RecordDone x) {
            b.setRecordDone(org.stroom.ports.hal.remote.proto.RecordDone.newBuilder()
                    .setChannel(channel(x.channel()))
                    .setCall(callIds.applyAsLong(x.call().value()))
                    .setFile(x.file().toString())
                    .setReason(TERMINATION.toProto(x.reason()))
                    .setRecordedMillis(x.recordedMillis()));
        } else if (e instanceof FaxPageSent x) {
            b.setFaxPageSent(org.stroom.ports.hal.remote.proto.FaxPageSent.newBuilder()
                    .setChannel(channel(x.channel()))
                    .setCall(callIds.applyAsLong(x.call().value()))
                    .setPage(x.page())
                    .setBps(x.bps()));
        } else if (e instanceof FaxPageReceived x) {
            b.setFaxPageReceived(org.stroom.ports.hal.remote.proto.FaxPageReceived.newBuilder()
                    .setChannel(channel(x.channel()))
                    .setCall(callIds.applyAsLong(x.call().value()))
                    .setPage(x.page())
                    .setBps(x.bps()));
        } else if (e instanceof FaxDone x) {
            b.setFaxDone(org.stroom.ports.hal.remote.proto.FaxDone.newBuilder()
                    .setChannel(channel(x.channel()))
                    .setCall(callIds.applyAsLong(x.call().value()))
                    .setResult(FAX_RESULT.toProto(x.result()))
                    .setPages(x.pages())
                    .setBps(x.bps())
                    .setSending(x.sending()));
        } else if (e instanceof ChannelInService x) {
            b.setChannelInService(org.stroom.ports.hal.remote.proto.ChannelInService.newBuilder()
                    .setChannel(channel(x.channel())));
        } else if (e instanceof ChannelOutOfService x) {
            b.setChannelOutOfService(org.stroom.ports.hal.remote.proto.ChannelOutOfService.newBuilder()
                    .setChannel(channel(x.channel()))
                    .setReason(x.reason()));
        } else if (e instanceof SpanAlarmRaised x) {
            b.setSpanAlarmRaised(org.stroom.ports.hal.remote.proto.SpanAlarmRaised.newBuilder()
                    .setSpan(span(x.span()))
                    .setAlarm(ALARM.toProto(x.alarm())));
        } else if (e instanceof SpanAlarmCleared x) {
            b.setSpanAlarmCleared(org.stroom.ports.hal.remote.proto.SpanAlarmCleared.newBuilder()
                    .setSpan(span(x.span()))
                    .setAlarm(ALARM.toProto(x.alarm())));
        } else if (e instanceof DChannelUp x) {
            b.setDChannelUp(
                    org.stroom.ports.hal.remote.proto.DChannelUp.newBuilder().setSpan(span(x.span())));
        } else if (e instanceof DChannelDown x) {
            b.setDChannelDown(
                    org.stroom.ports.hal.remote.proto.DChannelDown.newBuilder().setSpan(span(x.span())));
        } else if (e instanceof BoardFault x) {
            b.setBoardFault(org.stroom.ports.hal.remote.proto.BoardFault.newBuilder()
                    .setBoard(board(x.board()))
                    .setReason(x.reason()));
        } else if (e instanceof BoardRecovered x) {
            b.setBoardRecovered(org.stroom.ports.hal.remote.proto.BoardRecovered.newBuilder()
                    .setBoard(board(x.board())));
        } else {
            throw new IllegalArgumentException("EventCodec.encode: no mapping for "
                    + e.getClass().getName() + "; add it to hal_remote.proto and EventCodec");
        }
        return b;
    }

    /**
     * @param e the wire event
     * @param sequence the sequence the re-published event gets
     * @param atNanos the time the re-published event gets
     * @return the event
     * @throws LinkProtocolException when the message has no event body or a value is invalid
     */
    static HalEvent decode(Event e, long sequence, long atNanos) {
        try {
            return decodeUnchecked(e, sequence, atNanos);
        } catch (IllegalArgumentException | NullPointerException invalid) { // a record refused a value
            throw new LinkProtocolException(
                    "event " + e.getSequence() + " (" + e.getKindCase() + ") is invalid: " + invalid.getMessage());
        }
    }

    private static HalEvent decodeUnchecked(Event e, long seq, long at) {
        switch (e.getKindCase()) {
            case CALL_OFFERED: {
                var x = e.getCallOffered();
                return new CallOffered(
                        seq,
                        at,
                        channel(x.getChannel()),
                        call(x.getCall(), "callOffered.call"),
                        x.getDnis(),
                        x.getAni());
            }
            case CALL_ALERTING: {
                var x = e.getCallAlerting();
                return new CallAlerting(seq, at, channel(x.getChannel()), call(x.getCall(), "callAlerting.call"));
            }
            case CALL_CONNECTED: {
                var x = e.getCallConnected();
                return new CallConnected(seq, at, channel(x.getChannel()), call(x.getCall(), "callConnected.call"));
            }
            case CALL_DISCONNECTED: {
                var x = e.getCallDisconnected();
                return new CallDisconnected(
                        seq,
                        at,
                        channel(x.getChannel()),
                        call(x.getCall(), "callDisconnected.call"),
                        new Q850Cause(x.getCause()),
                        x.getFarEnd());
            }
            case DIGIT_RECEIVED: {
                var x = e.getDigitReceived();
                if (x.getDigit().length() != 1) {
                    throw new LinkProtocolException("digitReceived.digit '" + x.getDigit() + "' is not one character");
                }
                return new DigitReceived(
                        seq,
                        at,
                        channel(x.getChannel()),
                        call(x.getCall(), "digitReceived.call"),
                        x.getDigit().charAt(0));
            }
            case DIGITS_COLLECTED: {
                var x = e.getDigitsCollected();
                return new DigitsCollected(
                        seq,
                        at,
                        channel(x.getChannel()),
                        call(x.getCall(), "digitsCollected.call"),
                        x.getDigits(),
                        TERMINATION.toJava(x.getReason(), "digitsCollected.reason"));
            }
            case DIGITS_SENT: {
                var x = e.getDigitsSent();
                return new DigitsSent(
                        seq, at, channel(x.getChannel()), call(x.getCall(), "digitsSent.call"), x.getDigits());
            }
            case PLAY_DONE: {
                var x = e.getPlayDone();
                return new PlayDone(
                        seq,
                        at,
                        channel(x.getChannel()),
                        call(x.getCall(), "playDone.call"),
                        TERMINATION.toJava(x.getReason(), "playDone.reason"),
                        x.getPlayedMillis());
            }
            case RECORD_DONE: {
                var x = e.getRecordDone();
                return new RecordDone(
                        seq,
                        at,
                        channel(x.getChannel()),
                        call(x.getCall(), "recordDone.call"),
                        Path.of(x.getFile()),
                        TERMINATION.toJava(x.getReason(), "recordDone.reason"),
                        x.getRecordedMillis());
            }
            case FAX_PAGE_SENT: {
                var x = e.getFaxPageSent();
                return new FaxPageSent(
                        seq,
                        at,
                        channel(x.getChannel()),
                        call(x.getCall(), "faxPageSent.call"),
                        x.getPage(),
                        x.getBps());
            }
            case FAX_PAGE_RECEIVED: {
                var x = e.getFaxPageReceived();
                return new FaxPageReceived(
                        seq,
                        at,
                        channel(x.getChannel()),
                        call(x.getCall(), "faxPageReceived.call"),
                        x.getPage(),
                        x.getBps());
            }
            case FAX_DONE: {
                var x = e.getFaxDone();
                return new FaxDone(
                        seq,
                        at,
                        channel(x.getChannel()),
                        call(x.getCall(), "faxDone.call"),
                        FAX_RESULT.toJava(x.getResult(), "faxDone.result"),
                        x.getPages(),
                        x.getBps(),
                        x.getSending());
            }
            case CHANNEL_IN_SERVICE:
                return new ChannelInService(
                        seq, at, channel(e.getChannelInService().getChannel()));
            case CHANNEL_OUT_OF_SERVICE: {
                var x = e.getChannelOutOfService();
                return new ChannelOutOfService(seq, at, channel(x.getChannel()), x.getReason());
            }
            case SPAN_ALARM_RAISED: {
                var x = e.getSpanAlarmRaised();
                return new SpanAlarmRaised(
                        seq, at, span(x.getSpan()), ALARM.toJava(x.getAlarm(), "spanAlarmRaised.alarm"));
            }
            case SPAN_ALARM_CLEARED: {
                var x = e.getSpanAlarmCleared();
                return new SpanAlarmCleared(
                        seq, at, span(x.getSpan()), ALARM.toJava(x.getAlarm(), "spanAlarmCleared.alarm"));
            }
            case D_CHANNEL_UP:
                return new DChannelUp(seq, at, span(e.getDChannelUp().getSpan()));
            case D_CHANNEL_DOWN:
                return new DChannelDown(seq, at, span(e.getDChannelDown().getSpan()));
            case BOARD_FAULT: {
                var x = e.getBoardFault();
                return new BoardFault(seq, at, board(x.getBoard()), x.getReason());
            }
            case BOARD_RECOVERED:
                return new BoardRecovered(seq, at, board(e.getBoardRecovered().getBoard()));
            case KIND_NOT_SET:
            default:
                throw new LinkProtocolException("event " + e.getSequence() + " has no body (" + e.getKindCase()
                        + "); the peer speaks a newer schema");
        }
    }
}
