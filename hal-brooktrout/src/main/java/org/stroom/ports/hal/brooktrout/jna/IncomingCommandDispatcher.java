package org.stroom.ports.hal.brooktrout.jna;

import com.sun.jna.Pointer;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The registered {@link IncomingCmdFunc}: decodes the native packet and publishes it to a {@link
 * BfvEventSink}. Never throws into native code: a failing sink is reported to {@link
 * BfvEventSink#onFault}, and a failing {@code onFault} is counted in {@link #droppedFaults()}.
 *
 * <p>Thread-safety: safe to call from any thread; holds no locks.
 */
public final class IncomingCommandDispatcher implements IncomingCmdFunc {
    private final BfvModel model;
    private final BfvEventSink sink;
    private final int unit;
    private final AtomicLong droppedFaults = new AtomicLong();

    /**
     * @param model the code table; never null
     * @param unit the line's unit, used for fault reports when the packet cannot be read
     * @param sink where decoded events go; never null
     */
    public IncomingCommandDispatcher(BfvModel model, int unit, BfvEventSink sink) {
        this.model = Objects.requireNonNull(model, "model");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.unit = unit;
    }

    @Override
    public void invoke(BtLine lp, Pointer args) {
        // Throwable, not Exception: anything escaping into the native callback thread is lost or fatal.
        try {
            sink.onCommand(BfvIncomingCommand.decode(model, new ArgsPacket(args)));
        } catch (Throwable failure) {
            try {
                sink.onFault(unit, failure);
            } catch (Throwable dropped) {
                droppedFaults.incrementAndGet();
            }
        }
    }

    /** @return how many faults could not be reported because {@code onFault} itself threw */
    public long droppedFaults() {
        return droppedFaults.get();
    }
}
