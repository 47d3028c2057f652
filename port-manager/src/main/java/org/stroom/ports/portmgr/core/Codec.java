package org.stroom.ports.portmgr.core;

import java.nio.ByteBuffer;

/**
 * Explicit binary encoding of inputs and their time stamps for the journal: no reflection, no field-name
 * marshalling. The encoding must carry its own format version so that a journal written by one release is
 * read (or rejected with a clear message) by the next.
 *
 * <p>Round trip: for every input x of type {@code I} and time t, {@code decode(bytes written by encode(x, t))}
 * is an input y with {@code atNanos(y) == t} that the state machine treats as x.
 *
 * <p>The core encodes on its journal thread; recovery decodes on the thread that recovers.
 *
 * <p>Thread-safety: implementations must be stateless, or safe for one thread at a time.
 */
public interface Codec<I> {
    /**
     * Writes one input and the time it is applied at, at {@code out}'s position, advancing it.
     *
     * @param in the input, never null
     * @param atNanos the core's stamp for it (see {@link StateMachine#apply(Object, long)})
     * @param out a buffer positioned at 0 with its limit at its capacity; its byte order is the codec's
     *     choice (set it explicitly)
     * @return the number of bytes written
     * @throws java.nio.BufferOverflowException if the input does not fit; raise the core's
     *     {@code maxEncodedBytes}
     */
    int encode(I in, long atNanos, ByteBuffer out);

    /**
     * Reads one input from {@code in}, from its position to its limit.
     *
     * @param in the encoded bytes of exactly one input; only valid during the call, do not retain it
     * @return the input, never null; {@link #atNanos} tells its time
     * @throws RuntimeException (any unchecked exception) if the bytes are not a valid encoding, naming the
     *     format version or field that is wrong; recovery reports it as an undecodable entry
     */
    I decode(ByteBuffer in);

    /**
     * @param decoded an input returned by {@link #decode}
     * @return the time it was journaled with, which replay applies it at
     */
    long atNanos(I decoded);
}
