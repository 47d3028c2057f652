package org.stroom.ports.hal.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateAuthorityTest {
    @TempDir
    Path dir;

    @Test
    void issuesPemFilesNamedForTheMachineWithAnOwnerOnlyKey() throws Exception {
        CertificateAuthority ca = CertificateAuthority.create("site CA");
        ca.save(dir);
        TlsFiles files = ca.issue(dir, "node1", "node1.site.example", "10.0.0.7");

        assertThat(files).isEqualTo(TlsFiles.in(dir, "node1"));
        assertThat(files.checkReadable()).isSameAs(files);
        assertThat(Files.readString(files.privateKey())).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(files.privateKey())))
                .isEqualTo("rw-------");
        X509Certificate cert = CertificateAuthority.readCertificate(files.certificate());
        assertThat(CertificateAuthority.commonName(cert)).isEqualTo("node1");
        assertThat(cert.getSubjectAlternativeNames())
                .extracting(l -> l.get(1).toString())
                .containsExactly("node1", "node1.site.example", "10.0.0.7");
        assertThat(cert.getExtendedKeyUsage()).contains("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2");
        cert.verify(ca.certificate().getPublicKey());
    }

    @Test
    void aLoadedCaIssuesCertificatesThatChainToTheSavedOne() throws Exception {
        CertificateAuthority.create("site CA").save(dir);
        CertificateAuthority loaded = CertificateAuthority.load(dir);
        TlsFiles files = loaded.issue(dir.resolve("server1"), "server1");
        assertThat(Files.readString(files.ca())).isEqualTo(Files.readString(dir.resolve("ca.pem")));
        PeerVerifier v = verifier(dir.resolve("ca.pem"), "server1", PeerVerifier.PeerRole.CLIENT);
        v.checkClientTrusted(new X509Certificate[] {CertificateAuthority.readCertificate(files.certificate())}, "EC");
        assertThat(v.refusals()).isEmpty();
    }

    @Test
    void refusesToOverwriteACaAndRejectsMachineNamesThatAreNotDnsNames() {
        CertificateAuthority ca = CertificateAuthority.create("site CA");
        ca.save(dir);
        assertThatThrownBy(() -> ca.save(dir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exists already");
        assertThatThrownBy(() -> ca.issue(dir, "node 1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("machine name 'node 1'");
    }

    @Test
    void theVerifierRefusesAnotherCaAWrongNameAndAnExpiredCertificateSayingWhy() throws Exception {
        CertificateAuthority ca = CertificateAuthority.create("site CA");
        ca.save(dir.resolve("ca"));
        ca.issue(dir.resolve("ca"), "node1");
        ca.issue(dir.resolve("ca"), "node2");
        ca.issue(dir.resolve("ca"), "brief", Duration.ofDays(1), List.of());
        CertificateAuthority other = CertificateAuthority.create("other CA");
        other.issue(dir.resolve("other"), "node1");
        PeerVerifier v = verifier(dir.resolve("ca/ca.pem"), "node1", PeerVerifier.PeerRole.SERVER);

        v.checkServerTrusted(chain(dir.resolve("ca/node1.pem")), "EC");
        assertThatThrownBy(() -> v.checkServerTrusted(chain(dir.resolve("other/node1.pem")), "EC"))
                .isInstanceOf(CertificateException.class)
                .hasMessageContaining("does not chain to the configured CA");
        assertThatThrownBy(() -> v.checkServerTrusted(chain(dir.resolve("ca/node2.pem")), "EC"))
                .isInstanceOf(CertificateException.class)
                .hasMessageContaining("wrong machine name: the certificate names [node2], expected node1");
        assertThat(v.refusals()).hasSize(2);

        InstantSource inTwoDays = InstantSource.fixed(Instant.now().plus(Duration.ofDays(2)));
        PeerVerifier later = new PeerVerifier(
                CertificateAuthority.readCertificate(dir.resolve("ca/ca.pem")),
                Set.of("brief"),
                PeerVerifier.PeerRole.SERVER,
                inTwoDays);
        assertThatThrownBy(() -> later.checkServerTrusted(chain(dir.resolve("ca/brief.pem")), "EC"))
                .isInstanceOf(CertificateException.class)
                .hasMessageContaining("expired");
        assertThat(later.refusals()).singleElement().satisfies(r -> assertThat(r.subject())
                .contains("CN=brief"));
    }

    private static PeerVerifier verifier(Path caPem, String name, PeerVerifier.PeerRole role) {
        return new PeerVerifier(
                CertificateAuthority.readCertificate(caPem), Set.of(name), role, InstantSource.system());
    }

    private static X509Certificate[] chain(Path pem) {
        return new X509Certificate[] {CertificateAuthority.readCertificate(pem)};
    }
}
