package org.stroom.ports.portmgr.core;

/**
 * How the stages of an {@link EventCore} map onto threads. The stages and their order are the same in both:
 * journal, apply, reply, clear.
 *
 * <p>Thread-safety: immutable.
 */
public enum Topology {
    /**
     * One consumer thread runs every stage for an input before taking the next: fewest threads and hand-offs;
     * the right choice on machines with few cores.
     */
    SINGLE_THREAD,
    /**
     * A journal thread, and a writer thread that applies, replies and clears: journaling of later inputs
     * overlaps the apply of earlier ones, with one thread more than {@link #SINGLE_THREAD}. With the journal off
     * there is nothing to overlap, and the core runs as {@link #SINGLE_THREAD}.
     */
    JOURNAL_AND_WRITER,
    /**
     * A thread for the journal stage, one for apply, and one for reply and clear, chained by Disruptor
     * barriers: the journal of input n+1 overlaps the apply of input n. Needs spare cores.
     */
    THREAD_PER_STAGE
}
