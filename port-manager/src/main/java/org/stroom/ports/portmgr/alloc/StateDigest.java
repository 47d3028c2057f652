package org.stroom.ports.portmgr.alloc;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * SHA-256 of a state's canonical snapshot encoding: equal digests mean equal logical states (barring
 * hash collisions), so a Node and the Server, or a live state and its replay, can be compared by
 * exchanging 32 bytes.
 *
 * @param hex the digest as 64 lower-case hex digits
 *     <p>Thread-safety: immutable.
 */
public record StateDigest(String hex) {
    /**
     * @throws IllegalArgumentException when {@code hex} is not 64 lower-case hex digits
     */
    public StateDigest {
        Objects.requireNonNull(hex, "StateDigest.hex");
        if (!hex.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("StateDigest '" + hex + "' is not 64 lower-case hex digits");
        }
    }

    static StateDigest of(byte[] bytes) {
        try {
            return new StateDigest(HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM; every Java SE runtime must have it", e);
        }
    }

    @Override
    public String toString() {
        return hex.substring(0, 16);
    }
}
