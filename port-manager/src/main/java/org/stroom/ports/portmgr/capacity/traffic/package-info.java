/**
 * Teletraffic mathematics for sizing port groups: {@link org.stroom.ports.portmgr.capacity.traffic.ErlangB}
 * (blocked calls cleared), {@link org.stroom.ports.portmgr.capacity.traffic.ExtendedErlangB} (blocked calls
 * retry), {@link org.stroom.ports.portmgr.capacity.traffic.ErlangC} (blocked calls wait) and
 * {@link org.stroom.ports.portmgr.capacity.traffic.Engset} (finite source populations).
 *
 * <p>Units: traffic in erlangs (one port busy for one hour, or equivalently mean number of busy ports), times
 * in seconds, probabilities as fractions in [0, 1]. Everything is computed with numerically stable
 * recursions in {@code double}, never with factorials or powers, so port counts up to
 * {@link org.stroom.ports.portmgr.capacity.traffic.ErlangB#MAX_PORTS} are exact to a few units in the last
 * place per step. Results smaller than {@link Double#MIN_NORMAL} underflow towards zero.
 *
 * <p>Arguments are validated: a bad argument throws {@link java.lang.IllegalArgumentException} naming the
 * function, the parameter, the value and the valid range. The package depends on the JDK only.
 *
 * <p>Thread-safety: all classes are stateless or immutable and safe to call from any thread.
 */
package org.stroom.ports.portmgr.capacity.traffic;
