package org.stroom.ports.hal.brooktrout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.stroom.ports.hal.api.HalException;
import org.stroom.ports.hal.api.spi.BackendOptions;
import org.stroom.ports.hal.brooktrout.config.BrooktroutConfigParser;
import org.stroom.ports.hal.brooktrout.config.SpanImport;
import org.stroom.ports.hal.brooktrout.config.SpanImport.ImportedSpan;
import org.stroom.ports.hal.brooktrout.jna.BfvModel;
import org.stroom.ports.t1.AlarmTimings;

/**
 * The backend's configuration, read from {@link BackendOptions} properties (each falls back to the JVM
 * system property of the same name):
 *
 * <ul>
 *   <li>{@value #CALLCTRL} (required): path of the call-control file whose {@code [module.N/port.M]} T1
 *       sections define the spans; module N is the Bfv module number and becomes the board number.
 *   <li>{@code brooktrout.board.N.model}: {@code TR1034-1T1}, {@code -2T1} or {@code -4T1} for module N;
 *       default the smallest model that has the highest configured port.
 *   <li>{@value #TIME_SCALE}: wall-clock seconds per second of the backend's clock (default 1). Wall-clock
 *       waits the backend hands to the library are multiplied by it; used with the emulator's time scale
 *       and a line-time clock so tests run fast. Leave at 1 on real boards. Alarm integration runs on the
 *       injected clock ({@link BackendOptions#clock()}) with the default t1-span timings.
 *   <li>{@value #START_WINDOW}: how long an operation waits for the library to refuse it synchronously
 *       before it counts as started (default 100 ms).
 *   <li>{@code brooktrout.lib}, {@code brooktrout.shim.lib}, {@code brooktrout.model.*}: see {@link
 *       BfvModel}.
 * </ul>
 *
 * @param model the Bfv value table and library names
 * @param spans imported T1 spans, in file order
 * @param boards board model per module number, ascending
 * @param timeScale wall-clock per line time, &gt; 0
 * @param startWindow synchronous-refusal window
 * @param alarmTimings alarm integration times on the backend's clock
 *     <p>Thread-safety: immutable.
 */
public record BrooktroutSettings(
        BfvModel model,
        List<ImportedSpan> spans,
        Map<Integer, BoardModel> boards,
        double timeScale,
        Duration startWindow,
        AlarmTimings alarmTimings) {

    /** Property naming the call-control file. */
    public static final String CALLCTRL = "brooktrout.callctrl";

    /** Property with the wall-clock-per-line-time factor. */
    public static final String TIME_SCALE = "brooktrout.timeScale";

    /** Property with the synchronous-refusal window in milliseconds. */
    public static final String START_WINDOW = "brooktrout.startWindowMs";

    /** Copies the collections. */
    public BrooktroutSettings {
        spans = List.copyOf(spans);
        boards = Map.copyOf(boards);
    }

    /**
     * @param options backend options; never null
     * @return the settings
     * @throws HalException naming the property or file line that is wrong, and what to set
     */
    public static BrooktroutSettings from(BackendOptions options) {
        Properties p = new Properties();
        p.putAll(System.getProperties());
        options.properties().forEach(p::setProperty);
        BfvModel model;
        try {
            model = BfvModel.fromProperties(p);
        } catch (IllegalArgumentException e) {
            throw new HalException("brooktrout: " + e.getMessage(), e);
        }
        String file = options.property(CALLCTRL)
                .orElseThrow(() -> new HalException("brooktrout: no board configuration; set " + CALLCTRL
                        + "=<path of the call-control file with [module.N/port.M] sections>"));
        String text;
        try {
            text = Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new HalException("brooktrout: cannot read " + CALLCTRL + "=" + file + ": " + e.getMessage(), e);
        }
        List<ImportedSpan> spans = SpanImport.toSpans(BrooktroutConfigParser.parseCallControl(
                Path.of(file).getFileName().toString(), text));
        if (spans.isEmpty()) {
            throw new HalException(
                    "brooktrout: " + file + " configures no T1 span; add a [module.N/port.M] section with protocol=isdn"
                            + " or a rbs_* protocol");
        }
        Map<Integer, Integer> highestPort = new TreeMap<>();
        for (ImportedSpan s : spans) {
            highestPort.merge(s.port().module(), s.port().port(), Math::max);
        }
        Map<Integer, BoardModel> boards = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<Integer, Integer> e : highestPort.entrySet()) {
            String key = "brooktrout.board." + e.getKey() + ".model";
            BoardModel m = options.property(key)
                    .map(name -> BoardModel.byName(name)
                            .orElseThrow(() -> new HalException("brooktrout: " + key + "=" + name
                                    + " is not a known board; use one of " + BoardModel.names())))
                    .orElseGet(() -> BoardModel.smallestWith(e.getValue()).orElseThrow());
            if (m.spans() < e.getValue()) {
                problems.add("module " + e.getKey() + " configures port " + e.getValue() + " but " + key + "="
                        + m.modelName() + " has " + m.spans() + " span(s)");
            }
            boards.put(e.getKey(), m);
        }
        if (!problems.isEmpty()) {
            throw new HalException("brooktrout: " + String.join("; ", problems));
        }
        double scale = number(options, TIME_SCALE, 1.0);
        long window = (long) number(options, START_WINDOW, 100);
        return new BrooktroutSettings(model, spans, boards, scale, Duration.ofMillis(window), AlarmTimings.DEFAULT);
    }

    private static double number(BackendOptions options, String key, double dflt) {
        String v = options.property(key).orElse(null);
        if (v == null) {
            return dflt;
        }
        try {
            double d = Double.parseDouble(v.strip());
            if (!(d > 0) || Double.isInfinite(d)) {
                throw new NumberFormatException("not positive");
            }
            return d;
        } catch (NumberFormatException e) {
            throw new HalException("brooktrout: " + key + "=" + v + " must be a positive number", e);
        }
    }

    private static Duration scaled(Duration d, double scale) {
        return Duration.ofNanos(Math.round(d.toNanos() * scale));
    }

    /**
     * @param lineTime a duration of line time
     * @return the wall-clock duration the library should wait for it
     */
    public Duration wallClock(Duration lineTime) {
        return scaled(lineTime, timeScale);
    }
}
