/**
 * Span moves on running simulated systems: {@link org.stroom.ports.sim.moves.SpanMoveExecutor}
 * re-plugs a circuit's softport cable, tells the port managers ({@code SpanRemoved}/{@code
 * SpanAdded} or {@code SpanMoved}, the span's live state, hunt-group redefinitions) and records every
 * step in an {@link org.stroom.ports.sim.moves.AuditTrail}; incompatible moves are refused with
 * their {@link org.stroom.ports.sim.moves.Refusal reasons}.
 *
 * <p>Thread-safety: see each type; everything is driven from the thread that advances the virtual
 * clock.
 */
package org.stroom.ports.sim.moves;
