package org.stroom.ports.server;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits for a condition of a running system: a checker thread tests it every 20 ms and completes a future the test
 * waits on, failing with the description and the last state seen when the time is up.
 */
final class Eventually {
    private Eventually() {}

    static void await(String what, Duration timeout, BooleanSupplier condition) {
        await(what, timeout, condition, () -> "");
    }

    static void await(String what, Duration timeout, BooleanSupplier condition, Supplier<String> state) {
        ScheduledExecutorService checker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "eventually");
            t.setDaemon(true);
            return t;
        });
        CompletableFuture<Void> met = new CompletableFuture<>();
        checker.scheduleWithFixedDelay(
                () -> {
                    try {
                        if (condition.getAsBoolean()) {
                            met.complete(null);
                        }
                    } catch (RuntimeException e) {
                        // the system is between states; try again
                    } catch (AssertionError e) {
                        met.completeExceptionally(e);
                    }
                },
                0,
                20,
                TimeUnit.MILLISECONDS);
        try {
            met.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("not within " + timeout.toMillis() + " ms: " + what + "; " + state.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted waiting for " + what);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AssertionError a) {
                throw a;
            }
            throw new AssertionError(what, e.getCause());
        } finally {
            checker.shutdownNow();
        }
    }
}
