package org.stroom.ports.portman;

import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code --json} option shared by every command: readable text by default, one JSON object
 * with {@code --json}.
 *
 * <p>Thread-safety: one instance per command invocation.
 */
final class Output {
    @Option(names = "--json", description = "print machine-readable JSON")
    boolean json;

    @Spec(Spec.Target.MIXEE)
    picocli.CommandLine.Model.CommandSpec spec;

    void print(Map<String, ?> data, String text) {
        spec.commandLine().getOut().println(json ? Json.write(data) : text);
    }
}
