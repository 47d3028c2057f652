package org.stroom.ports.hal.remote;

import java.nio.file.Path;

/**
 * Certificates for link tests, written once per test class into a temporary directory: a CA with
 * node1, node2, server1, server2 and "intruder" (right CA, name no Node accepts), and a second,
 * unrelated CA that also issued a "server1".
 */
final class TestPki {
    final Path dir;
    final CertificateAuthority ca;

    TestPki(Path dir) {
        this.dir = dir;
        this.ca = CertificateAuthority.create("test CA");
        ca.save(dir.resolve("ca"));
        for (String m : new String[] {"node1", "node2", "server1", "server2", "intruder"}) {
            ca.issue(dir.resolve("ca"), m);
        }
        CertificateAuthority rogue = CertificateAuthority.create("rogue CA");
        rogue.save(dir.resolve("rogue"));
        rogue.issue(dir.resolve("rogue"), "server1");
    }

    /** @return the files of a machine certified by the test CA */
    TlsFiles files(String machine) {
        return TlsFiles.in(dir.resolve("ca"), machine);
    }

    /** @return the rogue CA's "server1", with the rogue CA as its trust anchor */
    TlsFiles rogueServer1() {
        return TlsFiles.in(dir.resolve("rogue"), "server1");
    }
}
