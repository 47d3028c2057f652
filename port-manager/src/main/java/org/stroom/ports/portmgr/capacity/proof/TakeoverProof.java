package org.stroom.ports.portmgr.capacity.proof;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import org.stroom.ports.portmgr.capacity.Grade;
import org.stroom.ports.portmgr.capacity.check.TakeoverAnalysis;

/**
 * Evidence, built at the moment of takeover from the survivor's live state, that the survivor can (or cannot)
 * carry the failed system's load: the survivor's inventory with usable ports, the load it must carry, the span
 * move and rollover plan, per-kind margins and the verdict, as canonical JSON signed with Ed25519 and as
 * readable text.
 *
 * <p>How to read it: {@link #grade()} first; {@link #text()} explains it. To check a stored proof later, take
 * {@link #envelope()} and the signer's public key and call {@link #verifyEnvelope(String, PublicKey)}; the JSON
 * inside is exactly the signed bytes.
 *
 * <p>Thread-safety: immutable.
 */
public final class TakeoverProof {
    private final TakeoverAnalysis analysis;
    private final String cause;
    private final Instant createdAt;
    private final String canonicalJson;
    private final String text;
    private final String keyId;
    private final byte[] signature;

    TakeoverProof(
            TakeoverAnalysis analysis,
            String cause,
            Instant createdAt,
            String canonicalJson,
            String text,
            String keyId,
            byte[] signature) {
        this.analysis = analysis;
        this.cause = cause;
        this.createdAt = createdAt;
        this.canonicalJson = canonicalJson;
        this.text = text;
        this.keyId = keyId;
        this.signature = signature.clone();
    }

    /** @return PASS, DEGRADED or FAIL */
    public Grade grade() {
        return analysis.verdict().grade();
    }

    /** @return the analysis the proof was built from */
    public TakeoverAnalysis analysis() {
        return analysis;
    }

    /** @return why the takeover was considered, e.g. {@code "15 consecutive missed heartbeats"} */
    public String cause() {
        return cause;
    }

    /** @return when the proof was built (from the injected clock) */
    public Instant createdAt() {
        return createdAt;
    }

    /** @return the signed canonical JSON */
    public String canonicalJson() {
        return canonicalJson;
    }

    /** @return the readable text */
    public String text() {
        return text;
    }

    /** @return the short id of the signing key */
    public String keyId() {
        return keyId;
    }

    /** @return a copy of the 64-byte Ed25519 signature over the UTF-8 bytes of {@link #canonicalJson()} */
    public byte[] signature() {
        return signature.clone();
    }

    /**
     * @param key the signer's public key
     * @return whether the signature is valid for this proof's JSON and the key
     * @throws IllegalArgumentException when the key is not an Ed25519 key
     */
    public boolean verify(PublicKey key) {
        return ProofSigner.verify(canonicalJson.getBytes(StandardCharsets.UTF_8), signature, key);
    }

    /**
     * The proof for storage or transfer, itself canonical JSON:
     * {@code {"algorithm":"Ed25519","keyId":"…","proof":{…},"signature":"<base64>"}}.
     *
     * @return the envelope
     */
    public String envelope() {
        return envelope(keyId, canonicalJson, signature);
    }

    static String envelope(String keyId, String canonicalJson, byte[] signature) {
        return "{\"algorithm\":\"" + ProofSigner.ALGORITHM + "\",\"keyId\":" + CanonicalJson.write(keyId)
                + ",\"proof\":" + canonicalJson + ",\"signature\":\""
                + Base64.getEncoder().encodeToString(signature) + "\"}";
    }

    /**
     * Verifies a stored envelope.
     *
     * @param envelope text produced by {@link #envelope()}
     * @param key the signer's public key
     * @return whether the envelope is well formed and its signature valid for the key
     * @throws IllegalArgumentException when the key is not an Ed25519 key
     */
    public static boolean verifyEnvelope(String envelope, PublicKey key) {
        Objects.requireNonNull(envelope, "verifyEnvelope: envelope");
        String start = "\"proof\":";
        String end = ",\"signature\":\"";
        int p = envelope.indexOf(start);
        int s = envelope.lastIndexOf(end);
        if (!envelope.startsWith("{\"algorithm\":\"" + ProofSigner.ALGORITHM + "\",")
                || p < 0
                || s < p
                || !envelope.endsWith("\"}")) {
            return false;
        }
        String json = envelope.substring(p + start.length(), s);
        byte[] sig;
        try {
            sig = Base64.getDecoder().decode(envelope.substring(s + end.length(), envelope.length() - 2));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return ProofSigner.verify(json.getBytes(StandardCharsets.UTF_8), sig, key);
    }

    @Override
    public String toString() {
        return "TakeoverProof[" + analysis.survivor().name() + " takes over "
                + analysis.failed().name() + ": " + grade() + ", " + createdAt + ", key " + keyId + "]";
    }
}
