/**
 * The write-ahead journal of the port manager's event core and its snapshots.
 *
 * <p>{@link org.stroom.ports.portmgr.journal.Journal} stores encoded inputs in CRC-checked frames;
 * {@link org.stroom.ports.portmgr.journal.ChronicleJournal} keeps them in a Chronicle Queue (rolling and
 * retention configurable), {@link org.stroom.ports.portmgr.journal.InMemoryJournal} in memory for tests, and
 * {@link org.stroom.ports.portmgr.journal.Journal#disabled()} nowhere. A replay stops at the first torn or
 * corrupt entry and says so in a {@link org.stroom.ports.portmgr.journal.RecoveryReport}.
 * {@link org.stroom.ports.portmgr.journal.SnapshotStore} writes snapshot files atomically, so recovery is the
 * newest valid snapshot plus the entries after it. This package knows bytes only; decoding and applying inputs
 * is {@code org.stroom.ports.portmgr.core}'s job.
 *
 * <p>Thread-safety: see each type.
 */
package org.stroom.ports.portmgr.journal;
