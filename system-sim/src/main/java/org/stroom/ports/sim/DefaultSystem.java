package org.stroom.ports.sim;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.stroom.ports.portmgr.config.DescriptionReader;
import org.stroom.ports.portmgr.config.SystemDescription;

/**
 * The embedded default installation: an active system (a Server and two Nodes, 8 T1 PRI spans) and
 * a passive one of the same shape (Mode 2). Its YAML is {@code default-system.yaml} beside this class.
 *
 * <p>Thread-safety: stateless.
 */
public final class DefaultSystem {
    /** Resource name of the YAML. */
    public static final String RESOURCE = "default-system.yaml";

    private DefaultSystem() {}

    /** @return the YAML text */
    public static String yaml() {
        try (InputStream in = DefaultSystem.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the parsed, validated description */
    public static SystemDescription description() {
        return DescriptionReader.parse("(embedded) " + RESOURCE, yaml());
    }
}
