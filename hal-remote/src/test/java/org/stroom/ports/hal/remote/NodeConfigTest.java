package org.stroom.ports.hal.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeConfigTest {
    @TempDir
    Path dir;

    @Test
    void readsAFileResolvingRelativePathsAgainstItsDirectoryWithLoopbackByDefault() throws Exception {
        Path file = dir.resolve("node1.properties");
        Files.writeString(
                file,
                String.join(
                        "\n",
                        "node.name = node1",
                        "tls.dir = tls",
                        "servers = server1, Server2",
                        "journal.dir = journal",
                        "journal.maxReplay = 1_000_000",
                        "backend = softport",
                        "backend.softport.boards = TR1034_4T1",
                        "backend.softport.seed = 7"));
        NodeConfig c = NodeConfig.load(file);
        assertThat(c.name()).isEqualTo("node1");
        assertThat(c.listen().getAddress().isLoopbackAddress()).isTrue();
        assertThat(c.listen().getPort()).isEqualTo(NodeConfig.DEFAULT_PORT);
        assertThat(c.tls()).isEqualTo(TlsFiles.in(dir.resolve("tls"), "node1"));
        assertThat(c.servers()).isEqualTo(Set.of("server1", "server2"));
        assertThat(c.journalDir()).isEqualTo(dir.resolve("journal"));
        assertThat(c.maxReplay()).isEqualTo(1_000_000);
        assertThat(c.backend()).isEqualTo(Optional.of("softport"));
        assertThat(c.backendProperties()).isEqualTo(Map.of("softport.boards", "TR1034_4T1", "softport.seed", "7"));
    }

    @Test
    void problemsNameTheFileAndTheKey() throws Exception {
        Path file = dir.resolve("bad.properties");
        Files.writeString(file, "node.name = node1\ntls.dir = t\nservers = server1\n");
        assertThatThrownBy(() -> NodeConfig.load(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("'journal.dir' is missing");
        assertThatThrownBy(() -> parse("listen.port = 70000"))
                .hasMessageContaining("'listen.port' = 70000 is outside 0..65535");
        assertThatThrownBy(() -> parse("journal.rollCycle = HOURLYISH"))
                .hasMessageContaining("journal.rollCycle 'HOURLYISH' is not one of");
        assertThatThrownBy(() -> parse("servers = ,")).hasMessageContaining("no servers are allowed to connect");
    }

    private static NodeConfig parse(String extra) throws Exception {
        Properties p = new Properties();
        p.load(new StringReader("node.name = node1\ntls.dir = t\nservers = server1\njournal.dir = j\n" + extra));
        return NodeConfig.parse(p, Path.of("/etc/portman"));
    }
}
