package org.stroom.ports.portmgr.alloc;

/**
 * Bytes that should hold an encoded {@link Input} or snapshot do not: truncated, unknown version or type,
 * checksum mismatch, or a field out of range. The decoders throw only this (never a buffer or argument
 * exception), so a journal reader can stop at, or skip, the damaged entry.
 *
 * <p>Thread-safety: immutable.
 */
public final class CorruptEntryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long offset;
    private final String type;

    /**
     * @param offset position of the entry's first byte in the buffer being decoded
     * @param type the entry's type as far as it could be read ("Allocate", "snapshot", "tag 0x7f", "?")
     * @param problem what is wrong
     * @param cause the underlying failure, or null
     */
    public CorruptEntryException(long offset, String type, String problem, Throwable cause) {
        super("corrupt " + type + " entry at offset " + offset + ": " + problem, cause);
        this.offset = offset;
        this.type = type;
    }

    /** @return position of the entry's first byte in the buffer being decoded */
    public long offset() {
        return offset;
    }

    /** @return the entry's type as far as it could be read */
    public String type() {
        return type;
    }
}
