/**
 * The port manager's event core: a single-writer pipeline on an LMAX Disruptor ring that journals every input
 * before a deterministic {@link org.stroom.ports.portmgr.core.StateMachine} applies it, then replies.
 *
 * <p>{@link org.stroom.ports.portmgr.core.EventCore} is generic over the input and result types; the state
 * owner supplies the {@link org.stroom.ports.portmgr.core.StateMachine}, a
 * {@link org.stroom.ports.portmgr.core.Codec} for the journal, which records each input with the core's time
 * stamp, and optionally a {@link org.stroom.ports.portmgr.core.Snapshotter}.
 * {@link org.stroom.ports.portmgr.core.Recovery} rebuilds the state from the newest valid snapshot plus the
 * journal entries after it.
 *
 * <p>Thread-safety: see each type; the state machine is only ever touched by the core's writer thread.
 */
package org.stroom.ports.portmgr.core;
