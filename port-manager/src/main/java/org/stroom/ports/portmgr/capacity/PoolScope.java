package org.stroom.ports.portmgr.capacity;

import java.util.List;
import java.util.Objects;
import org.stroom.ports.t1.DidRange;

/**
 * Which spans a hunt pool can take ports from.
 *
 * <p>Thread-safety: immutable.
 */
public sealed interface PoolScope permits PoolScope.AnySpan, PoolScope.Dids {
    /** @return whether the pool may use ports on this span (its kind is checked separately) */
    boolean admits(InventorySpan span);

    /** @return a short description */
    String describe();

    /** @return the scope of outbound and internal traffic: any span of the system */
    static PoolScope anySpan() {
        return AnySpan.INSTANCE;
    }

    /**
     * @param ranges the DID ranges the pool answers
     * @return the scope of inbound traffic dialled to those numbers
     */
    static PoolScope dids(List<DidRange> ranges) {
        return new Dids(ranges);
    }

    /**
     * Any span: outbound calls can leave on any port of the right kind.
     *
     * <p>Thread-safety: immutable.
     */
    enum AnySpan implements PoolScope {
        /** The only instance. */
        INSTANCE;

        @Override
        public boolean admits(InventorySpan span) {
            return true;
        }

        @Override
        public String describe() {
            return "any span";
        }
    }

    /**
     * Inbound calls to these DID numbers arrive only on the circuits that deliver them; the carrier is assumed
     * to hunt across all of those circuits (declare one pool per circuit if it does not).
     *
     * @param ranges DID ranges, non-empty (copied)
     *     <p>Thread-safety: immutable.
     */
    record Dids(List<DidRange> ranges) implements PoolScope {
        /**
         * @throws IllegalArgumentException when there is no range
         */
        public Dids {
            ranges = List.copyOf(Objects.requireNonNull(ranges, "DID scope: ranges"));
            if (ranges.isEmpty()) {
                throw new IllegalArgumentException("DID scope: no DID range given; list the numbers the pool answers");
            }
        }

        @Override
        public boolean admits(InventorySpan span) {
            List<DidRange> delivered = span.config().didRanges();
            for (int i = 0; i < delivered.size(); i++) {
                if (overlaps(delivered.get(i))) {
                    return true;
                }
            }
            return false;
        }

        /** @return whether any of the pool's ranges overlaps {@code range} */
        public boolean overlaps(DidRange range) {
            for (int i = 0; i < ranges.size(); i++) {
                if (ranges.get(i).overlaps(range)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String describe() {
            return "DIDs "
                    + ranges.stream()
                            .map(DidRange::toString)
                            .reduce((a, b) -> a + ", " + b)
                            .orElse("");
        }
    }
}
