package org.stroom.ports.portmgr.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.stroom.ports.portmgr.journal.EntryHandler;
import org.stroom.ports.portmgr.journal.InMemoryJournal;
import org.stroom.ports.portmgr.journal.Journal;
import org.stroom.ports.portmgr.journal.RecoveryReport;

@Timeout(30)
class EventCoreTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final long OVERLOADED = -1L;

    private final InMemoryJournal journal = new InMemoryJournal();
    private final ManualNanoClock clock = new ManualNanoClock();
    private final List<EventCore<?, ?>> cores = new ArrayList<>();

    @AfterEach
    void closeCores() {
        cores.forEach(EventCore::close);
    }

    private EventCore<LedgerInput, Long> start(
            StateMachine<LedgerInput, Long> machine,
            Topology topology,
            Consumer<EventCore.Builder<LedgerInput, Long>> options) {
        EventCore.Builder<LedgerInput, Long> builder = EventCore.builder(machine)
                .name("test-core")
                .journal(journal, new LedgerCodec())
                .stamper(LedgerInput::withTime)
                .clock(clock)
                .topology(topology)
                .overloadedResult(input -> OVERLOADED);
        options.accept(builder);
        EventCore<LedgerInput, Long> core = builder.start();
        cores.add(core);
        return core;
    }

    private List<LedgerInput> journaledInputs() {
        List<LedgerInput> inputs = new ArrayList<>();
        journal.replay(Journal.NO_INDEX, (index, payload) -> inputs.add(new LedgerCodec().decode(payload)));
        return inputs;
    }

    /** Wraps a ledger; blocks in apply of one chosen id until opened, to hold the ring still. */
    static final class GatedLedger implements StateMachine<LedgerInput, Long> {
        final Ledger ledger = new Ledger();
        final long gateId;
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch open = new CountDownLatch(1);

        GatedLedger(long gateId) {
            this.gateId = gateId;
        }

        @Override
        public Long apply(LedgerInput input) {
            if (input.id() == gateId) {
                entered.countDown();
                try {
                    if (!open.await(10, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("gate never opened");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            return ledger.apply(input);
        }
    }

    @ParameterizedTest
    @EnumSource(Topology.class)
    void appliesInputsInSubmissionOrderAndRepliesWithEachResult(Topology topology) throws Exception {
        Ledger ledger = new Ledger();
        EventCore<LedgerInput, Long> core = start(ledger, topology, b -> {});
        List<CompletableFuture<Long>> replies = new ArrayList<>();
        for (int id = 0; id < 1000; id++) {
            replies.add(core.submit(LedgerInput.deposit(id, id)));
        }

        long expectedSum = 0;
        for (int id = 0; id < 1000; id++) {
            expectedSum += id;
            assertThat(replies.get(id).get(10, TimeUnit.SECONDS)).isEqualTo(expectedSum);
        }
        assertThat(core.metrics().applied()).isEqualTo(1000);
        assertThat(core.failure()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Topology.class)
    void journalsEveryInputBeforeApplyingIt(Topology topology) {
        Ledger ledger = new Ledger();
        AtomicInteger violations = new AtomicInteger();
        StateMachine<LedgerInput, Long> checking = input -> {
            List<LedgerInput> journaled = journaledInputs();
            if (journaled.size() <= ledger.count
                    || !journaled.get((int) ledger.count).equals(input)) {
                violations.incrementAndGet();
            }
            return ledger.apply(input);
        };
        EventCore<LedgerInput, Long> core = start(checking, topology, b -> {});
        for (int id = 0; id < 50; id++) {
            core.submit(LedgerInput.deposit(id, 1));
        }
        core.submitSync(LedgerInput.deposit(50, 1), WAIT);

        assertThat(violations).hasValue(0);
        assertThat(journaledInputs()).hasSize(51);
    }

    @ParameterizedTest
    @EnumSource(Topology.class)
    void stampsEachInputWithTheClockAtPublicationAndJournalsTheStamp(Topology topology) {
        Ledger ledger = new Ledger();
        EventCore<LedgerInput, Long> core = start(ledger, topology, b -> {});
        clock.set(1_000);
        core.submitSync(LedgerInput.deposit(1, 10), WAIT);
        clock.set(7_500);
        core.submitSync(LedgerInput.deposit(2, 10), WAIT);

        assertThat(journaledInputs()).extracting(LedgerInput::atNanos).containsExactly(1_000L, 7_500L);
        assertThat(core.execute(index -> ledger.lastAtNanos).join()).isEqualTo(7_500L);
    }

    @ParameterizedTest
    @EnumSource(Topology.class)
    void stampsNeverDecreaseInJournalOrderEvenIfTheClockDoes(Topology topology) {
        Ledger ledger = new Ledger();
        EventCore<LedgerInput, Long> core = start(ledger, topology, b -> {});
        clock.set(5_000);
        core.submitSync(LedgerInput.deposit(1, 1), WAIT);
        clock.set(3_000);
        core.submitSync(LedgerInput.deposit(2, 1), WAIT);

        assertThat(journaledInputs()).extracting(LedgerInput::atNanos).containsExactly(5_000L, 5_000L);
        assertThat(core.execute(index -> ledger.timeWentBackwards).join()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Topology.class)
    void aRingThatStaysFullAnswersOverloadedAfterTheBoundedWaitWithoutJournaling(Topology topology) throws Exception {
        GatedLedger gated = new GatedLedger(1);
        EventCore<LedgerInput, Long> core =
                start(gated, topology, b -> b.ringSize(2).publishTimeout(Duration.ofMillis(5)));
        CompletableFuture<Long> first = core.submit(LedgerInput.deposit(1, 10));
        assertThat(gated.entered.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Long> second = core.submit(LedgerInput.deposit(2, 10));

        CompletableFuture<Long> third = core.submit(LedgerInput.deposit(3, 10));

        assertThat(third).isCompletedWithValue(OVERLOADED);
        assertThat(core.metrics().overloaded()).isEqualTo(1);
        gated.open.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(10);
        assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo(20);
        assertThat(journaledInputs()).extracting(LedgerInput::id).containsExactly(1L, 2L);
    }

    @ParameterizedTest
    @EnumSource(Topology.class)
    void aStateMachineExceptionStopsTheCoreAndFailsEveryInputNotApplied(Topology topology) throws Exception {
        GatedLedger gated = new GatedLedger(0);
        AtomicReference<Throwable> reported = new AtomicReference<>();
        AtomicInteger reports = new AtomicInteger();
        EventCore<LedgerInput, Long> core = start(
                gated,
                topology,
                b -> b.onFailure(t -> {
                    reported.set(t);
                    reports.incrementAndGet();
                }));
        List<CompletableFuture<Long>> replies = new ArrayList<>();
        for (int id = 0; id < 10; id++) {
            replies.add(core.submit(new LedgerInput(id, id == 3 ? LedgerInput.POISON : 1, 0)));
        }
        gated.open.countDown();

        for (int id = 0; id < 3; id++) {
            assertThat(replies.get(id).get(10, TimeUnit.SECONDS)).isEqualTo(id + 1L);
        }
        for (int id = 3; id < 10; id++) {
            CompletableFuture<Long> reply = replies.get(id);
            assertThatThrownBy(() -> reply.get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .isInstanceOf(EventCoreFailedException.class)
                    .hasMessageContaining("apply stage")
                    .hasRootCauseMessage("poison input 3");
        }
        assertThat(core.failure())
                .get()
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.THROWABLE)
                .hasMessage("poison input 3");
        assertThat(reported.get()).hasMessage("poison input 3");
        assertThat(reports).hasValue(1);
        assertThat(core.metrics().failed()).isTrue();
        assertThatThrownBy(() -> core.execute(index -> gated.ledger.count))
                .isInstanceOf(EventCoreFailedException.class);
        assertThat(gated.ledger.count).isEqualTo(3);
    }

    @Test
    void submitsAfterAFailureThrowAnIllegalStateExceptionNamingTheOriginalFailure() throws Exception {
        Ledger ledger = new Ledger();
        EventCore<LedgerInput, Long> core = start(ledger, Topology.SINGLE_THREAD, b -> {});
        CompletableFuture<Long> poisoned = core.submit(new LedgerInput(7, LedgerInput.POISON, 0));
        assertThatThrownBy(() -> poisoned.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);

        assertThatThrownBy(() -> core.submit(LedgerInput.deposit(8, 1)))
                .isInstanceOf(IllegalStateException.class)
                .isInstanceOf(EventCoreFailedException.class)
                .hasMessageContaining("stopped after a failure")
                .hasMessageContaining("poison input 7");
        assertThatThrownBy(() -> core.submitSync(LedgerInput.deposit(9, 1), WAIT))
                .hasMessageContaining("poison input 7");
    }

    @Test
    void aStamperExceptionStopsTheCoreAndReachesTheSubmitterWhileEarlierInputsAreApplied() {
        Ledger ledger = new Ledger();
        AtomicReference<Throwable> reported = new AtomicReference<>();
        EventCore<LedgerInput, Long> core = start(ledger, Topology.SINGLE_THREAD, b -> b.stamper((in, nanos) -> {
                    if (in.id() == 3) {
                        throw new IllegalArgumentException("stamper bug");
                    }
                    return in.withTime(nanos);
                })
                .onFailure(reported::set));
        assertThat(core.submitSync(LedgerInput.deposit(1, 5), WAIT)).isEqualTo(5);
        CompletableFuture<Long> second = core.submit(LedgerInput.deposit(2, 5));

        assertThatThrownBy(() -> core.submit(LedgerInput.deposit(3, 5)))
                .isInstanceOf(EventCoreFailedException.class)
                .hasMessageContaining("stamp stage")
                .hasRootCauseMessage("stamper bug");
        assertThat(second.join()).isEqualTo(10);
        assertThat(reported.get()).hasMessage("stamper bug");
        assertThatThrownBy(() -> core.submit(LedgerInput.deposit(4, 5))).isInstanceOf(EventCoreFailedException.class);
        assertThat(journaledInputs()).extracting(LedgerInput::id).containsExactly(1L, 2L);
    }

    @ParameterizedTest
    @EnumSource(Topology.class)
    void aJournalFailureStopsTheCoreBeforeTheInputIsApplied(Topology topology) {
        Ledger ledger = new Ledger();
        EventCore<LedgerInput, Long> core = start(ledger, topology, b -> {});
        core.submitSync(LedgerInput.deposit(1, 5), WAIT);
        journal.failNextAppend(new IllegalStateException("disk full"));

        assertThatThrownBy(() -> core.submitSync(LedgerInput.deposit(2, 5), WAIT))
                .isInstanceOf(EventCoreFailedException.class)
                .hasMessageContaining("journal stage")
                .hasRootCauseMessage("disk full");
        assertThat(core.metrics().applied()).isEqualTo(1);
        assertThat(core.failure()).isPresent();
    }

    @ParameterizedTest
    @EnumSource(Topology.class)
    void anExceptionInAReplyHandlerStopsTheCore(Topology topology) throws Exception {
        Ledger ledger = new Ledger();
        CountDownLatch failed = new CountDownLatch(1);
        EventCore<LedgerInput, Long> core = start(ledger, topology, b -> b.onFailure(t -> failed.countDown()));

        core.submit(LedgerInput.deposit(1, 1), (result, failure) -> {
            throw new IllegalArgumentException("handler bug");
        });

        assertThat(failed.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(core.failure())
                .get()
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.THROWABLE)
                .hasMessage("handler bug");
        assertThatThrownBy(() -> core.submit(LedgerInput.deposit(2, 1))).hasMessageContaining("handler bug");
    }

    @ParameterizedTest
    @EnumSource(Topology.class)
    void replyHandlersReceiveEachResultExactlyOnce(Topology topology) throws Exception {
        Ledger ledger = new Ledger();
        EventCore<LedgerInput, Long> core = start(ledger, topology, b -> {});
        List<Long> results = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(100);
        for (int id = 0; id < 100; id++) {
            core.submit(LedgerInput.deposit(id, 2), (result, failure) -> {
                results.add(result);
                done.countDown();
            });
        }

        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(results).hasSize(100).isSorted().endsWith(200L);
    }

    @ParameterizedTest
    @EnumSource(Topology.class)
    void submitSyncTimesOutWhenNoReplyComes(Topology topology) throws Exception {
        GatedLedger gated = new GatedLedger(1);
        EventCore<LedgerInput, Long> core = start(gated, topology, b -> {});

        assertThatThrownBy(() -> core.submitSync(LedgerInput.deposit(1, 3), Duration.ofMillis(50)))
                .isInstanceOf(ReplyTimeoutException.class)
                .hasMessageContaining("no reply")
                .hasMessageContaining("may still be applied");
        gated.open.countDown();
        assertThat(core.submitSync(LedgerInput.deposit(2, 4), WAIT)).isEqualTo(7);
    }

    /** Delegates to an in-memory journal; its first append waits for a latch, and batch sizes are recorded. */
    static final class GatedJournal implements Journal {
        final InMemoryJournal inner = new InMemoryJournal();
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch open = new CountDownLatch(1);
        final List<Integer> batchSizes = new CopyOnWriteArrayList<>();

        @Override
        public long append(ByteBuffer payload) {
            return inner.append(payload);
        }

        @Override
        public void appendAll(ByteBuffer[] payloads, int count, long[] indexes) {
            entered.countDown();
            try {
                if (!open.await(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("journal gate never opened");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            batchSizes.add(count);
            Journal.super.appendAll(payloads, count, indexes);
        }

        @Override
        public RecoveryReport replay(long afterIndex, EntryHandler handler) {
            return inner.replay(afterIndex, handler);
        }

        @Override
        public void sealDamage(RecoveryReport report) {
            inner.sealDamage(report);
        }

        @Override
        public long lastIndex() {
            return inner.lastIndex();
        }

        @Override
        public void close() {}
    }

    @ParameterizedTest
    @EnumSource(Topology.class)
    void inputsWaitingInTheRingAreJournaledTogetherAndAppliedOnlyAfterwards(Topology topology) throws Exception {
        GatedJournal gated = new GatedJournal();
        Ledger ledger = new Ledger();
        AtomicInteger appliedBeforeJournaled = new AtomicInteger();
        StateMachine<LedgerInput, Long> checking = input -> {
            if (gated.inner.lastIndex() < ledger.count) {
                appliedBeforeJournaled.incrementAndGet();
            }
            return ledger.apply(input);
        };
        EventCore<LedgerInput, Long> core = start(checking, topology, b -> b.journal(gated, new LedgerCodec()));
        CompletableFuture<Long> first = core.submit(LedgerInput.deposit(0, 1));
        assertThat(gated.entered.await(10, TimeUnit.SECONDS)).isTrue();
        List<CompletableFuture<Long>> waiting = new ArrayList<>();
        for (int id = 1; id <= 40; id++) {
            waiting.add(core.submit(LedgerInput.deposit(id, 1)));
        }
        gated.open.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(waiting.get(39).get(10, TimeUnit.SECONDS)).isEqualTo(41);
        assertThat(gated.batchSizes).first().isEqualTo(1);
        assertThat(gated.batchSizes)
                .as("the 40 inputs that waited are one ring batch")
                .contains(40);
        assertThat(gated.inner.size()).isEqualTo(41);
        assertThat(appliedBeforeJournaled).hasValue(0);
    }

    @ParameterizedTest
    @EnumSource(Topology.class)
    void tasksRunOnTheWriterThreadAfterEveryEarlierInput(Topology topology) {
        Ledger ledger = new Ledger();
        EventCore<LedgerInput, Long> core = start(ledger, topology, b -> {});
        for (int id = 0; id < 100; id++) {
            core.submit(LedgerInput.deposit(id, 1));
        }

        record Seen(long count, long index, String thread) {}
        Seen seen = core.execute(index ->
                        new Seen(ledger.count, index, Thread.currentThread().getName()))
                .join();

        assertThat(seen.count()).isEqualTo(100);
        assertThat(seen.index()).isEqualTo(99);
        assertThat(seen.thread()).startsWith("test-core-");
        assertThat(core.metrics().lastAppliedIndex()).isEqualTo(99);
    }

    @Test
    void journalAndWriterWithoutAJournalRunsOnOneThread() {
        Ledger ledger = new Ledger();
        List<String> threads = new ArrayList<>();
        EventCore<LedgerInput, Long> core = start(ledger, Topology.JOURNAL_AND_WRITER, b -> b.name("journal-off")
                .journal(Journal.disabled(), new LedgerCodec())
                .resultListener((index, input, result) ->
                        threads.add(Thread.currentThread().getName())));

        for (int id = 0; id < 10; id++) {
            assertThat(core.submitSync(LedgerInput.deposit(id, 1), WAIT)).isEqualTo(id + 1L);
        }
        String writer = core.execute(index -> Thread.currentThread().getName()).join();

        assertThat(threads).hasSize(10).containsOnly("journal-off-core");
        assertThat(writer).isEqualTo("journal-off-core");
        assertThat(Thread.getAllStackTraces().keySet())
                .extracting(Thread::getName)
                .doesNotContain("journal-off-journal");
        assertThat(EventCore.layout(Topology.JOURNAL_AND_WRITER, true)).isEqualTo(Topology.JOURNAL_AND_WRITER);
        assertThat(EventCore.layout(Topology.THREAD_PER_STAGE, false)).isEqualTo(Topology.THREAD_PER_STAGE);
    }

    @Test
    void aFailingTaskFailsOnlyItsOwnFuture() {
        Ledger ledger = new Ledger();
        EventCore<LedgerInput, Long> core = start(ledger, Topology.SINGLE_THREAD, b -> {});

        CompletableFuture<Object> task = core.execute(index -> {
            throw new IllegalStateException("task bug");
        });

        assertThatThrownBy(task::join).hasRootCauseMessage("task bug");
        assertThat(core.failure()).isEmpty();
        assertThat(core.submitSync(LedgerInput.deposit(1, 1), WAIT)).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Topology.class)
    void closeFinishesPublishedInputsAndThenRejectsNewOnes(Topology topology) {
        Ledger ledger = new Ledger();
        EventCore<LedgerInput, Long> core = start(ledger, topology, b -> {});
        List<CompletableFuture<Long>> replies = new ArrayList<>();
        for (int id = 0; id < 500; id++) {
            replies.add(core.submit(LedgerInput.deposit(id, 1)));
        }

        core.close();

        assertThat(replies).allSatisfy(reply -> assertThat(reply).isCompleted());
        assertThat(replies.get(499).join()).isEqualTo(500);
        assertThatThrownBy(() -> core.submit(LedgerInput.deposit(999, 1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @ParameterizedTest
    @EnumSource(Topology.class)
    void withTheJournalOffInputsAreAppliedAndNothingIsEncoded(Topology topology) {
        Ledger ledger = new Ledger();
        Codec<LedgerInput> refusing = new Codec<>() {
            @Override
            public int encode(LedgerInput in, ByteBuffer out) {
                throw new AssertionError("journal off must not encode");
            }

            @Override
            public LedgerInput decode(ByteBuffer in) {
                throw new AssertionError();
            }
        };
        EventCore<LedgerInput, Long> core = start(ledger, topology, b -> b.journal(Journal.disabled(), refusing));

        for (int id = 0; id < 10; id++) {
            core.submit(LedgerInput.deposit(id, 1));
        }
        assertThat(core.submitSync(LedgerInput.deposit(10, 1), WAIT)).isEqualTo(11);
        assertThat(core.metrics().lastAppliedIndex()).isEqualTo(10);
        assertThat(journal.size()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Topology.class)
    void theResultListenerSeesEveryAppliedInputInJournalOrder(Topology topology) {
        Ledger ledger = new Ledger();
        List<Long> indexes = new CopyOnWriteArrayList<>();
        List<Long> results = new CopyOnWriteArrayList<>();
        EventCore<LedgerInput, Long> core = start(
                ledger,
                topology,
                b -> b.resultListener((index, input, result) -> {
                    indexes.add(index);
                    results.add(result);
                }));
        for (int id = 0; id < 20; id++) {
            core.submit(LedgerInput.deposit(id, 1));
        }
        core.close();

        assertThat(indexes).hasSize(20).isSorted();
        assertThat(results).startsWith(1L, 2L).endsWith(20L);
    }

    @Test
    void theBuilderRequiresAnOverloadedResultAndValidSizes() {
        EventCore.Builder<LedgerInput, Long> builder = EventCore.builder(new Ledger());
        assertThatThrownBy(builder::start).hasMessageContaining("overloadedResult");
        assertThatThrownBy(() -> builder.ringSize(1000)).hasMessageContaining("power of two");
        assertThatThrownBy(() -> builder.publishTimeout(Duration.ofMillis(-1))).hasMessageContaining(">= 0");
        assertThatThrownBy(() -> builder.maxEncodedBytes(8)).hasMessageContaining(">= 16");
    }

    @Test
    void snapshotWithoutAStoreIsRefusedWithAnExplanation() {
        EventCore<LedgerInput, Long> core = start(new Ledger(), Topology.SINGLE_THREAD, b -> {});
        assertThatThrownBy(core::snapshot).hasMessageContaining("no snapshot store");
    }

    /** Writes the ledger encoding followed by {@code amount} padding bytes; reads only the ledger part. */
    static final class PaddedCodec implements Codec<LedgerInput> {
        @Override
        public int encode(LedgerInput in, ByteBuffer out) {
            int n = new LedgerCodec().encode(in, out);
            for (long i = 0; i < in.amount(); i++) {
                out.put((byte) 0);
            }
            return n + (int) in.amount();
        }

        @Override
        public LedgerInput decode(ByteBuffer in) {
            return new LedgerCodec().decode(in.limit(in.position() + LedgerCodec.BYTES));
        }
    }

    @Test
    void anInputLargerThanTheSlotBufferIsJournaledWholeAfterTheBufferGrows() {
        Ledger ledger = new Ledger();
        EventCore<LedgerInput, Long> core =
                start(ledger, Topology.SINGLE_THREAD, b -> b.journal(journal, new PaddedCodec()));

        core.submitSync(LedgerInput.deposit(1, 5_000), WAIT);
        core.submitSync(LedgerInput.deposit(2, 10), WAIT);

        assertThat(journal.frame(0)).hasSize(9 + LedgerCodec.BYTES + 5_000);
        assertThat(journal.frame(1)).hasSize(9 + LedgerCodec.BYTES + 10);
        assertThat(core.failure()).isEmpty();
    }

    @Test
    void anInputLargerThanMaxEncodedBytesStopsTheCoreNamingTheLimit() {
        EventCore<LedgerInput, Long> core =
                start(new Ledger(), Topology.SINGLE_THREAD, b -> b.journal(journal, new PaddedCodec())
                        .maxEncodedBytes(1024));

        assertThatThrownBy(() -> core.submitSync(LedgerInput.deposit(1, 5_000), WAIT))
                .isInstanceOf(EventCoreFailedException.class)
                .hasMessageContaining("maxEncodedBytes = 1024");
        assertThat(journal.size()).isZero();
    }
}
