package org.stroom.ports.portmgr.core;

/**
 * Test input: a deposit into the {@link Ledger}. An amount of {@link #POISON} makes the ledger throw.
 *
 * @param id caller-chosen id, &ge; 0
 * @param amount amount to add
 * @param atNanos time stamp set by the core
 *     <p>Thread-safety: immutable.
 */
record LedgerInput(long id, long amount, long atNanos) {
    static final long POISON = Long.MIN_VALUE;

    static LedgerInput deposit(long id, long amount) {
        return new LedgerInput(id, amount, 0);
    }

    LedgerInput withTime(long nanos) {
        return new LedgerInput(id, amount, nanos);
    }
}
