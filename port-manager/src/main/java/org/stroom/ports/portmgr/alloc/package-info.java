/**
 * Port inventory and allocation as a deterministic state machine: {@link
 * org.stroom.ports.portmgr.alloc.Input}s (inventory, requests, HAL reports, heartbeats, locks, ticks,
 * audits) go in, {@link org.stroom.ports.portmgr.alloc.Result}s come out, and {@link
 * org.stroom.ports.portmgr.alloc.PortManagerState} holds everything in between. Hunt groups, reservations,
 * lease expiry and audit reconciliation live here; the ring, the journal and the threads live in {@code
 * portmgr.core} and {@code portmgr.journal}, which drive this package through {@code apply}, {@link
 * org.stroom.ports.portmgr.alloc.InputCodec} and {@link org.stroom.ports.portmgr.alloc.SnapshotCodec}.
 *
 * <p>Time is the {@code atNanos} stamp the core puts on each input (nanoseconds from its clock's
 * origin); nothing here reads a clock or draws a random number, so replay is exact.
 *
 * <p>Thread-safety: value types are immutable; {@code PortManagerState} is confined to the core's single
 * writer thread; the codecs say per class.
 */
package org.stroom.ports.portmgr.alloc;
