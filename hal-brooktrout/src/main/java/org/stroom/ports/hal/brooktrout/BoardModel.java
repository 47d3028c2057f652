package org.stroom.ports.hal.brooktrout;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.stroom.ports.hal.api.BoardCapabilities;
import org.stroom.ports.hal.api.FaxModulation;
import org.stroom.ports.t1.Ds0Layout;

/**
 * TR1034 T1 board variants. The 1/2/4-span variants and "up to 30/60/120 channels" come from vendor
 * product listings (facts §18, not verified); channel counts here are 24 per T1 span. Fax and voice run
 * on every channel and the fax modem is modelled as V.17 14.4 kbit/s.
 *
 * <p>Thread-safety: immutable.
 */
public enum BoardModel {
    /** One T1 span, 24 channels. */
    TR1034_1T1("TR1034-1T1", 1),
    /** Two T1 spans, 48 channels. */
    TR1034_2T1("TR1034-2T1", 2),
    /** Four T1 spans, 96 channels. */
    TR1034_4T1("TR1034-4T1", 4);

    private final String modelName;
    private final int spans;

    BoardModel(String modelName, int spans) {
        this.modelName = modelName;
        this.spans = spans;
    }

    /** @return the model name as written in configuration, e.g. {@code "TR1034-4T1"} */
    public String modelName() {
        return modelName;
    }

    /** @return T1 spans (ports) on the board */
    public int spans() {
        return spans;
    }

    /** @return channels the board terminates: 24 per span */
    public int channels() {
        return spans * Ds0Layout.TIMESLOTS;
    }

    /** @return what the board can do (fax and voice on every channel; modelled) */
    public BoardCapabilities capabilities() {
        return new BoardCapabilities(
                EnumSet.of(FaxModulation.V27TER, FaxModulation.V29, FaxModulation.V17),
                FaxModulation.V17.maxBps(),
                false,
                true,
                true,
                true,
                true,
                channels(),
                channels(),
                channels());
    }

    /**
     * @param name a model name, case-insensitive, e.g. {@code "tr1034-2t1"}
     * @return the model, if known
     */
    public static Optional<BoardModel> byName(String name) {
        return Arrays.stream(values())
                .filter(m -> m.modelName.equalsIgnoreCase(name.strip()))
                .findFirst();
    }

    /**
     * @param highestPort the highest port number configured on the module
     * @return the smallest model with that port
     */
    public static Optional<BoardModel> smallestWith(int highestPort) {
        return Arrays.stream(values()).filter(m -> m.spans >= highestPort).findFirst();
    }

    /** @return every model name, for messages */
    public static String names() {
        return Arrays.stream(values())
                .map(m -> m.modelName.toUpperCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
    }
}
