/**
 * Takeover planning: which failed circuits move into which free board ports
 * ({@link org.stroom.ports.portmgr.capacity.plan.SpanMove}), which DID ranges roll over to which surviving
 * circuits ({@link org.stroom.ports.portmgr.capacity.plan.RolloverPlan}), and what is still missing
 * ({@link org.stroom.ports.portmgr.capacity.plan.TakeoverPlan#missing()}).
 *
 * <p>Thread-safety: immutable values and a stateless planner.
 */
package org.stroom.ports.portmgr.capacity.plan;
