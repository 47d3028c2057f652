package org.stroom.ports.portman;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.stroom.ports.hal.remote.CertificateAuthority;
import org.stroom.ports.hal.remote.TlsFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code portman certs --dir DIR MACHINE...}: a private CA (created on first use, reused after)
 * and one certificate per machine for the mutual-TLS links between Servers and Nodes.
 *
 * <p>Thread-safety: a command runs on the calling thread.
 */
@Command(
        name = "certs",
        mixinStandardHelpOptions = true,
        description = {
            "Create a private certificate authority in DIR (or reuse the one there) and issue a certificate",
            "and key for each named machine, for the mutual-TLS Server/Node links (see docs/deployment.md)."
        })
final class CertsCommand implements Callable<Integer> {
    @Option(
            names = "--dir",
            required = true,
            description = "directory for ca.pem, ca-key.pem and <machine>.pem / <machine>-key.pem")
    Path dir;

    @Option(
            names = "--ca-name",
            defaultValue = "Stroom private CA",
            description = "the CA's name; default ${DEFAULT-VALUE}")
    String caName;

    @Parameters(
            paramLabel = "MACHINE",
            arity = "1..*",
            description = "machine names as the Stroom System knows them (DNS-style)")
    List<String> machines;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        CertificateAuthority ca;
        if (Files.exists(dir.resolve(CertificateAuthority.CA_CERT))) {
            ca = CertificateAuthority.load(dir);
            out.println("Using the CA in " + dir + " (" + ca.name() + ")");
        } else {
            ca = CertificateAuthority.create(caName);
            ca.save(dir);
            out.println(
                    "Created CA '" + caName + "' in " + dir + " (keep " + CertificateAuthority.CA_KEY + " private)");
        }
        for (String m : machines) {
            TlsFiles f = ca.issue(dir, m);
            out.println("Issued " + f.certificate().getFileName() + " and "
                    + f.privateKey().getFileName() + " for " + m);
        }
        return Portman.OK;
    }
}
