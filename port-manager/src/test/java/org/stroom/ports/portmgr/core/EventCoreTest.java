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
import java.util.concurrent.atomic.AtomicLong;
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
import org.stroom.ports.t1.NanoClock;

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
        public Long apply(LedgerInput input, long atNanos) {
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
            return ledger.apply(input, atNanos);
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
        StateMachine<LedgerInput, Long> checking = (input, atNanos) -> {
            List<LedgerInput> journaled = journaledInputs();
            if (journaled.size() <= ledger.count
                    || !journaled.get((int) ledger.count).equals(input.withTime(atNanos))) {
                violations.incrementAndGet();
            }
            return ledger.apply(input, atNanos);
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
    void stampsEachInputWithTheClockAndJournalsTheStamp(Topology topology) {
        Ledger ledger = new Ledger();
        EventCore<LedgerInput, Long> core = start(ledger, topology, b -> {});
        clock.set(1_000);
        core.submitSync(LedgerInput.deposit(1, 10), WAIT);
        clock.set(7_500);
        core.submitSync(LedgerInput.deposit(2, 10), WAIT);

        assertThat(journaledInputs()).extracting(LedgerInput::atNanos).containsExactly(1_000L, 7_500L);
        assertThat(core.execute(index -> ledger.lastAtNanos).join()).isEqualTo(7_500L);
    }

    @Test
    void underLoadOneClockReadingStampsManyInputsAndSubmittersNeverReadTheClock() throws Exception {
        GatedLedger gated = new GatedLedger(1);
        List<String> readers = new CopyOnWriteArrayList<>();
        AtomicLong time = new AtomicLong();
        EventCore<LedgerInput, Long> core = start(
                gated,
                Topology.SINGLE_THREAD,
                b -> b.clock(realTime(() -> {
                    readers.add(Thread.currentThread().getName());
                    return time.addAndGet(1_000);
                })));
        core.submitSync(LedgerInput.deposit(0, 1), WAIT);
        CompletableFuture<Long> held = core.submit(LedgerInput.deposit(1, 1));
        assertThat(gated.entered.await(10, TimeUnit.SECONDS)).isTrue();
        List<CompletableFuture<Long>> queued = new ArrayList<>();
        for (int id = 2; id < 1002; id++) {
            queued.add(core.submit(LedgerInput.deposit(id, 1)));
        }
        int readsBefore = readers.size();
        gated.open.countDown();
        assertThat(queued.get(999).get(10, TimeUnit.SECONDS)).isEqualTo(1002);
        assertThat(held.join()).isEqualTo(2);

        // The 1,000 inputs that waited are one ring batch, or a few: a clock reading per 64 inputs at most.
        assertThat(readers.size() - readsBefore).isBetween(1, 1000 / EventCore.STAMP_EVERY + 4);
        assertThat(readers).allMatch(name -> name.startsWith("test-core"));
        List<LedgerInput> journaled = journaledInputs();
        assertThat(journaled).hasSize(1002).extracting(LedgerInput::atNanos).isSorted();
    }

    /** @return {@code clock}, declared {@link NanoClock#realTime()}: the core reads it on its own thread */
    private static NanoClock realTime(NanoClock clock) {
        return NanoClock.realTime(clock::nanos);
    }

    @Test
    void aClockThatOnlyMovesWhenToldIsReadWhenTheInputIsSubmittedHoweverLateTheCoreTakesIt() throws Exception {
        GatedLedger gated = new GatedLedger(1);
        EventCore<LedgerInput, Long> core = start(gated, Topology.SINGLE_THREAD, b -> {});
        clock.set(1_000);
        core.submit(LedgerInput.deposit(1, 1));
        assertThat(gated.entered.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Long> second = core.submit(LedgerInput.deposit(2, 1));
        clock.set(31_000); // a simulation moves its clock on while the core is still busy
        gated.open.countDown();
        second.get(10, TimeUnit.SECONDS);
        core.submitSync(LedgerInput.deposit(3, 1), WAIT);

        assertThat(journaledInputs()).extracting(LedgerInput::atNanos).containsExactly(1_000L, 1_000L, 31_000L);
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

    @ParameterizedTest
    @EnumSource(Topology.class)
    void aClockExceptionStopsTheCoreAndReachesTheSubmitterWhileEarlierInputsStayApplied(Topology topology) {
        Ledger ledger = new Ledger();
        AtomicReference<Throwable> reported = new AtomicReference<>();
        java.util.concurrent.atomic.AtomicBoolean broken = new java.util.concurrent.atomic.AtomicBoolean();
        EventCore<LedgerInput, Long> core = start(ledger, topology, b -> b.clock(realTime(() -> {
                    if (broken.get()) {
                        throw new IllegalArgumentException("clock bug");
                    }
                    return 1_000;
                }))
                .onFailure(reported::set));
        assertThat(core.submitSync(LedgerInput.deposit(1, 5), WAIT)).isEqualTo(5);
        assertThat(core.submitSync(LedgerInput.deposit(2, 5), WAIT)).isEqualTo(10);
        broken.set(true);

        CompletableFuture<Long> third = core.submit(LedgerInput.deposit(3, 5));
        assertThatThrownBy(third::join)
                .hasCauseInstanceOf(EventCoreFailedException.class)
                .hasMessageContaining("journal stage")
                .hasRootCauseMessage("clock bug");
        assertThat(reported.get()).hasMessage("clock bug");
        assertThatThrownBy(() -> core.submit(LedgerInput.deposit(4, 5))).isInstanceOf(EventCoreFailedException.class);
        assertThat(journaledInputs()).extracting(LedgerInput::id).containsExactly(1L, 2L);
        assertThat(ledger.sum).isEqualTo(10);
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
        StateMachine<LedgerInput, Long> checking = (input, atNanos) -> {
            if (gated.inner.lastIndex() < ledger.count) {
                appliedBeforeJournaled.incrementAndGet();
            }
            return ledger.apply(input, atNanos);
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
    @Timeout(60)
    void producersRacingCloseEachGetAnAnswerOrAClosedRefusalAndNothingIsLost(Topology topology) throws Exception {
        Ledger ledger = new Ledger();
        EventCore<LedgerInput, Long> core = start(ledger, topology, b -> b.ringSize(64));
        int producers = 3;
        List<CompletableFuture<Long>> replies = new CopyOnWriteArrayList<>();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger otherErrors = new AtomicInteger();
        CountDownLatch running = new CountDownLatch(producers);
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            int first = p * 1_000_000;
            Thread t = new Thread(() -> {
                running.countDown();
                for (int id = first; ; id++) {
                    try {
                        replies.add(core.submit(LedgerInput.deposit(id, 1)));
                    } catch (IllegalStateException e) {
                        if (e.getMessage().contains("closed")) {
                            refused.incrementAndGet();
                        } else {
                            otherErrors.incrementAndGet();
                        }
                        return;
                    }
                }
            });
            t.start();
            threads.add(t);
        }
        running.await();
        Thread.sleep(20);

        core.close();
        for (Thread t : threads) {
            t.join(10_000);
        }

        // Every producer ended with the closed refusal; every future it got back is answered, and the ledger
        // holds exactly the inputs answered with a result.
        assertThat(refused).hasValue(producers);
        assertThat(otherErrors).hasValue(0);
        long answered = 0;
        for (CompletableFuture<Long> reply : replies) {
            assertThat(reply).isDone();
            if (!reply.isCompletedExceptionally() && reply.join() != OVERLOADED) {
                answered++;
            }
        }
        assertThat(ledger.count).isEqualTo(answered);
        assertThat(answered).isPositive();
    }

    @ParameterizedTest
    @EnumSource(Topology.class)
    void withTheJournalOffInputsAreAppliedAndNothingIsEncoded(Topology topology) {
        Ledger ledger = new Ledger();
        Codec<LedgerInput> refusing = new Codec<>() {
            @Override
            public int encode(LedgerInput in, long atNanos, ByteBuffer out) {
                throw new AssertionError("journal off must not encode");
            }

            @Override
            public LedgerInput decode(ByteBuffer in) {
                throw new AssertionError();
            }

            @Override
            public long atNanos(LedgerInput decoded) {
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
        public int encode(LedgerInput in, long atNanos, ByteBuffer out) {
            int n = new LedgerCodec().encode(in, atNanos, out);
            for (long i = 0; i < in.amount(); i++) {
                out.put((byte) 0);
            }
            return n + (int) in.amount();
        }

        @Override
        public LedgerInput decode(ByteBuffer in) {
            return new LedgerCodec().decode(in.limit(in.position() + LedgerCodec.BYTES));
        }

        @Override
        public long atNanos(LedgerInput decoded) {
            return decoded.atNanos();
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
