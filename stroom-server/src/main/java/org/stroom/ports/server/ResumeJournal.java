package org.stroom.ports.server;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stroom.ports.portmgr.alloc.Input;
import org.stroom.ports.portmgr.core.Codec;
import org.stroom.ports.portmgr.core.PortManager;
import org.stroom.ports.portmgr.core.SnapshotExtra;
import org.stroom.ports.portmgr.journal.EntryHandler;
import org.stroom.ports.portmgr.journal.Journal;
import org.stroom.ports.portmgr.journal.RecoveryReport;
import org.stroom.ports.portmgr.journal.UndecodableEntryException;

/**
 * The Server's port-manager journal, which also holds where the Server is in each Node's event stream: an input
 * that came from a Node event is written together with that event's {@link NodeMark} (Node, Node journal,
 * sequence), in the same journal entry. The last mark of a Node in the journal is therefore exactly the last Node
 * event whose input the journal holds: a restarted Server resumes the Node after it, so no event is lost (its
 * input is not in the journal, so the Node sends it again) and none is applied twice (its input is in the
 * journal, replayed by recovery, and the Node does not send it again). A separate resume file could disagree with
 * the journal after a crash between the two writes; one entry cannot.
 *
 * <pre>
 *  link thread (one per Node)                         core journal thread
 *  ──────────────────────────                         ───────────────────
 *  event seq s ─▶ input ─▶ expect(node, input, mark) ─▶ queue of that Node
 *                        └▶ portManager.submit(input) ─▶ ring ─▶ append(encoded input):
 *                                                            decode, match the head of its Node's queue,
 *                                                            write [input][mark][u16 mark length][u8 0xA5]
 * </pre>
 *
 * <p>An entry is {@code [encoded input][mark][u16 mark length][u8 format 0xA5]} inside the wrapped journal's own
 * frame (little-endian; the mark is {@code u16 length + UTF-8 node, u16 length + UTF-8 journal id, i64 sequence},
 * absent when its length is 0). {@link #replay} hands the wrapped handler only the encoded input, so recovery
 * ({@link PortManager.Builder#journal(Journal)}) sees an ordinary journal, and learns the marks as a side effect.
 *
 * <p>Matching is by content: the journal thread decodes an appended input, finds the machine it concerns, and
 * takes the first expected input of that machine equal to it (time stamps aside). Inputs nobody announced
 * (ticks, requests, heartbeats) are written without a mark. Entries are matched in the order they were expected
 * because one thread per Node expects and submits them.
 *
 * <p>Snapshots: the port manager's snapshots carry the marks as of the journal index they cover
 * ({@link #snapshotExtra()}, format below), so recovery seeds the marks from the snapshot and learns later ones
 * from the tail it replays, as above. The journal stage appends a whole ring batch before the writer applies its
 * inputs, so when the writer snapshots at applied index k this journal may already hold marks of entries after
 * k: it keeps per Node the recent (index, mark) pairs, and "the marks at k" is the last pair of each Node at or
 * before k. Pairs are pruned once a later pair of the same Node is at or before the last snapshot's index, or
 * more than {@code keepBehind} entries behind the newest marked entry (the journal stage never runs further
 * ahead of the writer than the ring holds). Snapshot extra, little-endian: {@code [u8 version 1][i64 journal
 * index][u32 count]} then per Node, in name order, a mark as in an entry. {@link #release} passes the snapshot's
 * coverage on to the wrapped journal, which deletes covered files only when configured to retain (a Server without
 * a peer with {@code journal.retainCycles}); a Server of a pair keeps every file, since the passive's
 * {@link JournalStreamer} may need old entries.
 *
 * <p>Thread-safety: {@link #expect} and {@link #retract} from any thread; the {@link Journal} methods as the
 * {@link Journal} contract says (appends from the core's journal thread); {@link #journaled} and {@link #marksAt}
 * from any thread; the {@link #snapshotExtra()} as {@link SnapshotExtra} says.
 */
public final class ResumeJournal implements Journal {
    /** Last byte of every entry written by this journal. */
    static final byte FORMAT = (byte) 0xA5;

    private static final Logger LOG = LoggerFactory.getLogger(ResumeJournal.class);
    private static final int TRAILER_BYTES = 3;
    private static final byte[] NO_MARK = new byte[0];
    private static final byte MARKS_VERSION = 1;
    /** Default {@code keepBehind}: far more entries than the port manager's ring (4096 slots) can hold. */
    static final int DEFAULT_KEEP_BEHIND = 1 << 16;

    private final Journal inner;
    private final Codec<Input> codec = PortManager.codec();
    private final Map<String, Deque<Expected>> expected = new ConcurrentHashMap<>();
    private final AtomicInteger outstanding = new AtomicInteger();
    private final List<LongConsumer> appendListeners = new CopyOnWriteArrayList<>();
    private final int keepBehind;
    /**
     * Per Node, its recent (index, mark) pairs, oldest first, never empty: the last pair is the Node's last mark in
     * the journal. Guarded by itself.
     */
    private final Map<String, ArrayDeque<IndexedMark>> history = new HashMap<>();
    /** Marks at indexes up to this one are known only as the last pair of each Node at or before it. */
    private long horizon = Journal.NO_INDEX;

    private byte[] scratch = new byte[512];
    private byte[][] batch = new byte[0][];
    private NodeMark[] batchMarks = new NodeMark[0];
    private ByteBuffer[] wrapped = new ByteBuffer[0];

    /**
     * An input announced before it is submitted; {@link #retract} it if the port manager did not take it.
     *
     * <p>Thread-safety: immutable.
     */
    public static final class Expected {
        private final String machine;
        private final Input input;
        private final NodeMark mark;

        private Expected(String machine, Input input, NodeMark mark) {
            this.machine = machine;
            this.input = input;
            this.mark = mark;
        }

        /** @return the mark written with the input, or null for an input of no Node event */
        public NodeMark mark() {
            return mark;
        }

        @Override
        public String toString() {
            return "Expected[" + machine + ", " + input + ", " + mark + "]";
        }
    }

    /**
     * @param inner the journal that stores the entries (a Chronicle journal in production); closed with this one
     */
    public ResumeJournal(Journal inner) {
        this(inner, DEFAULT_KEEP_BEHIND);
    }

    /**
     * @param inner the journal that stores the entries; closed with this one
     * @param keepBehind how many entries behind the newest marked one the marks stay exactly known (see
     *     {@link #marksAt}); at least the ring size of the port manager this journal serves
     * @throws IllegalArgumentException if keepBehind &lt; 1
     */
    ResumeJournal(Journal inner, int keepBehind) {
        this.inner = Objects.requireNonNull(inner, "ResumeJournal: inner");
        if (keepBehind < 1) {
            throw new IllegalArgumentException("ResumeJournal keepBehind must be >= 1, was " + keepBehind);
        }
        this.keepBehind = keepBehind;
    }

    /** A mark and the index of the entry it was written in (or of the snapshot it was restored from). */
    private record IndexedMark(long index, NodeMark mark) {}

    /**
     * The hook that stores the marks in the port manager's snapshots and restores them at recovery: give it to
     * {@link PortManager.Builder#snapshotExtra}.
     *
     * @return the snapshot extra of this journal
     */
    public SnapshotExtra snapshotExtra() {
        return new SnapshotExtra() {
            @Override
            public byte[] write(long journalIndex) {
                Map<String, NodeMark> marks = marksAt(journalIndex);
                forgetBefore(journalIndex);
                return encodeMarks(journalIndex, marks);
            }

            @Override
            public void read(ByteBuffer in, long journalIndex) {
                restore(decodeMarks(in, journalIndex), journalIndex);
            }
        };
    }

    /**
     * The last mark of every Node in the entries up to and including {@code index}, whatever was appended after
     * it.
     *
     * @param index a journal index no older than the last snapshot's and at most {@code keepBehind} entries
     *     behind the newest marked entry
     * @return per Node, its mark as of that index (Nodes without one are absent), sorted by Node name
     * @throws IllegalStateException if the marks at that index are no longer known
     */
    public Map<String, NodeMark> marksAt(long index) {
        synchronized (history) {
            if (index < horizon) {
                throw new IllegalStateException("ResumeJournal: the Node marks at journal index " + index
                        + " are no longer known (kept from index " + horizon + "); a snapshot must cover an index"
                        + " at most " + keepBehind + " entries behind the newest marked entry");
            }
            Map<String, NodeMark> out = new TreeMap<>();
            history.forEach((node, pairs) -> {
                for (Iterator<IndexedMark> it = pairs.descendingIterator(); it.hasNext(); ) {
                    IndexedMark m = it.next();
                    if (m.index() <= index) {
                        out.put(node, m.mark());
                        break;
                    }
                }
            });
            return out;
        }
    }

    private void record(long index, NodeMark mark) {
        synchronized (history) {
            horizon = Math.max(horizon, index - keepBehind);
            ArrayDeque<IndexedMark> pairs = history.computeIfAbsent(mark.node(), k -> new ArrayDeque<>());
            pairs.addLast(new IndexedMark(index, mark));
            prune(pairs);
        }
    }

    /** No snapshot will ask for marks before {@code index}: keep per Node only what a later one can need. */
    private void forgetBefore(long index) {
        synchronized (history) {
            horizon = Math.max(horizon, index);
            history.values().forEach(this::prune);
        }
    }

    /** Drops the oldest pair while the next one is at or before the horizon; caller holds the lock. */
    private void prune(ArrayDeque<IndexedMark> pairs) {
        while (pairs.size() >= 2) {
            Iterator<IndexedMark> it = pairs.iterator();
            it.next();
            if (it.next().index() > horizon) {
                return;
            }
            pairs.pollFirst();
        }
    }

    private void restore(Map<String, NodeMark> marks, long index) {
        synchronized (history) {
            history.clear();
            horizon = index;
            marks.forEach((node, mark) -> {
                ArrayDeque<IndexedMark> pairs = new ArrayDeque<>();
                pairs.add(new IndexedMark(index, mark));
                history.put(node, pairs);
            });
        }
    }

    /** Encodes the snapshot extra: {@code [u8 version][i64 index][u32 count]} and the marks. */
    static byte[] encodeMarks(long index, Map<String, NodeMark> marks) {
        List<byte[]> encoded = new ArrayList<>();
        int size = 1 + 8 + 4;
        for (NodeMark m : new TreeMap<>(marks).values()) {
            byte[] e = encode(m);
            encoded.add(e);
            size += e.length;
        }
        ByteBuffer out = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        out.put(MARKS_VERSION).putLong(index).putInt(encoded.size());
        encoded.forEach(out::put);
        return out.array();
    }

    /**
     * Decodes the snapshot extra of the snapshot at {@code index}.
     *
     * @throws IllegalStateException naming what is wrong: no marks (a snapshot written without them), another
     *     version, another index, or damaged bytes
     */
    static Map<String, NodeMark> decodeMarks(ByteBuffer bytes, long index) {
        if (!bytes.hasRemaining()) {
            throw new IllegalStateException("snapshot at journal index " + index + " holds no Node resume points"
                    + " (written without them): recovery must use an older snapshot or replay the whole journal");
        }
        ByteBuffer in = bytes.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        try {
            byte version = in.get();
            if (version != MARKS_VERSION) {
                throw new IllegalStateException("Node marks of snapshot at journal index " + index + " have format"
                        + " version " + version + "; this build reads version " + MARKS_VERSION);
            }
            long at = in.getLong();
            if (at != index) {
                throw new IllegalStateException("Node marks are as of journal index " + at + ", the snapshot covers "
                        + index + "; the snapshot file is inconsistent");
            }
            int count = in.getInt();
            if (count < 0) {
                throw new IllegalStateException(
                        "Node marks of snapshot at journal index " + index + ": negative count " + count);
            }
            Map<String, NodeMark> out = new TreeMap<>();
            for (int i = 0; i < count; i++) {
                int start = in.position();
                ByteBuffer m = in.duplicate().order(ByteOrder.LITTLE_ENDIAN);
                int node = m.getShort(start) & 0xffff;
                int journal = m.getShort(start + 2 + node) & 0xffff;
                int end = start + 2 + node + 2 + journal + 8;
                m.limit(end).position(start);
                NodeMark mark = decode(m);
                in.position(end);
                if (out.put(mark.node(), mark) != null) {
                    throw new IllegalStateException(
                            "Node marks of snapshot at journal index " + index + " list " + mark.node() + " twice");
                }
            }
            if (in.hasRemaining()) {
                throw new IllegalStateException("Node marks of snapshot at journal index " + index + ": "
                        + in.remaining() + " bytes after the last mark");
            }
            return out;
        } catch (BufferUnderflowException | IndexOutOfBoundsException | IllegalArgumentException e) {
            throw new IllegalStateException(
                    "Node marks of snapshot at journal index " + index + " are damaged: " + e, e);
        }
    }

    /**
     * Announces an input about to be submitted to the port manager, so that its entry carries {@code mark}.
     * Call it, then submit, from the one thread that feeds this machine's events.
     *
     * @param machine the machine the input concerns (its channel's, span's or board's machine)
     * @param input the input as submitted (its time stamp is ignored)
     * @param mark the Node event it came from, or null for an event the Server made up (a lost call, a channel
     *     out of service while the Node is unreachable): such an entry is written without a mark
     * @return a token for {@link #retract}
     * @throws IllegalArgumentException when {@code input} does not concern {@code machine}
     */
    public Expected expect(String machine, Input input, NodeMark mark) {
        Objects.requireNonNull(machine, "expect: machine");
        Objects.requireNonNull(input, "expect: input");
        if (!machine.equals(machineOf(input))) {
            throw new IllegalArgumentException("ResumeJournal.expect: input " + input + " does not concern machine "
                    + machine + "; only channel, span and board inputs of a Node can carry its mark");
        }
        Expected e = new Expected(machine, input.withAtNanos(0), mark);
        Deque<Expected> q = expected.computeIfAbsent(machine, k -> new ArrayDeque<>());
        synchronized (q) {
            q.addLast(e);
        }
        outstanding.incrementAndGet();
        return e;
    }

    /**
     * Withdraws an announced input that the port manager did not take (its ring was full).
     *
     * @param e the token from {@link #expect}
     */
    public void retract(Expected e) {
        Deque<Expected> q = expected.get(e.machine);
        if (q == null) {
            return;
        }
        synchronized (q) {
            if (q.removeLastOccurrence(e)) {
                outstanding.decrementAndGet();
            }
        }
    }

    /** @return per Node, the last mark in the journal (replayed or appended); safe from any thread */
    public Map<String, NodeMark> journaled() {
        synchronized (history) {
            Map<String, NodeMark> last = new HashMap<>();
            history.forEach((node, pairs) -> last.put(node, pairs.peekLast().mark()));
            return Map.copyOf(last);
        }
    }

    /**
     * @param node a Node's machine name
     * @return its last mark in the journal, if any
     */
    public Optional<NodeMark> journaled(String node) {
        synchronized (history) {
            ArrayDeque<IndexedMark> pairs = history.get(node);
            return pairs == null
                    ? Optional.empty()
                    : Optional.of(pairs.peekLast().mark());
        }
    }

    /**
     * Calls {@code listener} with the index of every entry appended from now on, on the appending thread, after
     * the entry is written. Keep it quick (e.g. wake a sender).
     *
     * @param listener receives indexes
     */
    public void onAppended(LongConsumer listener) {
        appendListeners.add(Objects.requireNonNull(listener, "onAppended: listener"));
    }

    @Override
    public boolean isEnabled() {
        return inner.isEnabled();
    }

    @Override
    public long append(ByteBuffer payload) {
        NodeMark mark = outstanding.get() > 0 ? match(payload) : null;
        scratch = entry(payload, mark, scratch);
        long index = inner.append(ByteBuffer.wrap(scratch, 0, entryLength(payload, mark)));
        appended(index, mark);
        return index;
    }

    /** Writes the batch as the wrapped journal does (one Chronicle document), each entry with its mark. */
    @Override
    public void appendAll(ByteBuffer[] payloads, int count, long[] indexes) {
        if (batch.length < count) {
            batch = java.util.Arrays.copyOf(batch, Math.max(count, 2 * batch.length));
            batchMarks = new NodeMark[batch.length];
            wrapped = new ByteBuffer[batch.length];
        }
        for (int i = 0; i < count; i++) {
            NodeMark mark = outstanding.get() > 0 ? match(payloads[i]) : null;
            batch[i] = entry(payloads[i], mark, batch[i]);
            batchMarks[i] = mark;
            wrapped[i] = ByteBuffer.wrap(batch[i], 0, entryLength(payloads[i], mark));
        }
        inner.appendAll(wrapped, count, indexes);
        for (int i = 0; i < count; i++) {
            appended(indexes[i], batchMarks[i]);
            batchMarks[i] = null;
        }
    }

    private void appended(long index, NodeMark mark) {
        if (mark != null) {
            record(index, mark);
        }
        for (LongConsumer l : appendListeners) {
            l.accept(index);
        }
    }

    private static int entryLength(ByteBuffer payload, NodeMark mark) {
        return payload.remaining() + (mark == null ? 0 : markLength(mark)) + TRAILER_BYTES;
    }

    /** Writes {@code [input][mark][u16 mark length][u8 FORMAT]} into {@code into}, or a larger array it returns. */
    private static byte[] entry(ByteBuffer payload, NodeMark mark, byte[] into) {
        byte[] markBytes = mark == null ? NO_MARK : encode(mark);
        int length = payload.remaining();
        int total = length + markBytes.length + TRAILER_BYTES;
        byte[] out = into != null && into.length >= total ? into : new byte[Math.max(total, 256)];
        payload.duplicate().get(out, 0, length);
        System.arraycopy(markBytes, 0, out, length, markBytes.length);
        out[total - 3] = (byte) markBytes.length;
        out[total - 2] = (byte) (markBytes.length >>> 8);
        out[total - 1] = FORMAT;
        return out;
    }

    @Override
    public void endOfBatch() {
        inner.endOfBatch();
    }

    /**
     * Replays the wrapped journal, handing {@code handler} each entry's encoded input only, and records the marks
     * of the entries the handler accepted.
     *
     * @throws UndecodableEntryException (reported by the replay as an undecodable entry) for an entry that this
     *     journal did not write
     */
    @Override
    public RecoveryReport replay(long afterIndex, EntryHandler handler) {
        Objects.requireNonNull(handler, "handler");
        return inner.replay(afterIndex, (index, payload) -> {
            Entry e = entry(index, payload);
            handler.onEntry(index, e.input());
            if (e.mark() != null) {
                record(index, e.mark());
            }
        });
    }

    @Override
    public void sealDamage(RecoveryReport report) {
        inner.sealDamage(report);
    }

    @Override
    public void release(long coveredIndex) {
        inner.release(coveredIndex);
    }

    @Override
    public long lastIndex() {
        return inner.lastIndex();
    }

    @Override
    public java.util.OptionalLong firstIndex() {
        return inner.firstIndex();
    }

    @Override
    public void close() {
        inner.close();
    }

    /**
     * One stored entry, split.
     *
     * @param input the encoded input (a view of the stored bytes, valid while they are)
     * @param mark its Node mark, or null
     *     <p>Thread-safety: immutable view.
     */
    record Entry(ByteBuffer input, NodeMark mark) {}

    /**
     * Splits a stored entry (as a wrapped journal's replay hands it over: from its position to its limit).
     *
     * @throws UndecodableEntryException when the entry was not written by this journal
     */
    static Entry entry(long index, ByteBuffer stored) {
        int start = stored.position();
        int end = stored.limit();
        if (end - start < TRAILER_BYTES || stored.get(end - 1) != FORMAT) {
            throw new UndecodableEntryException(
                    "journal entry " + index + " has no Server trailer (last byte is not 0xA5): the journal was not"
                            + " written by a Stroom Server; give the Server its own journal directory",
                    null);
        }
        int markLength = (stored.get(end - 3) & 0xff) | (stored.get(end - 2) & 0xff) << 8;
        int inputEnd = end - TRAILER_BYTES - markLength;
        if (inputEnd < start) {
            throw new UndecodableEntryException(
                    "journal entry " + index + ": mark of " + markLength + " bytes is longer than the entry", null);
        }
        NodeMark mark = null;
        if (markLength > 0) {
            ByteBuffer m = stored.duplicate();
            m.limit(end - TRAILER_BYTES).position(inputEnd);
            try {
                mark = decode(m);
            } catch (RuntimeException e) {
                throw new UndecodableEntryException("journal entry " + index + ": unreadable Node mark: " + e, e);
            }
        }
        ByteBuffer input = stored.duplicate();
        input.limit(inputEnd).position(start);
        return new Entry(input, mark);
    }

    /** @return the machine an input concerns, or null for a System-wide input */
    static String machineOf(Input in) {
        if (in instanceof Input.CallActive c) {
            return c.channel().span().machine();
        }
        if (in instanceof Input.CallEnded c) {
            return c.channel().span().machine();
        }
        if (in instanceof Input.ChannelServiceChanged c) {
            return c.channel().span().machine();
        }
        if (in instanceof Input.SpanAlarmChanged s) {
            return s.span().machine();
        }
        if (in instanceof Input.DChannelChanged d) {
            return d.span().machine();
        }
        if (in instanceof Input.BoardFaultChanged b) {
            return b.board().machine();
        }
        return null;
    }

    private NodeMark match(ByteBuffer payload) {
        Input in;
        try {
            in = codec.decode(payload.duplicate());
        } catch (RuntimeException e) {
            // the core encoded it a moment ago: this is a codec bug, and the entry goes in without a mark
            LOG.error("server journal: cannot decode an input the port manager just encoded; no Node mark", e);
            return null;
        }
        String machine = machineOf(in);
        Deque<Expected> q = machine == null ? null : expected.get(machine);
        if (q == null) {
            return null;
        }
        Input key = in.withAtNanos(0);
        synchronized (q) {
            int skip = 0;
            Expected found = null;
            for (Iterator<Expected> it = q.iterator(); it.hasNext(); ) {
                Expected e = it.next();
                if (e.input.equals(key)) {
                    found = e;
                    break;
                }
                skip++;
            }
            if (found == null) {
                return null;
            }
            for (int i = 0; i < skip; i++) {
                // announced before this one but never journaled: the submit failed without a retract
                LOG.warn("server journal: announced input {} was never journaled", q.peekFirst());
                q.pollFirst();
                outstanding.decrementAndGet();
            }
            q.pollFirst();
            outstanding.decrementAndGet();
            return found.mark;
        }
    }

    private static int markLength(NodeMark m) {
        return 2
                + m.node().getBytes(StandardCharsets.UTF_8).length
                + 2
                + m.journalId().getBytes(StandardCharsets.UTF_8).length
                + 8;
    }

    private static byte[] encode(NodeMark m) {
        byte[] node = m.node().getBytes(StandardCharsets.UTF_8);
        byte[] journal = m.journalId().getBytes(StandardCharsets.UTF_8);
        ByteBuffer b =
                ByteBuffer.allocate(2 + node.length + 2 + journal.length + 8).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) node.length)
                .put(node)
                .putShort((short) journal.length)
                .put(journal);
        b.putLong(m.sequence());
        return b.array();
    }

    private static NodeMark decode(ByteBuffer b) {
        b.order(java.nio.ByteOrder.LITTLE_ENDIAN);
        byte[] node = new byte[b.getShort() & 0xffff];
        b.get(node);
        byte[] journal = new byte[b.getShort() & 0xffff];
        b.get(journal);
        long seq = b.getLong();
        if (b.hasRemaining()) {
            throw new IllegalArgumentException(b.remaining() + " bytes after the mark");
        }
        return new NodeMark(new String(node, StandardCharsets.UTF_8), new String(journal, StandardCharsets.UTF_8), seq);
    }

    /** @return the marks in a journal's entries, in order, for tests and tools */
    static Map<Long, NodeMark> marks(Journal inner) {
        Map<Long, NodeMark> out = new LinkedHashMap<>();
        inner.replay(Journal.NO_INDEX, (index, payload) -> {
            NodeMark m = entry(index, payload).mark();
            if (m != null) {
                out.put(index, m);
            }
        });
        return out;
    }
}
