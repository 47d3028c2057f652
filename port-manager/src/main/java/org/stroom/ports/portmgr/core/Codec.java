package org.stroom.ports.portmgr.core;

import java.nio.ByteBuffer;

/**
 * Explicit binary encoding of inputs for the journal: no reflection, no field-name marshalling. The
 * encoding must carry its own format version so that a journal written by one release is read (or
 * rejected with a clear message) by the next.
 *
 * <p>Round trip: {@code decode(bytes written by encode(x)).equals(x)} for every input x of type {@code I}.
 *
 * <p>The core encodes on its journal thread; recovery decodes on the thread that recovers.
 *
 * <p>Thread-safety: implementations must be stateless, or safe for one thread at a time.
 */
public interface Codec<I> {
    /**
     * Writes one input at {@code out}'s position, advancing it.
     *
     * @param in the input, never null
     * @param out a buffer positioned at 0 with its limit at its capacity; its byte order is the codec's
     *     choice (set it explicitly)
     * @return the number of bytes written
     * @throws java.nio.BufferOverflowException if the input does not fit; raise the core's
     *     {@code maxEncodedBytes}
     */
    int encode(I in, ByteBuffer out);

    /**
     * Reads one input from {@code in}, from its position to its limit.
     *
     * @param in the encoded bytes of exactly one input; only valid during the call, do not retain it
     * @return the input, never null
     * @throws RuntimeException (any unchecked exception) if the bytes are not a valid encoding, naming the
     *     format version or field that is wrong; recovery reports it as an undecodable entry
     */
    I decode(ByteBuffer in);
}
