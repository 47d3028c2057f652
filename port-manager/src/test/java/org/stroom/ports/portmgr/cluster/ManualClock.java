package org.stroom.ports.portmgr.cluster;

import org.stroom.ports.t1.NanoClock;

/** A clock tests move by hand. */
final class ManualClock implements NanoClock {
    private long nanos;

    @Override
    public long nanos() {
        return nanos;
    }

    void advanceMillis(long ms) {
        nanos += ms * 1_000_000L;
    }
}
