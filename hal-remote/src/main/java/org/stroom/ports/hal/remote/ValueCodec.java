package org.stroom.ports.hal.remote;

import com.google.protobuf.ProtocolMessageEnum;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongUnaryOperator;
import org.stroom.ports.hal.api.AudioEncoding;
import org.stroom.ports.hal.api.BackendState;
import org.stroom.ports.hal.api.BoardCapabilities;
import org.stroom.ports.hal.api.BoardId;
import org.stroom.ports.hal.api.BoardInfo;
import org.stroom.ports.hal.api.CallId;
import org.stroom.ports.hal.api.ChannelId;
import org.stroom.ports.hal.api.ChannelInfo;
import org.stroom.ports.hal.api.ChannelState;
import org.stroom.ports.hal.api.FaxModulation;
import org.stroom.ports.hal.api.FaxResult;
import org.stroom.ports.hal.api.PortKind;
import org.stroom.ports.hal.api.SpanInfo;
import org.stroom.ports.hal.api.StateChange;
import org.stroom.ports.hal.api.TerminationReason;
import org.stroom.ports.hal.api.Vendor;
import org.stroom.ports.hal.remote.proto.Board;
import org.stroom.ports.hal.remote.proto.BoardRef;
import org.stroom.ports.hal.remote.proto.Channel;
import org.stroom.ports.hal.remote.proto.ChannelRef;
import org.stroom.ports.hal.remote.proto.Span;
import org.stroom.ports.hal.remote.proto.SpanRef;
import org.stroom.ports.t1.Alarm;
import org.stroom.ports.t1.CircuitId;
import org.stroom.ports.t1.DChannelState;
import org.stroom.ports.t1.DidRange;
import org.stroom.ports.t1.Framing;
import org.stroom.ports.t1.LineBuildOut;
import org.stroom.ports.t1.LineCoding;
import org.stroom.ports.t1.PerformanceCounters;
import org.stroom.ports.t1.PriSwitch;
import org.stroom.ports.t1.Signalling;
import org.stroom.ports.t1.SignallingMode;
import org.stroom.ports.t1.SpanConfig;
import org.stroom.ports.t1.SpanLocation;
import org.stroom.ports.t1.SpanStatus;

/**
 * Converts hal-api and t1-span values to their protobuf messages and back. Decoding runs the
 * records' own validation, so a malformed message fails with the same exception a bad local
 * argument would.
 *
 * <p>Every Java enum constant has a protobuf value named {@code <ENUM_NAME>_<CONSTANT>}; the pairs
 * are checked when this class loads, so a constant added to hal-api without a schema value fails
 * at once instead of on the first event that uses it.
 *
 * <p>Thread-safety: stateless.
 */
final class ValueCodec {
    static final EnumPair<ChannelState, org.stroom.ports.hal.remote.proto.ChannelState> CHANNEL_STATE =
            new EnumPair<>(ChannelState.class, org.stroom.ports.hal.remote.proto.ChannelState.class, "CHANNEL_STATE_");
    static final EnumPair<BackendState, org.stroom.ports.hal.remote.proto.BackendState> BACKEND_STATE =
            new EnumPair<>(BackendState.class, org.stroom.ports.hal.remote.proto.BackendState.class, "BACKEND_STATE_");
    static final EnumPair<PortKind, org.stroom.ports.hal.remote.proto.PortKind> PORT_KIND =
            new EnumPair<>(PortKind.class, org.stroom.ports.hal.remote.proto.PortKind.class, "PORT_KIND_");
    static final EnumPair<Vendor, org.stroom.ports.hal.remote.proto.Vendor> VENDOR =
            new EnumPair<>(Vendor.class, org.stroom.ports.hal.remote.proto.Vendor.class, "VENDOR_");
    static final EnumPair<FaxModulation, org.stroom.ports.hal.remote.proto.FaxModulation> FAX_MODULATION =
            new EnumPair<>(
                    FaxModulation.class, org.stroom.ports.hal.remote.proto.FaxModulation.class, "FAX_MODULATION_");
    static final EnumPair<FaxResult, org.stroom.ports.hal.remote.proto.FaxResult> FAX_RESULT =
            new EnumPair<>(FaxResult.class, org.stroom.ports.hal.remote.proto.FaxResult.class, "FAX_RESULT_");
    static final EnumPair<TerminationReason, org.stroom.ports.hal.remote.proto.TerminationReason> TERMINATION =
            new EnumPair<>(
                    TerminationReason.class,
                    org.stroom.ports.hal.remote.proto.TerminationReason.class,
                    "TERMINATION_REASON_");
    static final EnumPair<AudioEncoding, org.stroom.ports.hal.remote.proto.AudioEncoding> AUDIO_ENCODING =
            new EnumPair<>(
                    AudioEncoding.class, org.stroom.ports.hal.remote.proto.AudioEncoding.class, "AUDIO_ENCODING_");
    static final EnumPair<Alarm, org.stroom.ports.hal.remote.proto.Alarm> ALARM =
            new EnumPair<>(Alarm.class, org.stroom.ports.hal.remote.proto.Alarm.class, "ALARM_");
    static final EnumPair<DChannelState, org.stroom.ports.hal.remote.proto.DChannelState> D_CHANNEL = new EnumPair<>(
            DChannelState.class, org.stroom.ports.hal.remote.proto.DChannelState.class, "D_CHANNEL_STATE_");
    static final EnumPair<Framing, org.stroom.ports.hal.remote.proto.Framing> FRAMING =
            new EnumPair<>(Framing.class, org.stroom.ports.hal.remote.proto.Framing.class, "FRAMING_");
    static final EnumPair<LineCoding, org.stroom.ports.hal.remote.proto.LineCoding> LINE_CODING =
            new EnumPair<>(LineCoding.class, org.stroom.ports.hal.remote.proto.LineCoding.class, "LINE_CODING_");
    static final EnumPair<SignallingMode, org.stroom.ports.hal.remote.proto.SignallingMode> SIGNALLING_MODE =
            new EnumPair<>(
                    SignallingMode.class, org.stroom.ports.hal.remote.proto.SignallingMode.class, "SIGNALLING_MODE_");
    static final EnumPair<Signalling, org.stroom.ports.hal.remote.proto.Signalling> SIGNALLING =
            new EnumPair<>(Signalling.class, org.stroom.ports.hal.remote.proto.Signalling.class, "SIGNALLING_");
    static final EnumPair<PriSwitch, org.stroom.ports.hal.remote.proto.PriSwitch> PRI_SWITCH =
            new EnumPair<>(PriSwitch.class, org.stroom.ports.hal.remote.proto.PriSwitch.class, "PRI_SWITCH_");
    static final EnumPair<LineBuildOut, org.stroom.ports.hal.remote.proto.LineBuildOut> LINE_BUILD_OUT =
            new EnumPair<>(LineBuildOut.class, org.stroom.ports.hal.remote.proto.LineBuildOut.class, "LINE_BUILD_OUT_");

    /** Every pair, for tests that walk them all. */
    static final List<EnumPair<?, ?>> ALL_ENUMS = List.of(
            CHANNEL_STATE,
            BACKEND_STATE,
            PORT_KIND,
            VENDOR,
            FAX_MODULATION,
            FAX_RESULT,
            TERMINATION,
            AUDIO_ENCODING,
            ALARM,
            D_CHANNEL,
            FRAMING,
            LINE_CODING,
            SIGNALLING_MODE,
            SIGNALLING,
            PRI_SWITCH,
            LINE_BUILD_OUT);

    private ValueCodec() {}

    /**
     * A Java enum and its protobuf twin, matched by name.
     *
     * <p>Thread-safety: immutable after construction.
     */
    static final class EnumPair<J extends Enum<J>, P extends Enum<P> & ProtocolMessageEnum> {
        private final Class<J> javaType;
        private final Map<J, P> toProto;
        private final Map<P, J> toJava = new HashMap<>();

        EnumPair(Class<J> javaType, Class<P> protoType, String prefix) {
            this.javaType = javaType;
            this.toProto = new EnumMap<>(javaType);
            for (J j : javaType.getEnumConstants()) {
                P p;
                try {
                    p = Enum.valueOf(protoType, prefix + j.name());
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException("hal_remote.proto enum " + protoType.getSimpleName() + " lacks "
                            + prefix + j.name() + " for " + javaType.getName() + "." + j.name()
                            + ": add it to the schema");
                }
                toProto.put(j, p);
                toJava.put(p, j);
            }
        }

        Class<J> javaType() {
            return javaType;
        }

        P toProto(J value) {
            return toProto.get(java.util.Objects.requireNonNull(value, javaType.getSimpleName()));
        }

        /** Null maps to the UNSPECIFIED value (number 0). */
        P toProtoOrUnspecified(J value, P unspecified) {
            return value == null ? unspecified : toProto.get(value);
        }

        J toJava(P value, String field) {
            J j = toJava.get(value);
            if (j == null) {
                throw new LinkProtocolException(field + ": " + value + " is not a " + javaType.getSimpleName()
                        + " this Server knows; the peer speaks a newer schema");
            }
            return j;
        }

        /** UNSPECIFIED (number 0) maps to null. */
        J toJavaOrNull(P value, String field) {
            return value.getNumber() == 0 ? null : toJava(value, field);
        }
    }

    // ---------------------------------------------------------------- ids

    static SpanRef span(SpanLocation s) {
        return SpanRef.newBuilder()
                .setMachine(s.machine())
                .setBoard(s.board())
                .setPort(s.port())
                .build();
    }

    static SpanLocation span(SpanRef s) {
        return new SpanLocation(s.getMachine(), s.getBoard(), s.getPort());
    }

    static ChannelRef channel(ChannelId c) {
        return ChannelRef.newBuilder().setSpan(span(c.span())).setDs0(c.ds0()).build();
    }

    static ChannelId channel(ChannelRef c) {
        return new ChannelId(span(c.getSpan()), c.getDs0());
    }

    static BoardRef board(BoardId b) {
        return BoardRef.newBuilder().setMachine(b.machine()).setBoard(b.board()).build();
    }

    static BoardId board(BoardRef b) {
        return new BoardId(b.getMachine(), b.getBoard());
    }

    static CallId call(long value, String field) {
        if (value <= 0) {
            throw new LinkProtocolException(field + ": call id " + value + " is not positive");
        }
        return new CallId(value);
    }

    static Duration nanos(long n) {
        return Duration.ofNanos(n);
    }

    // ---------------------------------------------------------------- inventory

    static Board board(BoardInfo b) {
        BoardCapabilities c = b.capabilities();
        org.stroom.ports.hal.remote.proto.BoardCapabilities.Builder caps =
                org.stroom.ports.hal.remote.proto.BoardCapabilities.newBuilder()
                        .setMaxFaxBps(c.maxFaxBps())
                        .setT38(c.t38())
                        .setVoicePlay(c.voicePlay())
                        .setVoiceRecord(c.voiceRecord())
                        .setDtmf(c.dtmf())
                        .setToneDetection(c.toneDetection())
                        .setChannelCount(c.channelCount())
                        .setFaxChannels(c.faxChannels())
                        .setVoiceChannels(c.voiceChannels());
        for (FaxModulation m : sorted(c.faxModulations())) {
            caps.addFaxModulations(FAX_MODULATION.toProto(m));
        }
        Board.Builder out = Board.newBuilder()
                .setId(board(b.id()))
                .setVendor(VENDOR.toProto(b.vendor()))
                .setModel(b.model())
                .setSerial(b.serial())
                .setSlot(b.slot())
                .setCapabilities(caps);
        b.spans().forEach(s -> out.addSpans(span(s)));
        return out.build();
    }

    static BoardInfo board(Board b) {
        org.stroom.ports.hal.remote.proto.BoardCapabilities c = b.getCapabilities();
        Set<FaxModulation> modulations = EnumSet.noneOf(FaxModulation.class);
        c.getFaxModulationsList().forEach(m -> modulations.add(FAX_MODULATION.toJava(m, "board.faxModulations")));
        List<SpanLocation> spans = new ArrayList<>();
        b.getSpansList().forEach(s -> spans.add(span(s)));
        return new BoardInfo(
                board(b.getId()),
                VENDOR.toJava(b.getVendor(), "board.vendor"),
                b.getModel(),
                b.getSerial(),
                b.getSlot(),
                spans,
                new BoardCapabilities(
                        modulations,
                        c.getMaxFaxBps(),
                        c.getT38(),
                        c.getVoicePlay(),
                        c.getVoiceRecord(),
                        c.getDtmf(),
                        c.getToneDetection(),
                        c.getChannelCount(),
                        c.getFaxChannels(),
                        c.getVoiceChannels()));
    }

    static Span span(SpanInfo s) {
        Span.Builder out = Span.newBuilder().setLocation(span(s.location()));
        s.config().ifPresent(c -> out.setConfig(spanConfig(c)));
        org.stroom.ports.hal.remote.proto.SpanStatus.Builder status =
                org.stroom.ports.hal.remote.proto.SpanStatus.newBuilder()
                        .setInService(s.status().inService())
                        .setDChannel(D_CHANNEL.toProto(s.status().dChannel()));
        sorted(s.status().alarms()).forEach(a -> status.addAlarms(ALARM.toProto(a)));
        PerformanceCounters p = s.counters();
        return out.setStatus(status)
                .setCounters(org.stroom.ports.hal.remote.proto.PerformanceCounters.newBuilder()
                        .setBipolarViolations(p.bipolarViolations())
                        .setCrcErrors(p.crcErrors())
                        .setFramingErrors(p.framingErrors())
                        .setErroredSeconds(p.erroredSeconds())
                        .setSeverelyErroredSeconds(p.severelyErroredSeconds())
                        .setSeconds(p.seconds()))
                .build();
    }

    static SpanInfo span(Span s) {
        org.stroom.ports.hal.remote.proto.SpanStatus st = s.getStatus();
        Set<Alarm> alarms = EnumSet.noneOf(Alarm.class);
        st.getAlarmsList().forEach(a -> alarms.add(ALARM.toJava(a, "span.status.alarms")));
        org.stroom.ports.hal.remote.proto.PerformanceCounters p = s.getCounters();
        return new SpanInfo(
                span(s.getLocation()),
                s.hasConfig() ? Optional.of(spanConfig(s.getConfig())) : Optional.empty(),
                new SpanStatus(st.getInService(), alarms, D_CHANNEL.toJava(st.getDChannel(), "span.status.dChannel")),
                new PerformanceCounters(
                        p.getBipolarViolations(),
                        p.getCrcErrors(),
                        p.getFramingErrors(),
                        p.getErroredSeconds(),
                        p.getSeverelyErroredSeconds(),
                        p.getSeconds()));
    }

    static org.stroom.ports.hal.remote.proto.SpanConfig spanConfig(SpanConfig c) {
        org.stroom.ports.hal.remote.proto.SpanConfig.Builder out =
                org.stroom.ports.hal.remote.proto.SpanConfig.newBuilder()
                        .setFraming(FRAMING.toProtoOrUnspecified(
                                c.framing(), org.stroom.ports.hal.remote.proto.Framing.FRAMING_UNSPECIFIED))
                        .setLineCoding(LINE_CODING.toProtoOrUnspecified(
                                c.lineCoding(), org.stroom.ports.hal.remote.proto.LineCoding.LINE_CODING_UNSPECIFIED))
                        .setSignallingMode(SIGNALLING_MODE.toProtoOrUnspecified(
                                c.signallingMode(),
                                org.stroom.ports.hal.remote.proto.SignallingMode.SIGNALLING_MODE_UNSPECIFIED))
                        .setSignalling(SIGNALLING.toProtoOrUnspecified(
                                c.signalling(), org.stroom.ports.hal.remote.proto.Signalling.SIGNALLING_UNSPECIFIED))
                        .setPriSwitch(PRI_SWITCH.toProtoOrUnspecified(
                                c.priSwitch(), org.stroom.ports.hal.remote.proto.PriSwitch.PRI_SWITCH_UNSPECIFIED))
                        .setClockPriority(c.clockPriority())
                        .setLineBuildOut(LINE_BUILD_OUT.toProtoOrUnspecified(
                                c.lineBuildOut(),
                                org.stroom.ports.hal.remote.proto.LineBuildOut.LINE_BUILD_OUT_UNSPECIFIED));
        if (c.circuitId() != null) {
            out.setCircuitId(c.circuitId().value());
        }
        for (DidRange d : c.didRanges()) {
            out.addDidRanges(org.stroom.ports.hal.remote.proto.DidRange.newBuilder()
                    .setFirst(d.first())
                    .setLast(d.last()));
        }
        for (Integer ts : c.unprovisionedTimeslots()) {
            if (ts != null) { // the record tolerates nulls; Ds0Layout ignores them, so they carry no meaning
                out.addUnprovisionedTimeslots(ts);
            }
        }
        return out.build();
    }

    static SpanConfig spanConfig(org.stroom.ports.hal.remote.proto.SpanConfig c) {
        List<DidRange> dids = new ArrayList<>();
        c.getDidRangesList().forEach(d -> dids.add(new DidRange(d.getFirst(), d.getLast())));
        return new SpanConfig(
                c.hasCircuitId() ? new CircuitId(c.getCircuitId()) : null,
                FRAMING.toJavaOrNull(c.getFraming(), "spanConfig.framing"),
                LINE_CODING.toJavaOrNull(c.getLineCoding(), "spanConfig.lineCoding"),
                SIGNALLING_MODE.toJavaOrNull(c.getSignallingMode(), "spanConfig.signallingMode"),
                SIGNALLING.toJavaOrNull(c.getSignalling(), "spanConfig.signalling"),
                PRI_SWITCH.toJavaOrNull(c.getPriSwitch(), "spanConfig.priSwitch"),
                c.getClockPriority(),
                LINE_BUILD_OUT.toJavaOrNull(c.getLineBuildOut(), "spanConfig.lineBuildOut"),
                dids,
                new ArrayList<>(c.getUnprovisionedTimeslotsList()));
    }

    /**
     * @param callIds how the sender's call ids map onto the wire (identity on the Server)
     */
    static Channel channel(ChannelInfo c, LongUnaryOperator callIds) {
        Channel.Builder out = Channel.newBuilder()
                .setId(channel(c.id()))
                .setState(CHANNEL_STATE.toProto(c.state()))
                .setCall(c.call().map(id -> callIds.applyAsLong(id.value())).orElse(0L));
        sorted(c.kinds()).forEach(k -> out.addKinds(PORT_KIND.toProto(k)));
        return out.build();
    }

    static ChannelInfo channel(Channel c) {
        Set<PortKind> kinds = EnumSet.noneOf(PortKind.class);
        c.getKindsList().forEach(k -> kinds.add(PORT_KIND.toJava(k, "channel.kinds")));
        return new ChannelInfo(
                channel(c.getId()),
                kinds,
                CHANNEL_STATE.toJava(c.getState(), "channel.state"),
                c.getCall() == 0 ? Optional.empty() : Optional.of(call(c.getCall(), "channel.call")));
    }

    static org.stroom.ports.hal.remote.proto.StateChange stateChange(StateChange s) {
        return org.stroom.ports.hal.remote.proto.StateChange.newBuilder()
                .setFrom(CHANNEL_STATE.toProto(s.from()))
                .setTo(CHANNEL_STATE.toProto(s.to()))
                .setAtNanos(s.atNanos())
                .setReason(s.reason())
                .build();
    }

    static StateChange stateChange(org.stroom.ports.hal.remote.proto.StateChange s) {
        return new StateChange(
                CHANNEL_STATE.toJava(s.getFrom(), "stateChange.from"),
                CHANNEL_STATE.toJava(s.getTo(), "stateChange.to"),
                s.getAtNanos(),
                s.getReason());
    }

    private static <E extends Enum<E>> List<E> sorted(Set<E> values) {
        return values.isEmpty() ? List.of() : List.copyOf(EnumSet.copyOf(values));
    }
}
