package org.stroom.ports.hal.remote;

import static org.stroom.ports.hal.remote.ValueCodec.AUDIO_ENCODING;
import static org.stroom.ports.hal.remote.ValueCodec.BACKEND_STATE;
import static org.stroom.ports.hal.remote.ValueCodec.channel;
import static org.stroom.ports.hal.remote.ValueCodec.nanos;
import static org.stroom.ports.hal.remote.ValueCodec.span;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.LongUnaryOperator;
import org.stroom.ports.hal.api.ChannelInfo;
import org.stroom.ports.hal.api.DialString;
import org.stroom.ports.hal.api.DigitRequest;
import org.stroom.ports.hal.api.FaxReceiveRequest;
import org.stroom.ports.hal.api.FaxSendRequest;
import org.stroom.ports.hal.api.HalBackend;
import org.stroom.ports.hal.api.OutboundCall;
import org.stroom.ports.hal.api.PlayRequest;
import org.stroom.ports.hal.api.Q850Cause;
import org.stroom.ports.hal.api.RecordRequest;
import org.stroom.ports.hal.api.SpanInfo;
import org.stroom.ports.hal.api.StateChange;
import org.stroom.ports.hal.remote.proto.ChannelList;
import org.stroom.ports.hal.remote.proto.Command;
import org.stroom.ports.hal.remote.proto.CommandResult;
import org.stroom.ports.hal.remote.proto.Done;
import org.stroom.ports.hal.remote.proto.HistoryList;
import org.stroom.ports.hal.remote.proto.SpanList;

/**
 * Runs a {@link Command} from a Server against the Node's backend and turns the outcome, value or
 * exception, into a {@link CommandResult}. Arguments are rebuilt as hal-api records, so they are
 * validated on the Node exactly as for a local caller; paths name files on the Node.
 *
 * <p>Thread-safety: stateless; the backend it calls is safe from any thread.
 */
final class CommandExecutor {
    private CommandExecutor() {}

    /**
     * @param callIds maps the backend's call ids to wire ids (the Node's incarnation qualifies them)
     * @return the result to send back; never throws for a backend failure
     */
    static CommandResult execute(Command c, HalBackend backend, LongUnaryOperator callIds) {
        CommandResult.Builder r = CommandResult.newBuilder().setId(c.getId());
        try {
            return r.setDone(run(c, backend, callIds)).build();
        } catch (RuntimeException e) { // the exception is the command's outcome, rethrown on the Server
            return r.setFailure(FailureCodec.encode(e)).build();
        }
    }

    private static Done run(Command c, HalBackend b, LongUnaryOperator callIds) {
        Done.Builder done = Done.newBuilder();
        switch (c.getOpCase()) {
            case SET_IN_SERVICE:
                b.setInService(c.getSetInService().getInService());
                break;
            case ACCEPT:
                b.accept(channel(c.getAccept().getChannel()));
                break;
            case ANSWER:
                b.answer(channel(c.getAnswer().getChannel()));
                break;
            case REJECT:
                b.reject(
                        channel(c.getReject().getChannel()),
                        new Q850Cause(c.getReject().getCause()));
                break;
            case PLACE_CALL: {
                var x = c.getPlaceCall();
                OutboundCall call = new OutboundCall(
                        new DialString(x.getNumber()),
                        x.getCallerId().isEmpty() ? Optional.empty() : Optional.of(new DialString(x.getCallerId())),
                        nanos(x.getTimeoutNanos()));
                done.setCall(callIds.applyAsLong(
                        b.placeCall(channel(x.getChannel()), call).value()));
                break;
            }
            case HANG_UP:
                b.hangUp(
                        channel(c.getHangUp().getChannel()),
                        new Q850Cause(c.getHangUp().getCause()));
                break;
            case PLAY: {
                var x = c.getPlay();
                b.play(channel(x.getChannel()), new PlayRequest(Path.of(x.getFile()), x.getTerminatingDigits()));
                break;
            }
            case RECORD: {
                var x = c.getRecord();
                b.record(
                        channel(x.getChannel()),
                        new RecordRequest(
                                Path.of(x.getFile()),
                                AUDIO_ENCODING.toJava(x.getEncoding(), "record.encoding"),
                                nanos(x.getMaxTimeNanos()),
                                nanos(x.getMaxSilenceNanos()),
                                x.getTerminatingDigits()));
                break;
            }
            case COLLECT_DIGITS: {
                var x = c.getCollectDigits();
                b.collectDigits(
                        channel(x.getChannel()),
                        new DigitRequest(
                                x.getMaxDigits(),
                                nanos(x.getFirstDigitTimeoutNanos()),
                                nanos(x.getInterDigitTimeoutNanos()),
                                x.getTerminatingDigits()));
                break;
            }
            case SEND_DIGITS:
                b.sendDigits(
                        channel(c.getSendDigits().getChannel()),
                        c.getSendDigits().getDigits());
                break;
            case SEND_FAX: {
                var x = c.getSendFax();
                b.sendFax(channel(x.getChannel()), new FaxSendRequest(Path.of(x.getDocument()), x.getLocalId()));
                break;
            }
            case RECEIVE_FAX: {
                var x = c.getReceiveFax();
                b.receiveFax(channel(x.getChannel()), new FaxReceiveRequest(Path.of(x.getOutput()), x.getLocalId()));
                break;
            }
            case STOP_MEDIA:
                b.stopMedia(channel(c.getStopMedia().getChannel()));
                break;
            case SET_BLOCKED:
                b.setBlocked(
                        channel(c.getSetBlocked().getChannel()),
                        c.getSetBlocked().getBlocked());
                break;
            case GET_SPANS: {
                SpanList.Builder l = SpanList.newBuilder();
                for (SpanInfo s : b.spans()) {
                    l.addSpans(span(s));
                }
                done.setSpans(l);
                break;
            }
            case GET_SPAN:
                done.setSpan(span(b.span(span(c.getGetSpan().getSpan()))));
                break;
            case GET_CHANNELS: {
                ChannelList.Builder l = ChannelList.newBuilder();
                for (ChannelInfo ch : b.channels()) {
                    l.addChannels(channel(ch, callIds));
                }
                done.setChannels(l);
                break;
            }
            case GET_CHANNEL:
                done.setChannel(channel(b.channel(channel(c.getGetChannel().getChannel())), callIds));
                break;
            case GET_HISTORY: {
                HistoryList.Builder l = HistoryList.newBuilder();
                for (StateChange s : b.history(channel(c.getGetHistory().getChannel()))) {
                    l.addChanges(ValueCodec.stateChange(s));
                }
                done.setHistory(l);
                break;
            }
            case GET_STATE:
                done.setState(BACKEND_STATE.toProto(b.state()));
                break;
            case OP_NOT_SET:
            default:
                throw new LinkProtocolException("command " + c.getId() + " has no operation (" + c.getOpCase()
                        + "); the Server speaks a newer schema");
        }
        return done.build();
    }
}
