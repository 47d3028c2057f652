package org.stroom.ports.hal.brooktrout.jna;

/**
 * Receives decoded callbacks. Called on the library's callback thread: implementations must only
 * publish (e.g. offer to a queue or ring) and return quickly; they must not block or call Bfv
 * functions that block. Exceptions they throw are caught and reported to {@link #onFault}.
 *
 * <p>Thread-safety: implementations must be safe to call from the native callback thread.
 */
public interface BfvEventSink {

    /**
     * @param command the decoded event; never null
     */
    void onCommand(BfvIncomingCommand command);

    /**
     * Reports a failure while decoding or publishing a callback. The default does nothing; exceptions
     * thrown here are counted and dropped.
     *
     * @param unit unit of the line, or -1 if unknown
     * @param failure what went wrong; never null
     */
    default void onFault(int unit, Throwable failure) {}
}
