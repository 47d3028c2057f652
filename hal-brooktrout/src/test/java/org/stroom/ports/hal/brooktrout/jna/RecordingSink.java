package org.stroom.ports.hal.brooktrout.jna;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Publishes callbacks into a queue and records the thread each arrived on, as a real sink would. */
class RecordingSink implements BfvEventSink {
    final BlockingQueue<BfvIncomingCommand> commands = new LinkedBlockingQueue<>();
    final List<String> threads = new CopyOnWriteArrayList<>();
    final BlockingQueue<Throwable> faults = new LinkedBlockingQueue<>();

    @Override
    public void onCommand(BfvIncomingCommand command) {
        threads.add(Thread.currentThread().getName());
        commands.add(command);
    }

    @Override
    public void onFault(int unit, Throwable failure) {
        faults.add(failure);
    }

    /** Takes the next command, failing the test if none arrives within 5 s. */
    BfvIncomingCommand next() {
        try {
            BfvIncomingCommand c = commands.poll(5, TimeUnit.SECONDS);
            assertThat(c).as("callback within 5 s").isNotNull();
            return c;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Skips commands until one of this kind arrives. */
    BfvIncomingCommand next(BfvEventKind kind) {
        for (; ; ) {
            BfvIncomingCommand c = next();
            if (c.kind() == kind) {
                return c;
            }
        }
    }

    Throwable nextFault() {
        try {
            Throwable t = faults.poll(5, TimeUnit.SECONDS);
            assertThat(t).as("fault within 5 s").isNotNull();
            return t;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
