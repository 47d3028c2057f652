package org.stroom.ports.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stroom.ports.portmgr.cluster.MonitorSettings;
import org.stroom.ports.portmgr.config.Problem;

class ServerConfigTest {
    static final Path EXAMPLES = Path.of("..", "docs", "examples", "servers");

    @TempDir
    Path dir;

    @Test
    void examplePairReadsAndAgreesWithItsDescription() {
        ServerConfig a = ServerConfig.load(EXAMPLES.resolve("server-a.yaml"));
        ServerConfig b = ServerConfig.load(EXAMPLES.resolve("server-b.yaml"));

        assertThat(a.name()).isEqualTo("a-server");
        assertThat(a.role()).isEqualTo(ServerConfig.Role.ACTIVE);
        assertThat(a.peer()).get().extracting(ServerConfig.Peer::name).isEqualTo("b-server");
        assertThat(a.nodes()).containsExactly(new ServerConfig.NodeAddress("a-node1", "127.0.0.1", 7443));
        assertThat(a.tls().certificate().toString())
                .endsWith(Path.of("tls", "a-server.pem").toString());
        assertThat(a.local()).get().satisfies(l -> {
            assertThat(l.backend()).contains("softport");
            assertThat(l.options()).containsEntry("softport.boards", "TR1034_2T1");
        });
        assertThat(a.listen().getAddress().isLoopbackAddress()).isTrue();
        assertThat(a.loadWindow()).isEqualTo(Duration.ofHours(1));
        assertThat(b.role()).isEqualTo(ServerConfig.Role.PASSIVE);
        assertThat(b.monitor()).isEqualTo(MonitorSettings.defaults());

        Site siteA = Site.of(a);
        Site siteB = Site.of(b);
        assertThat(siteA.own().name()).isEqualTo("stroom-a");
        assertThat(siteA.peer()).get().extracting(s -> s.name()).isEqualTo("stroom-b");
        assertThat(siteB.own().name()).isEqualTo("stroom-b");
        assertThat(siteB.peer()).get().extracting(s -> s.name()).isEqualTo("stroom-a");
    }

    @Test
    void defaultsListenOnLoopbackWithTheMonitorDefaults() {
        ServerConfig c =
                ServerConfig.parse(dir.resolve("s.yaml"), "server: {name: s1, system: site.yaml}\ntls: {dir: tls}\n");
        assertThat(c.role()).isEqualTo(ServerConfig.Role.ACTIVE);
        assertThat(c.listen().getAddress().isLoopbackAddress()).isTrue();
        assertThat(c.listen().getPort()).isEqualTo(ServerConfig.DEFAULT_PORT);
        assertThat(c.peer()).isEmpty();
        assertThat(c.nodes()).isEmpty();
        assertThat(c.local()).isEmpty();
        assertThat(c.monitor()).isEqualTo(MonitorSettings.defaults());
        assertThat(c.journalDir()).isEqualTo(dir.resolve("journal"));
        assertThat(c.system()).isEqualTo(dir.resolve("site.yaml"));
    }

    @Test
    void everyProblemIsReportedWithItsLineAndColumn() {
        String text = """
                server:
                  name: a-server
                  role: standby
                  system: site.yaml
                peer: {name: b-server, port: 99999}
                tls: {}
                nodes:
                  - {name: node1}
                monitor: {heartbeatInterval: 2 seconds}
                colour: blue
                """;
        assertThatThrownBy(() -> ServerConfig.parse(dir.resolve("bad.yaml"), text))
                .isInstanceOf(ServerConfigException.class)
                .satisfies(e -> assertThat(((ServerConfigException) e).problems())
                        .extracting(Problem::line, Problem::field)
                        .contains(
                                org.assertj.core.groups.Tuple.tuple(3, "server.role"),
                                org.assertj.core.groups.Tuple.tuple(5, "peer.port"),
                                org.assertj.core.groups.Tuple.tuple(6, "tls"),
                                org.assertj.core.groups.Tuple.tuple(8, "nodes[0].host"),
                                org.assertj.core.groups.Tuple.tuple(9, "monitor.heartbeatInterval"),
                                org.assertj.core.groups.Tuple.tuple(10, "colour")))
                .hasMessageContaining("bad.yaml:3:")
                .hasMessageContaining("'standby' is not a role")
                .hasMessageContaining("'2 seconds' is not a positive duration");
    }

    @Test
    void aPassiveNeedsItsPeer() {
        assertThatThrownBy(() -> ServerConfig.parse(
                        dir.resolve("p.yaml"),
                        "server: {name: b-server, role: passive, system: site.yaml}\ntls: {dir: tls}\n"))
                .isInstanceOf(ServerConfigException.class)
                .hasMessageContaining("'peer' is missing");
    }

    @Test
    void aServerThatIsNotInTheDescriptionIsRefusedNamingBothFiles() {
        Installation site = new Installation(dir);
        ServerConfig c = ServerConfig.parse(
                dir.resolve("x.yaml"), "server: {name: x-server, system: site.yaml}\ntls: {dir: tls}\n");
        assertThatThrownBy(() -> Site.of(c))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("x.yaml: server.name x-server is not the server machine")
                .hasMessageContaining(site.site.toString())
                .hasMessageContaining("[a-server, b-server]");
    }

    @Test
    void aPassiveWhoseSystemDoesNotBackItsPeerIsRefused() {
        new Installation(dir);
        ServerConfig c = ServerConfig.parse(
                dir.resolve("a.yaml"),
                "server: {name: a-server, role: passive, system: site.yaml}\npeer: {name: b-server, host: h}\n"
                        + "tls: {dir: tls}\n");
        assertThatThrownBy(() -> Site.of(c))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("make stroom-a the backup of stroom-b");
    }
}
