package org.stroom.ports.hal.dialogic.event;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.stroom.ports.hal.dialogic.jna.DeviceKind;
import org.stroom.ports.hal.dialogic.jna.RawSrlEvent;

/**
 * Text form of recorded SRL events, one per line: {@code KIND device type crn result count data}, numbers
 * in decimal except type/crn/result in hex, data as hex or {@code -}. Lines starting with {@code #} are
 * comments.
 *
 * <p>Thread-safety: stateless.
 */
public final class EventFixtures {
    private EventFixtures() {}

    /**
     * A recorded event with the kind its device had when it was recorded.
     *
     * <p>Thread-safety: immutable.
     *
     * @param kind device kind
     * @param raw the event
     */
    public record Recorded(DeviceKind kind, RawSrlEvent raw) {}

    /** @return one fixture line for the event */
    public static String format(Recorded r) {
        RawSrlEvent e = r.raw();
        byte[] d = e.data();
        return r.kind() + " " + e.device() + " 0x" + Long.toHexString(e.type()) + " 0x" + Long.toHexString(e.crn())
                + " 0x" + Long.toHexString(e.result()) + " " + e.count() + " "
                + (d.length == 0 ? "-" : HexFormat.of().formatHex(d));
    }

    /** @return the events of a fixture text */
    public static List<Recorded> parse(String text) {
        List<Recorded> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            String[] f = t.split("\\s+");
            if (f.length != 7) {
                throw new IllegalArgumentException("fixture line needs 7 fields, got " + f.length + ": " + t);
            }
            out.add(new Recorded(
                    DeviceKind.valueOf(f[0]),
                    new RawSrlEvent(
                            Long.parseLong(f[1]),
                            hex(f[2]),
                            hex(f[3]),
                            hex(f[4]),
                            Long.parseLong(f[5]),
                            f[6].equals("-") ? new byte[0] : HexFormat.of().parseHex(f[6]))));
        }
        return out;
    }

    /** @return the events of a classpath fixture under {@code /fixtures/} */
    public static List<Recorded> load(String name) {
        try (InputStream in = EventFixtures.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture /fixtures/" + name + " on the test classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read fixture " + name, e);
        }
    }

    private static long hex(String s) {
        return Long.parseUnsignedLong(s.substring(2), 16);
    }
}
