package org.stroom.ports.t1;

/**
 * ISDN PRI switch variant (the carrier's Q.931 dialect). Only meaningful for {@link Signalling#ISDN_PRI}.
 *
 * <p>Thread-safety: immutable.
 */
public enum PriSwitch {
    /** National ISDN-2. */
    NI2,
    /** AT&amp;T 4ESS. */
    ATT_4ESS,
    /** AT&amp;T / Lucent 5ESS custom. */
    ATT_5ESS,
    /** Nortel DMS-100. */
    DMS100
}
