package org.stroom.ports.hal.remote;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CertificateParsingException;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides during the TLS handshake whether the machine at the other end of a link may talk to this
 * one: its certificate must chain to the configured private CA (signatures, validity dates at the
 * injected clock, CA constraints; no revocation checking), carry the right extended key usage when
 * it has one (clientAuth for a Server connecting to a Node, serverAuth for a Node), and name one of
 * the accepted machines in its DNS subject alternative names or its subject CN. Every refusal is
 * logged at WARN with the peer's address, subject and the reason, and kept in {@link #refusals()}.
 *
 * <p>{@link #getAcceptedIssuers()} is empty on purpose: in TLS 1.3 a non-empty list makes a client
 * whose certificate comes from another CA send none at all, and the refusal could then not say whose
 * certificate it was.
 *
 * <p>Thread-safety: safe from any thread (handshakes run on Netty event loops).
 */
public final class PeerVerifier extends X509ExtendedTrustManager {
    /**
     * Which end of the TLS connection the verified peer is.
     *
     * <p>Thread-safety: immutable.
     */
    public enum PeerRole {
        /** The peer connected to us: a Server connecting to this Node. */
        CLIENT("1.3.6.1.5.5.7.3.2"),
        /** We connected to the peer: the Node this Server reaches. */
        SERVER("1.3.6.1.5.5.7.3.1");

        private final String keyPurpose;

        PeerRole(String keyPurpose) {
            this.keyPurpose = keyPurpose;
        }
    }

    /**
     * One refused handshake.
     *
     * @param at when, by the verifier's clock
     * @param peer the peer's address as the TLS engine reports it, or "unknown"
     * @param subject the subject of the peer's certificate, or "no certificate"
     * @param reason why it was refused
     *     <p>Thread-safety: immutable.
     */
    public record Refusal(Instant at, String peer, String subject, String reason) {}

    private static final Logger LOG = LoggerFactory.getLogger(PeerVerifier.class);
    private static final int KEPT_REFUSALS = 100;

    private final X509Certificate ca;
    private final Set<String> acceptedNames;
    private final PeerRole role;
    private final InstantSource clock;
    private final Deque<Refusal> refusals = new ArrayDeque<>();

    /**
     * @param ca the private CA every peer certificate must chain to
     * @param acceptedNames machine names a peer may have (compared ignoring case); non-empty
     * @param role which end of the connection the peer is
     * @param clock the time certificate validity is checked at
     */
    public PeerVerifier(X509Certificate ca, Collection<String> acceptedNames, PeerRole role, InstantSource clock) {
        this.ca = Objects.requireNonNull(ca, "ca");
        this.role = Objects.requireNonNull(role, "role");
        this.clock = Objects.requireNonNull(clock, "clock");
        Set<String> names = new TreeSet<>();
        for (String n : acceptedNames) {
            names.add(n.toLowerCase(Locale.ROOT));
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException("PeerVerifier: no accepted peer machine names; name the "
                    + (role == PeerRole.CLIENT ? "Servers allowed to connect" : "Node to reach"));
        }
        this.acceptedNames = Set.copyOf(names);
    }

    /** @return the accepted machine names, lower case */
    public Set<String> acceptedNames() {
        return acceptedNames;
    }

    /** @return the most recent refusals (at most 100), oldest first */
    public List<Refusal> refusals() {
        synchronized (refusals) {
            return List.copyOf(refusals);
        }
    }

    /**
     * @param cert a peer's leaf certificate
     * @param accepted machine names, lower case
     * @return the first accepted machine name the certificate carries (DNS SANs, then CN)
     */
    public static Optional<String> machineName(X509Certificate cert, Set<String> accepted) {
        for (String n : names(cert)) {
            if (accepted.contains(n.toLowerCase(Locale.ROOT))) {
                return Optional.of(n.toLowerCase(Locale.ROOT));
            }
        }
        return Optional.empty();
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        verify(chain, "unknown");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        verify(chain, socket == null ? "unknown" : String.valueOf(socket.getRemoteSocketAddress()));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        verify(chain, peer(engine));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        verify(chain, "unknown");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        verify(chain, socket == null ? "unknown" : String.valueOf(socket.getRemoteSocketAddress()));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        verify(chain, peer(engine));
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }

    private void verify(X509Certificate[] chain, String peer) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw refuse(peer, "no certificate", "the peer sent no certificate");
        }
        X509Certificate leaf = chain[0];
        String subject = leaf.getSubjectX500Principal().getName();
        Date now = Date.from(clock.instant());
        try {
            leaf.checkValidity(now);
        } catch (CertificateExpiredException e) {
            throw refuse(
                    peer,
                    subject,
                    "certificate expired on " + leaf.getNotAfter().toInstant() + "; issue a new one");
        } catch (CertificateNotYetValidException e) {
            throw refuse(
                    peer,
                    subject,
                    "certificate is not valid before " + leaf.getNotBefore().toInstant()
                            + "; check this machine's clock");
        }
        List<X509Certificate> path = new ArrayList<>();
        for (X509Certificate c : chain) {
            if (!c.equals(ca)) {
                path.add(c);
            }
        }
        try {
            CertPath certPath = CertificateFactory.getInstance("X.509").generateCertPath(path);
            PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(ca, null)));
            params.setRevocationEnabled(false);
            params.setDate(now);
            CertPathValidator.getInstance("PKIX").validate(certPath, params);
        } catch (GeneralSecurityException e) {
            throw refuse(
                    peer,
                    subject,
                    "certificate does not chain to the configured CA '"
                            + ca.getSubjectX500Principal().getName() + "' (issuer '"
                            + leaf.getIssuerX500Principal().getName() + "'): " + e.getMessage());
        }
        List<String> usages = leaf.getExtendedKeyUsage();
        if (usages != null && !usages.contains(role.keyPurpose) && !usages.contains("2.5.29.37.0")) {
            throw refuse(
                    peer,
                    subject,
                    "certificate is not for TLS " + (role == PeerRole.CLIENT ? "clients" : "servers")
                            + " (extended key usage " + usages + ")");
        }
        if (machineName(leaf, acceptedNames).isEmpty()) {
            throw refuse(
                    peer,
                    subject,
                    "wrong machine name: the certificate names " + names(leaf) + ", expected "
                            + (acceptedNames.size() == 1
                                    ? acceptedNames.iterator().next()
                                    : "one of " + acceptedNames));
        }
    }

    /**
     * Records and logs a refusal decided outside the handshake (a client that sent no certificate).
     *
     * @return the exception to throw, if the caller throws
     */
    CertificateException refuse(String peer, String subject, String reason) {
        Refusal r = new Refusal(clock.instant(), peer, subject, reason);
        synchronized (refusals) {
            if (refusals.size() == KEPT_REFUSALS) {
                refusals.removeFirst();
            }
            refusals.addLast(r);
        }
        LOG.warn("TLS: refused {} {} ({}): {}", role == PeerRole.CLIENT ? "client" : "server", peer, subject, reason);
        return new CertificateException("refused: " + reason);
    }

    private static Set<String> names(X509Certificate cert) {
        Set<String> out = new LinkedHashSet<>();
        try {
            Collection<List<?>> sans = cert.getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> san : sans) {
                    if (san.size() >= 2 && Integer.valueOf(2).equals(san.get(0))) { // dNSName
                        out.add(String.valueOf(san.get(1)));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            LOG.debug("cannot read the subject alternative names of {}: {}", cert.getSubjectX500Principal(), e);
        }
        String cn = CertificateAuthority.commonName(cert);
        if (!cn.isEmpty()) {
            out.add(cn);
        }
        return out;
    }

    private static String peer(SSLEngine engine) {
        if (engine == null || engine.getPeerHost() == null) {
            return "unknown";
        }
        return engine.getPeerHost() + ":" + engine.getPeerPort();
    }
}
