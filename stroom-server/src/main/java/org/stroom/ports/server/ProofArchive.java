package org.stroom.ports.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.stroom.ports.portmgr.capacity.proof.PromotionDecision;
import org.stroom.ports.portmgr.capacity.proof.ProofSigner;
import org.stroom.ports.portmgr.capacity.proof.TakeoverProof;

/**
 * Where a Server keeps its takeover proofs and the key that signs them. Each proof is written as two files: the
 * signed envelope ({@code proof-<time>-<grade>-<promoted|refused>.json}, verifiable later with
 * {@link #verify(Path, Path)} or {@link TakeoverProof#verifyEnvelope}) and the text an operator reads, with the
 * promotion decision ({@code .txt}). The Ed25519 signing key is created on first use: {@code proof-signer.key}
 * (PKCS#8 PEM, readable by the owner only) and {@code proof-signer.pub} (X.509 PEM), which is what an auditor
 * needs.
 *
 * <p>Thread-safety: safe from any thread ({@link #write} is synchronized).
 */
public final class ProofArchive {
    /** File of the signing key's private half. */
    public static final String PRIVATE_KEY = "proof-signer.key";
    /** File of the signing key's public half. */
    public static final String PUBLIC_KEY = "proof-signer.pub";

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final Path dir;
    private final ProofSigner signer;
    private volatile Path last;

    private ProofArchive(Path dir, ProofSigner signer) {
        this.dir = dir;
        this.signer = signer;
    }

    /**
     * Opens (creating it if needed) an archive directory and its signing key.
     *
     * @param dir the directory
     * @return the archive
     * @throws UncheckedIOException when the directory or key cannot be written or read
     * @throws IllegalArgumentException when the key files are not an Ed25519 key pair
     */
    public static ProofArchive open(Path dir) {
        try {
            Files.createDirectories(dir);
            Path priv = dir.resolve(PRIVATE_KEY);
            Path pub = dir.resolve(PUBLIC_KEY);
            if (!Files.exists(priv)) {
                KeyPair pair =
                        KeyPairGenerator.getInstance(ProofSigner.ALGORITHM).generateKeyPair();
                writePem(pub, "PUBLIC KEY", pair.getPublic().getEncoded(), false);
                writePem(priv, "PRIVATE KEY", pair.getPrivate().getEncoded(), true);
                return new ProofArchive(dir, new ProofSigner(pair));
            }
            KeyFactory f = KeyFactory.getInstance(ProofSigner.ALGORITHM);
            PrivateKey privateKey = f.generatePrivate(new PKCS8EncodedKeySpec(readPem(priv, "PRIVATE KEY")));
            PublicKey publicKey = readPublicKey(pub);
            return new ProofArchive(dir, new ProofSigner(new KeyPair(publicKey, privateKey)));
        } catch (IOException e) {
            throw new UncheckedIOException("proof archive " + dir + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    "proof archive " + dir + ": " + PRIVATE_KEY + " / " + PUBLIC_KEY + " are not an Ed25519 key pair ("
                            + e.getMessage() + "); move them away to create a new key",
                    e);
        }
    }

    /** @return the signer of new proofs */
    public ProofSigner signer() {
        return signer;
    }

    /** @return the archive directory */
    public Path dir() {
        return dir;
    }

    /** @return the public key file an auditor verifies proofs with */
    public Path publicKeyFile() {
        return dir.resolve(PUBLIC_KEY);
    }

    /** @return the last proof written by this process, if any */
    public Optional<Path> last() {
        return Optional.ofNullable(last);
    }

    /**
     * Writes a proof and its decision.
     *
     * @param proof the signed proof
     * @param decision what was decided with it
     * @return the envelope file ({@code .json}); the text is next to it ({@code .txt})
     * @throws UncheckedIOException when the files cannot be written
     */
    public synchronized Path write(TakeoverProof proof, PromotionDecision decision) {
        Objects.requireNonNull(proof, "write: proof");
        Objects.requireNonNull(decision, "write: decision");
        String base = "proof-" + STAMP.format(proof.createdAt()) + "-" + proof.grade() + "-"
                + (decision.promote() ? "promoted" : "refused");
        Path json = dir.resolve(base + ".json");
        for (int n = 2; Files.exists(json); n++) {
            json = dir.resolve(base + "-" + n + ".json");
        }
        Path text = dir.resolve(json.getFileName().toString().replaceFirst("\\.json$", ".txt"));
        String decisionText = "Decision: " + (decision.promote() ? "PROMOTE" : "DO NOT PROMOTE") + " ("
                + (decision.manual() ? "operator's command" : "automatic") + "): " + decision.reason()
                + decision.override()
                        .map(o -> "\nOverride by " + o.operator() + " at " + o.at() + ": " + o.reason())
                        .orElse("")
                + "\nVerify with the public key " + PUBLIC_KEY + " (key id " + proof.keyId() + ").\n";
        try {
            writeAtomically(json, proof.envelope() + "\n");
            writeAtomically(text, proof.text() + "\n\n" + decisionText);
        } catch (IOException e) {
            throw new UncheckedIOException("proof archive " + dir + ": cannot write " + json + ": " + e, e);
        }
        last = json;
        return json;
    }

    /**
     * Verifies a stored proof.
     *
     * @param envelopeFile a {@code proof-*.json} file
     * @param publicKeyFile the signer's {@code proof-signer.pub}
     * @return whether the envelope is well formed and its signature valid for the key
     * @throws UncheckedIOException when a file cannot be read
     * @throws IllegalArgumentException when the key file is not an Ed25519 public key
     */
    public static boolean verify(Path envelopeFile, Path publicKeyFile) {
        try {
            String envelope =
                    Files.readString(envelopeFile, StandardCharsets.UTF_8).strip();
            return TakeoverProof.verifyEnvelope(envelope, readPublicKey(publicKeyFile));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + envelopeFile + " or " + publicKeyFile + ": " + e, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(publicKeyFile + " is not an Ed25519 public key: " + e.getMessage(), e);
        }
    }

    /**
     * @param file a {@code proof-signer.pub} file
     * @return its key
     */
    public static PublicKey readPublicKey(Path file) throws IOException, GeneralSecurityException {
        return KeyFactory.getInstance(ProofSigner.ALGORITHM)
                .generatePublic(new X509EncodedKeySpec(readPem(file, "PUBLIC KEY")));
    }

    private static void writePem(Path file, String type, byte[] der, boolean secret) throws IOException {
        String pem = "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der)
                + "\n-----END " + type + "-----\n";
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, pem, StandardCharsets.US_ASCII);
        if (secret) {
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the directory's ACL protects it
            }
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
    }

    private static byte[] readPem(Path file, String type) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int b = text.indexOf(begin);
        int e = text.indexOf(end);
        if (b < 0 || e < b) {
            throw new IOException(file + " is not a PEM " + type);
        }
        return Base64.getMimeDecoder().decode(text.substring(b + begin.length(), e));
    }

    private static void writeAtomically(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
    }
}
