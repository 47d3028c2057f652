package org.stroom.ports.hal.remote;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A private certificate authority for the Node ↔ Server links of one Stroom System (a test or a
 * small installation; a site with its own PKI issues the same kind of certificates there).
 *
 * <p>Keys are EC P-256, signatures SHA256withECDSA. A machine certificate has the machine name as
 * its subject CN and as a DNS subject alternative name (plus any extra DNS names or IP addresses),
 * key usage digitalSignature, and extended key usage serverAuth and clientAuth, so the same files
 * serve a Node (TLS server) and a Server (TLS client). Files, all PEM:
 *
 * <pre>
 *   ca.pem              the CA certificate: copy to every machine
 *   ca-key.pem          the CA private key: keep it on the machine that issues certificates only
 *   &lt;machine&gt;.pem       the machine's certificate
 *   &lt;machine&gt;-key.pem   the machine's private key, PKCS#8, readable by its owner only
 * </pre>
 *
 * <p>Time comes from the {@link InstantSource} given at creation; certificates start one hour
 * before it to tolerate clocks that differ between machines.
 *
 * <p>Thread-safety: immutable; {@link #issue} may be called from any thread.
 */
public final class CertificateAuthority {
    /** File name of the CA certificate. */
    public static final String CA_CERT = "ca.pem";
    /** File name of the CA private key. */
    public static final String CA_KEY = "ca-key.pem";
    /** Suffix of a machine's private key file after the machine name. */
    public static final String KEY_SUFFIX = "-key.pem";
    /** Default validity of the CA certificate. */
    public static final Duration CA_VALIDITY = Duration.ofDays(3650);
    /** Default validity of a machine certificate. */
    public static final Duration MACHINE_VALIDITY = Duration.ofDays(825);

    private static final Pattern MACHINE = Pattern.compile(
            "[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Duration SKEW = Duration.ofHours(1);
    private static final String SIGNATURE = "SHA256withECDSA";

    private final X509Certificate certificate;
    private final PrivateKey key;
    private final InstantSource clock;
    private final SecureRandom random = new SecureRandom();

    private CertificateAuthority(X509Certificate certificate, PrivateKey key, InstantSource clock) {
        this.certificate = certificate;
        this.key = key;
        this.clock = clock;
    }

    /**
     * Creates a new CA with a fresh key, valid for {@link #CA_VALIDITY} from now.
     *
     * @param name the CA's common name, e.g. {@code "Stroom System acme-prod CA"}; non-blank
     * @return the CA, held in memory; {@link #save} it
     */
    public static CertificateAuthority create(String name) {
        return create(name, CA_VALIDITY, InstantSource.system());
    }

    /**
     * Creates a new CA with a fresh key.
     *
     * @param name the CA's common name; non-blank
     * @param validity how long the CA certificate is valid, positive
     * @param clock the time certificates are issued at
     * @return the CA, held in memory
     */
    public static CertificateAuthority create(String name, Duration validity, InstantSource clock) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(clock, "clock");
        if (name.isBlank()) {
            throw new IllegalArgumentException("CertificateAuthority.create: the CA name is blank; give it a name");
        }
        checkValidity(validity);
        KeyPair pair = newKeyPair();
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.O, "Stroom System")
                .addRDN(BCStyle.CN, name)
                .build();
        Instant now = clock.instant();
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(
                            subject,
                            serial(new SecureRandom()),
                            Date.from(now.minus(SKEW)),
                            Date.from(now.plus(validity)),
                            subject,
                            pair.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(
                            Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(pair.getPublic()));
            return new CertificateAuthority(sign(b, pair.getPrivate()), pair.getPrivate(), clock);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("CertificateAuthority.create: cannot build the CA certificate: " + e, e);
        }
    }

    /**
     * Loads a CA saved by {@link #save}.
     *
     * @param dir the directory holding {@value #CA_CERT} and {@value #CA_KEY}
     * @return the CA, issuing at the system clock's time
     * @throws IllegalArgumentException when a file is missing or is not the expected PEM
     */
    public static CertificateAuthority load(Path dir) {
        return load(dir, InstantSource.system());
    }

    /**
     * Loads a CA saved by {@link #save}.
     *
     * @param dir the directory holding {@value #CA_CERT} and {@value #CA_KEY}
     * @param clock the time certificates are issued at
     * @return the CA
     * @throws IllegalArgumentException when a file is missing or is not the expected PEM
     */
    public static CertificateAuthority load(Path dir, InstantSource clock) {
        X509Certificate cert = readCertificate(dir.resolve(CA_CERT));
        PrivateKey key = readPrivateKey(dir.resolve(CA_KEY));
        if (cert.getBasicConstraints() < 0) {
            throw new IllegalArgumentException(
                    dir.resolve(CA_CERT) + " is not a CA certificate (no CA basic constraint)");
        }
        return new CertificateAuthority(cert, key, clock);
    }

    /** @return the CA certificate */
    public X509Certificate certificate() {
        return certificate;
    }

    /** @return the CA's common name */
    public String name() {
        return commonName(certificate);
    }

    /**
     * Writes {@value #CA_CERT} and {@value #CA_KEY} (owner-only permissions where the file system
     * has POSIX permissions) into {@code dir}, creating it.
     *
     * @throws IllegalStateException when either file exists already: a CA is never overwritten, as
     *     that would orphan every certificate it issued
     */
    public void save(Path dir) {
        createDirectories(dir);
        Path certFile = dir.resolve(CA_CERT);
        Path keyFile = dir.resolve(CA_KEY);
        if (Files.exists(certFile) || Files.exists(keyFile)) {
            throw new IllegalStateException("CertificateAuthority.save: " + certFile + " or " + keyFile
                    + " exists already; use another directory or load that CA with CertificateAuthority.load");
        }
        write(certFile, pem(certificate), false);
        write(keyFile, pem(new Pkcs8Key(key)), true);
    }

    /**
     * Issues a certificate for {@code machine}, valid for {@link #MACHINE_VALIDITY}, and writes
     * {@code ca.pem} (unless present), {@code <machine>.pem} and {@code <machine>-key.pem} into
     * {@code dir}.
     *
     * @param dir where to write; created if missing
     * @param machine the machine name as the Stroom System knows it (Node or Server name): letters,
     *     digits, hyphens and dots, as in a DNS name
     * @param alternativeNames more DNS names or IP address literals the certificate is valid for
     * @return the files written
     */
    public TlsFiles issue(Path dir, String machine, String... alternativeNames) {
        return issue(dir, machine, MACHINE_VALIDITY, List.of(alternativeNames));
    }

    /**
     * Issues a certificate for {@code machine} and writes it as {@link #issue(Path, String,
     * String...)} does.
     *
     * @param validity how long the certificate is valid, positive
     * @return the files written
     * @throws IllegalArgumentException when the machine name or an alternative name is malformed
     */
    public TlsFiles issue(Path dir, String machine, Duration validity, List<String> alternativeNames) {
        checkMachine(machine);
        checkValidity(validity);
        List<GeneralName> names = new ArrayList<>();
        names.add(new GeneralName(GeneralName.dNSName, machine));
        for (String alt : alternativeNames) {
            names.add(generalName(alt));
        }
        KeyPair pair = newKeyPair();
        Instant now = clock.instant();
        X509Certificate cert;
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                    .addRDN(BCStyle.O, "Stroom System")
                    .addRDN(BCStyle.CN, machine)
                    .build();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(
                            certificate,
                            serial(random),
                            Date.from(now.minus(SKEW)),
                            Date.from(now.plus(validity)),
                            subject,
                            pair.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(new KeyPurposeId[] {
                        KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth
                    }))
                    .addExtension(
                            Extension.subjectAlternativeName,
                            false,
                            new GeneralNames(names.toArray(new GeneralName[0])))
                    .addExtension(
                            Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(pair.getPublic()))
                    .addExtension(
                            Extension.authorityKeyIdentifier,
                            false,
                            ext.createAuthorityKeyIdentifier(certificate.getPublicKey()));
            cert = sign(b, key);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(
                    "CertificateAuthority.issue: cannot build the certificate of " + machine + ": " + e, e);
        }
        createDirectories(dir);
        TlsFiles files = TlsFiles.in(dir, machine);
        if (!Files.exists(files.ca())) {
            write(files.ca(), pem(certificate), false);
        }
        write(files.certificate(), pem(cert), false);
        write(files.privateKey(), pem(new Pkcs8Key(pair.getPrivate())), true);
        return files;
    }

    /**
     * @param file a PEM file with one certificate (the first is taken)
     * @return the certificate
     * @throws IllegalArgumentException when the file is missing or holds no certificate
     */
    public static X509Certificate readCertificate(Path file) {
        Object o = readPem(file);
        if (!(o instanceof X509CertificateHolder h)) {
            throw new IllegalArgumentException(file + " does not start with a PEM certificate (found "
                    + (o == null ? "nothing" : o.getClass().getSimpleName()) + ")");
        }
        try {
            return new JcaX509CertificateConverter().getCertificate(h);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(file + " holds a certificate Java cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * @param cert a certificate
     * @return the common name of its subject, or "" when it has none
     */
    static String commonName(X509Certificate cert) {
        X500Name name = X500Name.getInstance(cert.getSubjectX500Principal().getEncoded());
        var rdns = name.getRDNs(BCStyle.CN);
        return rdns.length == 0 ? "" : rdns[0].getFirst().getValue().toString();
    }

    static void checkMachine(String machine) {
        Objects.requireNonNull(machine, "machine");
        if (!MACHINE.matcher(machine).matches() || machine.length() > 253) {
            throw new IllegalArgumentException("machine name '" + machine
                    + "' is not usable in a certificate; use letters, digits, hyphens and dots as in a DNS name,"
                    + " e.g. node1 or node1.site.example");
        }
    }

    private static PrivateKey readPrivateKey(Path file) {
        Object o = readPem(file);
        try {
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (o instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
            if (o instanceof PEMKeyPair kp) {
                return converter.getKeyPair(kp).getPrivate();
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " holds a private key Java cannot read: " + e.getMessage(), e);
        }
        throw new IllegalArgumentException(file + " does not hold an unencrypted PEM private key (found "
                + (o == null ? "nothing" : o.getClass().getSimpleName()) + ")");
    }

    private static Object readPem(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + " does not exist");
        }
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
                PEMParser p = new PEMParser(r)) {
            return p.readObject();
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " is not a PEM file: " + e.getMessage(), e);
        }
    }

    private static GeneralName generalName(String alt) {
        Objects.requireNonNull(alt, "alternative name");
        if (IPV4.matcher(alt).matches() || alt.contains(":")) {
            try {
                // a literal, so no name lookup happens
                return new GeneralName(
                        GeneralName.iPAddress, InetAddress.getByName(alt).getHostAddress());
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("alternative name '" + alt + "' is not a valid IP address", e);
            }
        }
        checkMachine(alt);
        return new GeneralName(GeneralName.dNSName, alt);
    }

    private static void checkValidity(Duration validity) {
        Objects.requireNonNull(validity, "validity");
        if (validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("certificate validity " + validity + " must be positive");
        }
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot generate EC P-256 keys: " + e, e);
        }
    }

    private static BigInteger serial(SecureRandom random) {
        return new BigInteger(127, random).add(BigInteger.ONE);
    }

    private static X509Certificate sign(X509v3CertificateBuilder b, PrivateKey signer) throws GeneralSecurityException {
        try {
            return new JcaX509CertificateConverter()
                    .getCertificate(b.build(new JcaContentSignerBuilder(SIGNATURE).build(signer)));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("cannot sign with " + SIGNATURE + ": " + e.getMessage(), e);
        }
    }

    /** Marks a key to be written as PKCS#8, which Netty reads (SEC1 "EC PRIVATE KEY" it does not). */
    private record Pkcs8Key(PrivateKey key) {}

    private static String pem(Object o) {
        StringWriter s = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(s)) {
            if (o instanceof Pkcs8Key k) {
                w.writeObject(new JcaPKCS8Generator(k.key(), null));
            } else {
                w.writeObject(o);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode PEM: " + e.getMessage(), e);
        }
        return s.toString();
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create certificate directory " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void write(Path file, String text, boolean secret) {
        try {
            Files.deleteIfExists(file);
            if (secret && file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(
                        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
            Files.writeString(file, text, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (FileAlreadyExistsException e) {
            throw new IllegalStateException("certificate file " + file + " appeared while it was being written", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
