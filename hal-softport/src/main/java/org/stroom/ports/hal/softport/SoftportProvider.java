package org.stroom.ports.hal.softport;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.stroom.ports.hal.api.HalBackend;
import org.stroom.ports.hal.api.HalException;
import org.stroom.ports.hal.api.spi.Availability;
import org.stroom.ports.hal.api.spi.BackendOptions;
import org.stroom.ports.hal.api.spi.BackendProvider;
import org.stroom.ports.t1.CircuitId;
import org.stroom.ports.t1.DidRange;
import org.stroom.ports.t1.PriSwitch;
import org.stroom.ports.t1.SpanConfig;

/**
 * The simulator as a {@link BackendProvider}: id {@value SoftBackend#ID}, simulated, priority 0, so
 * {@link org.stroom.ports.hal.api.Hal} chooses it only when simulated backends are allowed and no
 * real one is available, or when it is named.
 *
 * <p>Options (from {@link BackendOptions#property}):
 *
 * <ul>
 *   <li>{@code softport.boards} — comma-separated {@link BoardModel} names, default {@code
 *       TR1034_4T1}; e.g. {@code "TR1034_4T1,D480JCT_2T1"}. Every span port gets an NI-2 ISDN PRI
 *       circuit with circuit id {@code SOFT-<machine>-B<board>-S<port>} and 100 DIDs.
 *   <li>{@code softport.didBase} — first DID of the machine, 10 digits, default {@code
 *       3125550000}; span n (counted over all boards from 0) gets {@code base + 100·n ..
 *       base + 100·n + 99}. Give each machine of a system its own base.
 *   <li>{@code softport.seed} — the backend's seed, default 1.
 * </ul>
 *
 * <p>Time: when {@link BackendOptions#clock()} is a {@link Scheduler} ({@link VirtualClock} or
 * {@link RealTimeClock}) the backend runs on it; otherwise it gets its own {@link RealTimeClock} at
 * 1×, closed with the backend.
 *
 * <p>Thread-safety: stateless; safe from any thread.
 */
public final class SoftportProvider implements BackendProvider {
    /** Property naming the boards. */
    public static final String BOARDS = "softport.boards";
    /** Property giving the first DID. */
    public static final String DID_BASE = "softport.didBase";
    /** Property giving the seed. */
    public static final String SEED = "softport.seed";

    /** Creates the provider (used by {@link java.util.ServiceLoader}). */
    public SoftportProvider() {}

    @Override
    public String id() {
        return SoftBackend.ID;
    }

    @Override
    public int priority() {
        return 0;
    }

    @Override
    public boolean simulated() {
        return true;
    }

    @Override
    public Availability probe(BackendOptions options) {
        try {
            models(options);
            didBase(options);
            seed(options);
            return Availability.available();
        } catch (RuntimeException e) { // a probe reports, never throws
            return Availability.unavailable(e.getMessage());
        }
    }

    @Override
    public HalBackend open(BackendOptions options) {
        List<BoardModel> models = models(options);
        long base = didBase(options);
        SoftBackend.Builder b = SoftBackend.builder(options.machine()).seed(seed(options));
        if (options.clock() instanceof Scheduler s) {
            b.clock(s);
        } else {
            RealTimeClock own = new RealTimeClock(1.0);
            b.clock(own).closeWithBackend(own);
        }
        int span = 0;
        for (int i = 0; i < models.size(); i++) {
            BoardModel m = models.get(i);
            SpanConfig[] spans = new SpanConfig[m.spans()];
            for (int p = 0; p < m.spans(); p++, span++) {
                long first = base + 100L * span;
                spans[p] = SpanConfig.pri(
                        new CircuitId("SOFT-" + options.machine() + "-B" + i + "-S" + (p + 1)),
                        PriSwitch.NI2,
                        p + 1,
                        List.of(new DidRange(Long.toString(first), Long.toString(first + 99))));
            }
            b.board(m, spans);
        }
        return b.build();
    }

    private static List<BoardModel> models(BackendOptions options) {
        String text = options.property(BOARDS).orElse(BoardModel.TR1034_4T1.name());
        List<BoardModel> out = new ArrayList<>();
        for (String part : text.split(",")) {
            String name = part.strip().toUpperCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            try {
                out.add(BoardModel.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw new HalException(BOARDS + ": unknown board model '" + part.strip() + "'; use a comma-separated"
                        + " list of " + List.of(BoardModel.values()));
            }
        }
        if (out.isEmpty()) {
            throw new HalException(BOARDS + " is empty; name at least one of " + List.of(BoardModel.values()));
        }
        return out;
    }

    private static long didBase(BackendOptions options) {
        String text = options.property(DID_BASE).orElse("3125550000").strip();
        if (!text.matches("[1-9][0-9]{9}")) {
            throw new HalException(DID_BASE + " '" + text + "' must be 10 digits, not starting with 0");
        }
        return Long.parseLong(text);
    }

    private static long seed(BackendOptions options) {
        String text = options.property(SEED).orElse("1").strip();
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new HalException(SEED + " '" + text + "' is not a whole number");
        }
    }
}
