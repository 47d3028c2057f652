package org.stroom.ports.portmgr.core;

import java.util.BitSet;
import java.util.Objects;

/**
 * Test state machine: sums deposits, remembers every id applied, and folds the order and times of inputs into
 * a hash, so that two ledgers are equal only if they saw the same inputs in the same order with the same times.
 *
 * <p>Thread-safety: not thread-safe; owned by one writer.
 */
final class Ledger implements StateMachine<LedgerInput, Long> {
    long count;
    long sum;
    long hash = 17;
    long lastAtNanos = Long.MIN_VALUE;
    boolean timeWentBackwards;
    final BitSet ids = new BitSet();

    /** Applies an input at the time it carries, as a journal replay would. */
    Long apply(LedgerInput input) {
        return apply(input, input.atNanos());
    }

    @Override
    public Long apply(LedgerInput input, long atNanos) {
        if (input.amount() == LedgerInput.POISON) {
            throw new IllegalStateException("poison input " + input.id());
        }
        if (atNanos < lastAtNanos) {
            timeWentBackwards = true;
        }
        lastAtNanos = atNanos;
        count++;
        sum += input.amount();
        hash = hash * 31 + input.id() * 1_000_003 + input.amount() * 7 + atNanos;
        ids.set(Math.toIntExact(input.id()));
        return sum;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ledger other
                && count == other.count
                && sum == other.sum
                && hash == other.hash
                && lastAtNanos == other.lastAtNanos
                && timeWentBackwards == other.timeWentBackwards
                && ids.equals(other.ids);
    }

    @Override
    public int hashCode() {
        return Objects.hash(count, sum, hash);
    }

    @Override
    public String toString() {
        return "Ledger[count=" + count + ", sum=" + sum + ", hash=" + hash + ", ids=" + ids.cardinality() + "]";
    }
}
