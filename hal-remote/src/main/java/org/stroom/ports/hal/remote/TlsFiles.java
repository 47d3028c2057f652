package org.stroom.ports.hal.remote;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The PEM files one machine needs for mutual TLS on the Node ↔ Server link: the private CA's
 * certificate (what peers must chain to), the machine's certificate and its PKCS#8 private key.
 * {@link CertificateAuthority} writes them with the names {@link #in(Path, String)} expects.
 *
 * @param ca the CA certificate, {@code ca.pem}
 * @param certificate the machine's certificate (chain), {@code <machine>.pem}
 * @param privateKey the machine's private key, PKCS#8 ({@code -----BEGIN PRIVATE KEY-----}),
 *     {@code <machine>-key.pem}
 *     <p>Thread-safety: immutable.
 */
public record TlsFiles(Path ca, Path certificate, Path privateKey) {
    /** Rejects nulls. */
    public TlsFiles {
        Objects.requireNonNull(ca, "ca");
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(privateKey, "privateKey");
    }

    /**
     * @param dir a directory written by {@link CertificateAuthority#issue}
     * @param machine the machine name
     * @return {@code dir/ca.pem}, {@code dir/<machine>.pem}, {@code dir/<machine>-key.pem}
     */
    public static TlsFiles in(Path dir, String machine) {
        return new TlsFiles(
                dir.resolve(CertificateAuthority.CA_CERT),
                dir.resolve(machine + ".pem"),
                dir.resolve(machine + CertificateAuthority.KEY_SUFFIX));
    }

    /**
     * @return this
     * @throws IllegalArgumentException naming the first file that is missing or unreadable
     */
    public TlsFiles checkReadable() {
        check(ca, "CA certificate");
        check(certificate, "machine certificate");
        check(privateKey, "machine private key");
        return this;
    }

    private static void check(Path p, String what) {
        if (!Files.isRegularFile(p)) {
            throw new IllegalArgumentException("TLS " + what + " " + p
                    + " does not exist; create the certificates with CertificateAuthority (portman certs)"
                    + " and copy them to this machine");
        }
        if (!Files.isReadable(p)) {
            throw new IllegalArgumentException("TLS " + what + " " + p + " is not readable by this process");
        }
    }
}
