package org.stroom.ports.portmgr.core;

import java.util.concurrent.atomic.AtomicLong;
import org.stroom.ports.t1.NanoClock;

/** A test clock moved by hand. Thread-safety: safe from any thread. */
final class ManualNanoClock implements NanoClock {
    private final AtomicLong nanos = new AtomicLong();

    @Override
    public long nanos() {
        return nanos.get();
    }

    void set(long value) {
        nanos.set(value);
    }

    void advance(long delta) {
        nanos.addAndGet(delta);
    }
}
