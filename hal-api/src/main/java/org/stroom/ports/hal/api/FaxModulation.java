package org.stroom.ports.hal.api;

/**
 * Fax page-transfer modulations.
 *
 * <p>Thread-safety: immutable.
 */
public enum FaxModulation {
    /** V.27ter, up to 4,800 bit/s. */
    V27TER(4800),
    /** V.29, up to 9,600 bit/s. */
    V29(9600),
    /** V.17, up to 14,400 bit/s. */
    V17(14400),
    /** V.34 half-duplex (super G3), up to 33,600 bit/s. */
    V34(33600);

    private final int maxBps;

    FaxModulation(int maxBps) {
        this.maxBps = maxBps;
    }

    /** @return highest signalling rate in bit/s */
    public int maxBps() {
        return maxBps;
    }
}
