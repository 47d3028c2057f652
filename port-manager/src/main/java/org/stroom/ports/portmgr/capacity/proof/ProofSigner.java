package org.stroom.ports.portmgr.capacity.proof;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Signs takeover proofs with an Ed25519 key pair (JDK provider, no extra library).
 *
 * <p>Thread-safety: safe from any thread (a new {@link Signature} per call).
 */
public final class ProofSigner {
    /** JCA algorithm name. */
    public static final String ALGORITHM = "Ed25519";

    private final KeyPair keys;
    private final String keyId;

    /**
     * @param keys an Ed25519 key pair
     * @throws IllegalArgumentException when the keys are not Ed25519
     */
    public ProofSigner(KeyPair keys) {
        this.keys = Objects.requireNonNull(keys, "ProofSigner: keys");
        String alg = keys.getPublic().getAlgorithm();
        if (!ALGORITHM.equals(alg) && !"EdDSA".equals(alg)) {
            throw new IllegalArgumentException(
                    "ProofSigner: the key pair is " + alg + "; takeover proofs are signed with Ed25519");
        }
        this.keyId = keyId(keys.getPublic());
    }

    /** @return a signer with a new random Ed25519 key pair */
    public static ProofSigner generate() {
        try {
            return new ProofSigner(KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ProofSigner: this JDK has no Ed25519 provider (needs Java 15+)", e);
        }
    }

    /**
     * @param key a public key
     * @return the first 16 hex digits of the SHA-256 of its X.509 encoding
     */
    public static String keyId(PublicKey key) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /** @return the public key, to hand to whoever verifies proofs later */
    public PublicKey publicKey() {
        return keys.getPublic();
    }

    /** @return the short id of the public key */
    public String keyId() {
        return keyId;
    }

    /**
     * @param data bytes to sign
     * @return the 64-byte Ed25519 signature
     */
    public byte[] sign(byte[] data) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initSign(keys.getPrivate());
            s.update(data);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ProofSigner: signing failed with key " + keyId, e);
        }
    }

    /**
     * @param data signed bytes
     * @param signature the signature
     * @param key the signer's public key
     * @return whether the signature is valid for the data and key
     * @throws IllegalArgumentException when the key is not an Ed25519 key
     */
    public static boolean verify(byte[] data, byte[] signature, PublicKey key) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initVerify(key);
            s.update(data);
            return s.verify(signature);
        } catch (java.security.InvalidKeyException e) {
            throw new IllegalArgumentException(
                    "verify: the key is not an Ed25519 public key (" + key.getAlgorithm() + ")", e);
        } catch (java.security.SignatureException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("verify: this JDK has no Ed25519 provider", e);
        }
    }
}
