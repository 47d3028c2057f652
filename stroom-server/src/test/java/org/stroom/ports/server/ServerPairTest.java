package org.stroom.ports.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.stroom.ports.hal.api.PortKind;
import org.stroom.ports.portmgr.alloc.Direction;
import org.stroom.ports.portmgr.alloc.Result;
import org.stroom.ports.server.proto.AdminReply;
import org.stroom.ports.server.proto.StatusReply;

/**
 * An active and a passive Server in this JVM on loopback with mutual TLS, each on its own simulated boards: the
 * passive follows the active's journal and load, takes over when the active dies or announces its shutdown or an
 * operator says so, writes a proof that verifies, and fails back.
 */
@Timeout(120)
class ServerPairTest {
    static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    Installation site;
    int portA;
    int portB;
    StroomServer a;
    StroomServer b;
    final CountDownLatch aShutdownCommand = new CountDownLatch(1);

    @BeforeEach
    void start() {
        site = new Installation(dir);
        portA = Installation.freePort();
        portB = Installation.freePort();
        a = startA();
        b = StroomServer.start(ServerConfig.load(site.server("b-server", "passive", portB, portA, "[]", "")), () -> {});
        Eventually.await(
                "the passive monitors the active and has its journal",
                WAIT,
                () -> b.status().getPeerConnected()
                        && b.status().getMonitorState().equals("OK")
                        && b.status().getFailoverAfter() == 5
                        && b.standby().orElseThrow().caughtUp(),
                () -> b.status().getText());
    }

    private StroomServer startA() {
        return StroomServer.start(
                ServerConfig.load(site.server("a-server", "active", portA, portB, "[]", "")),
                aShutdownCommand::countDown);
    }

    @AfterEach
    void stop() {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
    }

    @Test
    void passiveKeepsACopyOfTheActivesAllocationStateAndLoad() throws Exception {
        Result r = a.portManager().allocateSync("voice", PortKind.VOICE, Direction.OUT, Duration.ofHours(1), WAIT);
        assertThat(r).isInstanceOf(Result.Granted.class);
        HotStandby copy = b.standby().orElseThrow();
        Eventually.await(
                "the passive's copy has the lease", WAIT, () -> copy.metrics().liveLeases() == 1, () -> b.status()
                        .getText());
        assertThat(b.standby().orElseThrow().journalId()).isNotEmpty();
        Eventually.await(
                "the active's measured load reached the passive",
                WAIT,
                () -> b.status().getMeasurements() == 1,
                () -> b.status().getText());
        assertThat(b.role()).isEqualTo(StroomServer.ServingRole.STANDBY);
        // the copy is the state of the active's journal at the copy's index
        a.close();
        a = null;
        assertThat(copy.digest().hex())
                .isEqualTo(Installation.digestAt(dir.resolve("a-server-journal"), copy.lastIndex()));
    }

    @Test
    void passivePromotesAfterTheConfiguredMissesWhenTheActiveDiesAndFailsBackWhenItReturns() throws Exception {
        HotStandby copy = b.standby().orElseThrow();
        String journal = copy.journalId();
        long resets = copy.resets();
        Eventually.await(
                "the passive has the quiet active's measured load",
                WAIT,
                () -> b.status().getMeasurements() > 0,
                () -> b.status().getText());
        a.close();
        a = null;
        Eventually.await(
                "the passive takes over", WAIT, () -> b.role() == StroomServer.ServingRole.PROMOTED, () -> b.status()
                        .getText());
        Path proof = b.proofs().orElseThrow().last().orElseThrow();
        assertThat(proof.getFileName().toString()).contains("-PASS-promoted");
        assertThat(ProofArchive.verify(proof, b.proofs().orElseThrow().publicKeyFile()))
                .isTrue();
        String text = Files.readString(
                proof.resolveSibling(proof.getFileName().toString().replace(".json", ".txt")), StandardCharsets.UTF_8);
        assertThat(text)
                .contains("MISSED_HEARTBEATS: 5 consecutive missed heartbeats")
                .contains("Decision: PROMOTE");
        assertThat(b.lastProof().analysis().load().modules())
                .as("a quiet active (its measured load near zero) does not lower the configured 200 x 60 s of ivr")
                .singleElement()
                .satisfies(m -> assertThat(m.offeredErlangs()).isCloseTo(200 * 60 / 3600.0, within(1e-9)));

        a = startA();
        Eventually.await(
                "the passive fails back after the wait-to-restore",
                WAIT,
                () -> b.role() == StroomServer.ServingRole.STANDBY,
                () -> b.status().getText());
        assertThat(b.status().getMonitorState()).isEqualTo("OK");
        a.portManager().allocateSync("voice", PortKind.VOICE, Direction.OUT, Duration.ofHours(1), WAIT);
        Eventually.await(
                "the copy continues after its last index, with the returned active's new entries",
                WAIT,
                () -> copy.metrics().liveLeases() == 1,
                () -> b.status().getText());
        assertThat(copy.journalId()).isEqualTo(journal);
        assertThat(copy.resets()).isEqualTo(resets);
    }

    @Test
    void controlledShutdownOfTheActivePromotesThePassiveAtOnce() throws Exception {
        ServerConfig configA = a.config();
        try (AdminClient admin = new AdminClient(configA, WAIT)) {
            AdminReply reply = admin.shutdown("maintenance window");
            assertThat(reply.getAccepted()).isTrue();
            assertThat(reply.getText()).contains("shutdown notice sent to b-server");
        }
        aShutdownCommand.await();
        Eventually.await(
                "the passive takes over", WAIT, () -> b.role() == StroomServer.ServingRole.PROMOTED, () -> b.status()
                        .getText());
        Path proof = b.proofs().orElseThrow().last().orElseThrow();
        assertThat(Files.readString(proof, StandardCharsets.UTF_8))
                .contains("CONTROLLED_SHUTDOWN")
                .contains("maintenance window");
        assertThat(b.status().getConsecutiveMisses()).isZero();
    }

    @Test
    void operatorFailsOverAndBackAndSuspendsMonitoringFromTheCommandLineClient() throws Exception {
        try (AdminClient admin = new AdminClient(b.config(), WAIT)) {
            AdminReply suspended = admin.suspend();
            assertThat(suspended.getText()).contains("SUSPENDED");
            assertThat(admin.status().getMonitorState()).isEqualTo("SUSPENDED");
            assertThat(admin.resume().getText()).contains("monitoring resumed");

            AdminReply over = admin.failoverNow("alice", "rehearsal", false);
            assertThat(over.getAccepted()).isTrue();
            assertThat(over.getText()).contains("PROMOTED");
            assertThat(over.getProofFile()).isNotEmpty();
            assertThat(ProofArchive.verify(
                            Path.of(over.getProofFile()),
                            b.proofs().orElseThrow().publicKeyFile()))
                    .isTrue();
            assertThat(Files.readString(Path.of(over.getProofFile()), StandardCharsets.UTF_8))
                    .contains("OPERATOR_COMMAND")
                    .contains("alice");
            assertThat(b.role()).isEqualTo(StroomServer.ServingRole.PROMOTED);

            // an operator's failback needs the active answering healthy since the promotion
            Eventually.await(
                    "the operator's failback is carried out",
                    WAIT,
                    () -> admin.failback("alice").getText().contains("failback done"),
                    () -> b.status().getText());
            assertThat(b.role()).isEqualTo(StroomServer.ServingRole.STANDBY);
            StatusReply s = admin.status();
            assertThat(s.getRole()).isEqualTo("STANDBY");
        }
        try (AdminClient admin = new AdminClient(a.config(), WAIT)) {
            AdminReply refused = admin.failoverNow("bob", "wrong server", false);
            assertThat(refused.getAccepted()).isFalse();
            assertThat(refused.getText()).contains("passive Server's command");
        }
    }

    @Test
    void aPromotedPassiveThatRestartsComesBackPromotedAndStaysSoUntilItFailsBack() throws Exception {
        try (AdminClient admin = new AdminClient(b.config(), WAIT)) {
            assertThat(admin.failoverNow("alice", "rehearsal", false).getAccepted())
                    .isTrue();
        }
        assertThat(b.role()).isEqualTo(StroomServer.ServingRole.PROMOTED);
        ServerConfig configB = b.config();
        PromotionRecord written = PromotionRecord.read(configB.journalDir()).orElseThrow();
        assertThat(written.promoted()).isTrue();
        assertThat(written.peer()).isEqualTo("a-server");
        assertThat(written.proof()).contains("-promoted.json");
        assertThat(written.promotions()).hasSize(1);

        b.close(); // a crash or a reboot of the promoted passive
        b = StroomServer.start(configB, () -> {});

        assertThat(b.role()).isEqualTo(StroomServer.ServingRole.PROMOTED);
        assertThat(b.status().getMonitorState()).isEqualTo("FAILURE");
        try (AdminClient admin = new AdminClient(configB, WAIT)) {
            Eventually.await(
                    "the operator's failback is carried out after the restart",
                    WAIT,
                    () -> admin.failback("alice").getText().contains("failback done"),
                    () -> b.status().getText());
        }
        assertThat(b.role()).isEqualTo(StroomServer.ServingRole.STANDBY);
        PromotionRecord after = PromotionRecord.read(configB.journalDir()).orElseThrow();
        assertThat(after.promoted()).isFalse();
        assertThat(after.promotions()).as("kept for the failback lock-out").isEqualTo(written.promotions());

        b.close();
        b = StroomServer.start(configB, () -> {});

        assertThat(b.role()).isEqualTo(StroomServer.ServingRole.STANDBY);
    }

    @Test
    void anUnreadablePromotionRecordIsMovedAsideAndThePassiveStartsAsStandby() throws Exception {
        ServerConfig configB = b.config();
        b.close();
        Path record = configB.journalDir().resolve(PromotionRecord.FILE);
        Files.writeString(record, "promoted: perhaps\npeer: a-server\n", StandardCharsets.UTF_8);

        b = StroomServer.start(configB, () -> {});

        assertThat(b.role()).isEqualTo(StroomServer.ServingRole.STANDBY);
        assertThat(record).doesNotExist();
        assertThat(configB.journalDir().resolve(PromotionRecord.FILE + ".unreadable"))
                .content(StandardCharsets.UTF_8)
                .contains("perhaps");
    }

    @Test
    void aPassiveWithACertificateOfAnotherCaIsRefusedAndTheRefusalLogged() {
        try (Installation.RoguePeer intruder = site.roguePeer(portA)) {
            Eventually.await(
                    "the active refuses the certificate",
                    WAIT,
                    () -> a.refusals().stream()
                            .anyMatch(r -> r.reason().contains("does not chain to the configured CA")),
                    () -> a.refusals().toString());
            assertThat(intruder.client().connected()).isFalse();
        }
    }
}
