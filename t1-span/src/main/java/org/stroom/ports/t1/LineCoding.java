package org.stroom.ports.t1;

/**
 * DS1 line coding.
 *
 * <p>Thread-safety: immutable.
 */
public enum LineCoding {
    /** Alternate mark inversion; needs ones density, so bearers are limited to 56 kbit/s. */
    AMI,
    /** Bipolar 8-zero substitution; clear-channel 64 kbit/s bearers. */
    B8ZS
}
