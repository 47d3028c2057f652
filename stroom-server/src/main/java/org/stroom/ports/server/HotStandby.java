package org.stroom.ports.server;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stroom.ports.portmgr.alloc.Input;
import org.stroom.ports.portmgr.alloc.Metrics;
import org.stroom.ports.portmgr.alloc.PortManagerState;
import org.stroom.ports.portmgr.alloc.StateDigest;
import org.stroom.ports.portmgr.core.Codec;
import org.stroom.ports.portmgr.core.PortManager;
import org.stroom.ports.portmgr.journal.Journal;

/**
 * The passive Server's copy of the active's allocation state: the active's port-manager journal entries, received
 * over the journal stream, applied in order to a {@link PortManagerState} of its own. Applying the same inputs in
 * the same order gives the same state ({@link #digest()} equals the active's {@code PortManager.digest()} once the
 * copy has caught up), so leases, calls, locks and alarm states are as current as the last entry received.
 *
 * <p>Thread-safety: safe from any thread (one lock; {@link #apply} from the stream's thread).
 */
public final class HotStandby {
    private static final Logger LOG = LoggerFactory.getLogger(HotStandby.class);

    private final InstantSource clock;
    private final Codec<Input> codec = PortManager.codec();
    private PortManagerState state = new PortManagerState();
    private String journalId = "";
    private long lastIndex = Journal.NO_INDEX;
    private long applied;
    private long resets;
    private long activeLastIndex = Journal.NO_INDEX;
    private Instant lastHeard;

    /** @param clock the wall clock, for {@link #age()} */
    public HotStandby(InstantSource clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Drops the copy: the next entries rebuild it from the start of {@code journal}.
     *
     * @param journal the active journal's id
     */
    public synchronized void reset(String journal) {
        if (applied > 0 || !journalId.isEmpty()) {
            LOG.warn(
                    "standby copy of journal {} (index {}, {} entries) dropped: rebuilding from journal {}",
                    journalId,
                    lastIndex,
                    applied,
                    journal);
        }
        state = new PortManagerState();
        resets++;
        journalId = Objects.requireNonNull(journal, "journal");
        lastIndex = Journal.NO_INDEX;
        applied = 0;
    }

    /**
     * Applies one entry of the active's journal.
     *
     * @param index its index; entries at or before {@link #lastIndex()} are ignored (a repeated batch)
     * @param input the encoded input
     * @throws IllegalArgumentException when the entry cannot be decoded (the copy is then unusable: reset it)
     */
    public synchronized void apply(long index, ByteBuffer input) {
        if (index <= lastIndex) {
            return;
        }
        Input in;
        try {
            in = codec.decode(input);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "standby: entry " + index + " of journal " + journalId + " cannot be decoded: " + e, e);
        }
        state.apply(in);
        lastIndex = index;
        applied++;
    }

    /**
     * Records that the active was heard: its journal's last index at the time it sent.
     *
     * @param activeLast the active's last index
     */
    public synchronized void heard(long activeLast) {
        activeLastIndex = activeLast;
        lastHeard = clock.instant();
    }

    /** @return the journal the copy comes from, "" before the first entry */
    public synchronized String journalId() {
        return journalId;
    }

    /** @return the index of the last entry applied, or {@link Journal#NO_INDEX} */
    public synchronized long lastIndex() {
        return lastIndex;
    }

    /** @return entries applied since the last reset */
    public synchronized long applied() {
        return applied;
    }

    /** @return how many times the copy was dropped and rebuilt (the first follow counts one) */
    public synchronized long resets() {
        return resets;
    }

    /** @return whether every entry the active had when it last sent has been applied */
    public synchronized boolean caughtUp() {
        return activeLastIndex != Journal.NO_INDEX && lastIndex >= activeLastIndex;
    }

    /** @return how long ago the active was last heard on the journal stream, or null if never */
    public synchronized Duration age() {
        return lastHeard == null ? null : Duration.between(lastHeard, clock.instant());
    }

    /** @return the copy's metrics */
    public synchronized Metrics metrics() {
        return state.metrics();
    }

    /** @return the copy's digest, equal to the active's when caught up */
    public synchronized StateDigest digest() {
        return state.digest();
    }
}
