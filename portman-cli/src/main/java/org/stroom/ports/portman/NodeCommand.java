package org.stroom.ports.portman;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.stroom.ports.hal.remote.NodeMain;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code portman node --config FILE}: runs a Node, serving its local boards to its Server over
 * gRPC with mutual TLS until stopped.
 *
 * <p>Thread-safety: a command runs on the calling thread.
 */
@Command(
        name = "node",
        mixinStandardHelpOptions = true,
        description = {
            "Run a Node: open its local hardware backends and serve them to its Server over gRPC with mutual TLS.",
            "The configuration keys are described in docs/deployment.md."
        })
final class NodeCommand implements Callable<Integer> {
    @Option(names = "--config", required = true, description = "Node configuration (properties file)")
    Path config;

    @Override
    public Integer call() {
        NodeMain.main(new String[] {"--config", config.toString()});
        return Portman.OK;
    }
}
