package org.stroom.ports.hal.remote;

import static org.stroom.ports.hal.remote.ValueCodec.CHANNEL_STATE;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stroom.ports.hal.api.ChannelState;
import org.stroom.ports.hal.api.HalException;
import org.stroom.ports.hal.api.VendorException;
import org.stroom.ports.hal.api.WrongStateException;
import org.stroom.ports.hal.remote.proto.Failure;
import org.stroom.ports.hal.remote.proto.VendorDetail;
import org.stroom.ports.hal.remote.proto.WrongStateDetail;

/**
 * Carries the exception a Node's backend threw to the Server and rebuilds it there, so that a
 * caller of {@link RemoteBackend} catches the same type with the same message and fields as with a
 * local backend: {@link WrongStateException} (channel, state, operation, allowed states), {@link
 * VendorException} (vendor, function, device, code, symbol, text), {@link HalException}, and the
 * JDK's argument exceptions. Anything else becomes a {@link HalException} naming the Node and the
 * original class.
 *
 * <p>Thread-safety: stateless.
 */
final class FailureCodec {
    // WrongStateException does not expose the allowed states; its message ends with them (hal-api format).
    private static final Pattern ALLOWED = Pattern.compile("is allowed only when \\[([A-Z_, ]*)\\]$");

    private FailureCodec() {}

    static Failure encode(Throwable t) {
        Failure.Builder b = Failure.newBuilder()
                .setExceptionClass(t.getClass().getName())
                .setMessage(String.valueOf(t.getMessage()));
        if (t instanceof WrongStateException w) {
            WrongStateDetail.Builder d = WrongStateDetail.newBuilder()
                    .setChannel(ValueCodec.channel(w.channel()))
                    .setState(CHANNEL_STATE.toProto(w.state()))
                    .setOperation(w.operation());
            allowed(w.getMessage()).forEach(s -> d.addAllowed(CHANNEL_STATE.toProto(s)));
            b.setWrongState(d);
        } else if (t instanceof VendorException v) {
            b.setVendor(VendorDetail.newBuilder()
                    .setVendor(v.vendor())
                    .setFunction(v.function())
                    .setDevice(v.device())
                    .setCode(v.code())
                    .setSymbol(v.symbol())
                    .setVendorText(v.vendorText()));
        }
        return b.build();
    }

    /**
     * @param f the failure as the Node sent it
     * @param node the Node's name, for exceptions that cannot be rebuilt exactly
     * @return the exception to throw
     */
    static RuntimeException decode(Failure f, String node) {
        switch (f.getDetailCase()) {
            case WRONG_STATE: {
                WrongStateDetail d = f.getWrongState();
                // insertion order, so the rebuilt message lists the states as the Node's did
                Set<ChannelState> allowed = new LinkedHashSet<>();
                d.getAllowedList().forEach(s -> allowed.add(CHANNEL_STATE.toJava(s, "failure.allowed")));
                return new WrongStateException(
                        ValueCodec.channel(d.getChannel()),
                        CHANNEL_STATE.toJava(d.getState(), "failure.state"),
                        d.getOperation(),
                        allowed);
            }
            case VENDOR: {
                VendorDetail v = f.getVendor();
                return new VendorException(
                        v.getVendor(), v.getFunction(), v.getDevice(), v.getCode(), v.getSymbol(), v.getVendorText());
            }
            default:
                break;
        }
        String cls = f.getExceptionClass();
        String message = f.getMessage();
        if (cls.equals(HalException.class.getName())) {
            return new HalException(message);
        }
        if (cls.equals(IllegalArgumentException.class.getName())) {
            return new IllegalArgumentException(message);
        }
        if (cls.equals(IllegalStateException.class.getName())) {
            return new IllegalStateException(message);
        }
        if (cls.equals(NullPointerException.class.getName())) {
            return new NullPointerException(message);
        }
        if (cls.equals(UnsupportedOperationException.class.getName())) {
            return new UnsupportedOperationException(message);
        }
        return new HalException("node " + node + ": " + cls + ": " + message);
    }

    static Set<ChannelState> allowed(String message) {
        Set<ChannelState> out = new LinkedHashSet<>();
        Matcher m = ALLOWED.matcher(message == null ? "" : message);
        if (m.find()) {
            for (String name : m.group(1).split(",")) {
                String s = name.strip();
                if (!s.isEmpty()) {
                    out.add(ChannelState.valueOf(s));
                }
            }
        }
        return out;
    }
}
