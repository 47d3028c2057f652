package org.stroom.ports.hal.dialogic;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.stroom.ports.hal.api.BoardId;
import org.stroom.ports.hal.api.ChannelId;
import org.stroom.ports.hal.api.HalException;
import org.stroom.ports.hal.api.spi.BackendOptions;
import org.stroom.ports.hal.dialogic.jna.DialogicLibraries;
import org.stroom.ports.t1.Ds0Layout;
import org.stroom.ports.t1.Signalling;
import org.stroom.ports.t1.SpanLocation;

/**
 * The Dialogic backend's configuration, read from {@link BackendOptions} properties (falling back to
 * JVM system properties of the same name):
 *
 * <pre>
 * dialogic.boards      comma-separated board models, in board order   default D/480JCT-2T1
 *                      (D/240JCT-T1: 1 T1; D/480JCT-2T1, DM/V480A-2T1: 2 T1)
 * dialogic.signalling  ISDN_PRI, EM_WINK_START, EM_IMMEDIATE,           default ISDN_PRI
 *                      LOOP_START or GROUND_START (every span)
 * dialogic.protocol    GlobalCall protocol name for the P_ part         default ISDN (PRI), pdk_us_mf_io (CAS)
 * dialogic.timeScale   real milliseconds per millisecond of the         default 1
 *                      backend clock (less than 1 only against the emulator running faster than real time)
 * dialogic.lib.*       library names, see {@link DialogicLibraries}
 * </pre>
 *
 * Trunks are numbered across boards in order ({@code dtiB1}, {@code dtiB2}, ...); timeslot {@code t} of
 * trunk {@code n} uses voice channel {@code dxxxB{k/4+1}C{k%4+1}} with {@code k = (n-1)*24 + t-1}, the
 * field mapping of the fact sheet (section 2.1).
 *
 * <p>Thread-safety: immutable.
 *
 * @param machine machine the boards live on
 * @param boards board models, in board order (board numbers from 0)
 * @param signalling signalling of every span
 * @param protocol GlobalCall protocol name
 * @param realMsPerClockMs time scale between the backend clock and real time
 * @param libraries library names
 */
public record DialogicSettings(
        String machine,
        List<String> boards,
        Signalling signalling,
        String protocol,
        double realMsPerClockMs,
        DialogicLibraries.Names libraries) {

    /** Property naming the board models. */
    public static final String BOARDS = "dialogic.boards";
    /** Property naming the signalling of every span. */
    public static final String SIGNALLING = "dialogic.signalling";
    /** Property naming the GlobalCall protocol. */
    public static final String PROTOCOL = "dialogic.protocol";
    /** Property giving real milliseconds per backend-clock millisecond. */
    public static final String TIME_SCALE = "dialogic.timeScale";

    private static final Map<String, Integer> SPANS_PER_MODEL =
            Map.of("D/240JCT-T1", 1, "D/480JCT-2T1", 2, "DM/V480A-2T1", 2);

    /** Rejects models without a known span count and a non-positive time scale. */
    public DialogicSettings {
        Objects.requireNonNull(machine, "machine");
        boards = List.copyOf(boards);
        Objects.requireNonNull(signalling, "signalling");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(libraries, "libraries");
        if (boards.isEmpty()) {
            throw new HalException(BOARDS + " lists no board; name at least one of " + SPANS_PER_MODEL.keySet());
        }
        for (String b : boards) {
            if (!SPANS_PER_MODEL.containsKey(b)) {
                throw new HalException(
                        BOARDS + ": unknown board model '" + b + "'; supported: " + SPANS_PER_MODEL.keySet());
            }
        }
        if (!(realMsPerClockMs > 0) || realMsPerClockMs > 1000) {
            throw new HalException(TIME_SCALE + " must be in (0, 1000], got " + realMsPerClockMs);
        }
    }

    /**
     * @return the settings in {@code options}
     * @throws HalException naming the property when a value is not valid
     */
    public static DialogicSettings from(BackendOptions options) {
        String boards = options.property(BOARDS).orElse("D/480JCT-2T1");
        List<String> models = new ArrayList<>();
        for (String m : boards.split(",", -1)) {
            models.add(m.strip().toUpperCase(Locale.ROOT));
        }
        String sig = options.property(SIGNALLING).orElse(Signalling.ISDN_PRI.name());
        Signalling signalling;
        try {
            signalling = Signalling.valueOf(sig.strip());
        } catch (IllegalArgumentException e) {
            throw new HalException(
                    SIGNALLING + ": unknown signalling '" + sig + "'; use one of " + List.of(Signalling.values()));
        }
        String protocol = options.property(PROTOCOL)
                .orElse(signalling == Signalling.ISDN_PRI ? "ISDN" : "pdk_us_mf_io")
                .strip();
        if (protocol.isEmpty() || !protocol.matches("[A-Za-z0-9_]+")) {
            throw new HalException(PROTOCOL + ": '" + protocol + "' is not a GlobalCall protocol name");
        }
        String scale = options.property(TIME_SCALE).orElse("1");
        double realMsPerClockMs;
        try {
            realMsPerClockMs = Double.parseDouble(scale.strip());
        } catch (NumberFormatException e) {
            throw new HalException(TIME_SCALE + ": '" + scale + "' is not a number");
        }
        String machine = options.machine();
        if (machine.isBlank()) {
            throw new HalException("machine name is blank; give the Server or Node name");
        }
        DialogicLibraries.Names names;
        try {
            DialogicLibraries.Names d = DialogicLibraries.Names.defaults();
            names = new DialogicLibraries.Names(
                    options.property(DialogicLibraries.PROPERTY_PREFIX + "srl").orElse(d.srl()),
                    options.property(DialogicLibraries.PROPERTY_PREFIX + "gc").orElse(d.gc()),
                    options.property(DialogicLibraries.PROPERTY_PREFIX + "dxxx").orElse(d.dxxx()),
                    options.property(DialogicLibraries.PROPERTY_PREFIX + "dti").orElse(d.dti()),
                    options.property(DialogicLibraries.PROPERTY_PREFIX + "fax").orElse(d.fax()));
        } catch (IllegalArgumentException e) {
            throw new HalException(e.getMessage(), e);
        }
        return new DialogicSettings(machine, models, signalling, protocol, realMsPerClockMs, names);
    }

    /**
     * One digital trunk.
     *
     * <p>Thread-safety: immutable.
     *
     * @param number trunk number in device names ({@code dtiB<number>}), from 1
     * @param location span position (board from 0, port from 1)
     * @param model board model
     */
    public record Trunk(int number, SpanLocation location, String model) {}

    /** @return every trunk, in board and port order */
    public List<Trunk> trunks() {
        List<Trunk> out = new ArrayList<>();
        int n = 1;
        for (int b = 0; b < boards.size(); b++) {
            for (int p = 1; p <= SPANS_PER_MODEL.get(boards.get(b)); p++) {
                out.add(new Trunk(n++, new SpanLocation(machine, b, p), boards.get(b)));
            }
        }
        return out;
    }

    /** @return the spans of board {@code board}, in port order */
    public List<SpanLocation> spansOf(BoardId board) {
        return trunks().stream()
                .map(Trunk::location)
                .filter(l -> l.board() == board.board())
                .toList();
    }

    /**
     * @return the trunk number carrying {@code span}
     * @throws HalException when no configured trunk has that location
     */
    public int trunkOf(SpanLocation span) {
        return trunks().stream()
                .filter(t -> t.location().equals(span))
                .findFirst()
                .orElseThrow(() -> new HalException("no Dialogic span " + span + " on this backend"))
                .number();
    }

    /** @return the voice channel name a timeslot uses, e.g. {@code dxxxB1C1} */
    public String voiceChannel(ChannelId channel) {
        int k = (trunkOf(channel.span()) - 1) * Ds0Layout.TIMESLOTS + channel.ds0() - 1;
        return "dxxxB" + (k / 4 + 1) + "C" + (k % 4 + 1);
    }

    /** @return the GlobalCall device name of a timeslot, e.g. {@code :N_dtiB1T1:P_ISDN:V_dxxxB1C1} */
    public String lineDevice(ChannelId channel) {
        return ":N_dtiB" + trunkOf(channel.span()) + "T" + channel.ds0() + ":P_" + protocol + ":V_"
                + voiceChannel(channel);
    }

    /** @return how many T1 trunks the boards have */
    public int trunkCount() {
        return trunks().size();
    }
}
