/**
 * Redundancy checks of the customer's modes: Mode 0 (one system), Mode 1 (two active systems covering each
 * other), Mode 2 (active and passive) and N+1 (one spare for several actives), each a list of
 * {@link org.stroom.ports.portmgr.capacity.Verdict}s; takeovers are planned before they are checked.
 *
 * <p>Thread-safety: immutable values and a stateless checker.
 */
package org.stroom.ports.portmgr.capacity.check;
