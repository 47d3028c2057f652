package org.stroom.ports.portman;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stroom.ports.hal.remote.CertificateAuthority;

class CertsCommandTest {
    @TempDir
    Path dir;

    @Test
    void createsTheCaOnceAndIssuesMachineCertificatesSignedByIt() throws Exception {
        ErlangCommandTest.Run first = ErlangCommandTest.run("certs", "--dir", dir.toString(), "server-a", "node1");
        assertThat(first.rc()).as(first.err()).isZero();
        assertThat(first.out()).contains("Created CA").contains("for server-a").contains("for node1");
        assertThat(dir.resolve("node1.pem")).isNotEmptyFile();
        assertThat(dir.resolve("node1-key.pem")).isNotEmptyFile();
        var caCert = CertificateAuthority.readCertificate(dir.resolve("ca.pem"));
        CertificateAuthority.readCertificate(dir.resolve("node1.pem")).verify(caCert.getPublicKey());

        ErlangCommandTest.Run second = ErlangCommandTest.run("certs", "--dir", dir.toString(), "node2");
        assertThat(second.out()).startsWith("Using the CA in");
        CertificateAuthority.readCertificate(dir.resolve("node2.pem")).verify(caCert.getPublicKey());
    }
}
