/**
 * Capacity model: is there a fax or voice port for every call the system must carry?
 *
 * <p>Inputs are plain validating records: a {@link org.stroom.ports.portmgr.capacity.CapacityInventory} of
 * systems, machines (up or down), boards (channel capacity, abilities, free positions) and spans (provisioning,
 * live status, abilities, locked channels), and a {@link org.stroom.ports.portmgr.capacity.LoadProfile} of hunt
 * pools and application modules (busy-hour attempts, holding time or fax page model, retries, target). The
 * {@link org.stroom.ports.portmgr.capacity.PortSizer} sizes each pool with the traffic formulas of
 * {@code capacity.traffic}; {@link org.stroom.ports.portmgr.capacity.CapacityModel} splits usable ports between
 * pools as a maximum flow (dual-capable ports count once) and returns a
 * {@link org.stroom.ports.portmgr.capacity.Verdict}; {@link org.stroom.ports.portmgr.capacity.Rehearsal} repeats
 * that under rehearsed failures. See {@code docs/capacity.md}.
 *
 * <p>Thread-safety: records are immutable; compiled models and the sizer are safe from any thread.
 */
package org.stroom.ports.portmgr.capacity;
