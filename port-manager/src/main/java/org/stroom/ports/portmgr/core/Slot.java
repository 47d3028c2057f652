package org.stroom.ports.portmgr.core;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;

/**
 * One ring entry. Written by the publishing thread, then by each stage in turn; the Disruptor barriers order
 * those writes, so plain fields suffice.
 *
 * <p>Thread-safety: owned by one thread at a time, handed over by the ring's sequences.
 */
final class Slot<I, R> {
    static final byte INPUT = 0;
    static final byte TASK = 1;
    /** Claimed after the core began refusing input (closed or failed): no input, no reply; its publisher throws. */
    static final byte REFUSED = 2;

    /** Null until an input too large for the journal stage's regions comes; then grows and stays. */
    ByteBuffer encoded;

    byte kind;
    I input;
    /**
     * The input's time stamp: the submitting thread's clock reading for a clock that is not real-time, then the
     * journal stage's stamp when the apply stage runs on another thread.
     */
    long atNanos;

    long journalIndex;
    boolean applied;
    R result;
    CompletableFuture<R> future;
    ReplyHandler<? super R> handler;
    PendingTask<?> task;

    void clear() {
        input = null;
        result = null;
        future = null;
        handler = null;
        task = null;
        applied = false;
    }

    /** A {@link WriterTask} and its future; the result is computed on the writer thread, delivered on reply. */
    static final class PendingTask<T> {
        private final WriterTask<T> task;
        private final CompletableFuture<T> future;
        private boolean ran;
        private T result;
        private Throwable error;

        PendingTask(WriterTask<T> task, CompletableFuture<T> future) {
            this.task = task;
            this.future = future;
        }

        void run(long lastAppliedIndex) {
            ran = true;
            try {
                result = task.run(lastAppliedIndex);
            } catch (Throwable t) {
                // A task only reads the state, so its failure is its caller's problem, not the core's.
                error = t;
            }
        }

        void deliver(Throwable coreFailure) {
            if (!ran) {
                future.completeExceptionally(coreFailure);
            } else if (error != null) {
                future.completeExceptionally(error);
            } else {
                future.complete(result);
            }
        }

        CompletableFuture<T> future() {
            return future;
        }
    }
}
