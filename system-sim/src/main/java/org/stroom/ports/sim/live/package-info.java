/**
 * The capacity model fed from a running simulated system: {@link
 * org.stroom.ports.sim.live.LiveCapacity} builds the inventory from live span status, locks and
 * machine state; {@link org.stroom.ports.sim.live.MeasuredLoad} turns measured busy-hour traffic
 * into {@link org.stroom.ports.portmgr.capacity.Measurement}s that replace configured figures.
 *
 * <p>Thread-safety: see each type; call from the thread that advances the virtual clock.
 */
package org.stroom.ports.sim.live;
