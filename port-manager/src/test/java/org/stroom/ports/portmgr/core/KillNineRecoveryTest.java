package org.stroom.ports.portmgr.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.stroom.ports.portmgr.journal.ChronicleJournal;
import org.stroom.ports.portmgr.journal.Journal;
import org.stroom.ports.portmgr.journal.SnapshotStore;

/**
 * Runs {@link LedgerWriterProcess} in a real child JVM, kills it with SIGKILL mid-stream, and checks that
 * recovery from its Chronicle journal and snapshots keeps every input it acknowledged.
 */
@Timeout(120)
class KillNineRecoveryTest {
    @TempDir
    Path dir;

    private final List<Process> children = new ArrayList<>();

    @AfterEach
    void killChildren() {
        children.forEach(Process::destroyForcibly);
    }

    @Test
    void noAcknowledgedInputIsLostWhenTheWriterIsKilledWithSigkillMidStream() throws Exception {
        Path queue = dir.resolve("journal");
        Path snapshots = dir.resolve("snapshots");
        BitSet acked = new BitSet();

        int firstRun = runAndKill(queue, snapshots, 12_000, acked);
        Recovered<Ledger> afterFirst = recoverAndCheck(queue, snapshots, acked);
        assertThat(afterFirst.report().snapshotIndex())
                .as("the child snapshots every 5000 inputs, so recovery starts from one")
                .isNotEqualTo(Journal.NO_INDEX);

        int secondRun = runAndKill(queue, snapshots, 2_000, acked);
        Recovered<Ledger> afterSecond = recoverAndCheck(queue, snapshots, acked);
        assertThat(afterSecond.state().count).isGreaterThanOrEqualTo((long) firstRun + secondRun);
    }

    /** @return number of acknowledgements read before the kill */
    private int runAndKill(Path queue, Path snapshots, int killAfterAcks, BitSet acked) throws Exception {
        Process child = new ProcessBuilder(childCommand(queue, snapshots))
                .redirectError(dir.resolve("child-" + children.size() + ".err").toFile())
                .start();
        children.add(child);
        int seen = 0;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (recordAck(line, acked)) {
                    seen++;
                }
                if (seen == killAfterAcks) {
                    // ProcessHandle sends SIGKILL without closing our end of the pipe (Process.destroyForcibly
                    // would), so the acknowledgements already written can still be read.
                    assertThat(child.toHandle().destroyForcibly()).isTrue();
                }
            }
        }
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(seen).as("acks read from the child (see its .err file if 0)").isGreaterThanOrEqualTo(killAfterAcks);
        assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(137);
        return seen;
    }

    /** An acknowledgement is {@code A <id>;} on its own line; a line cut by the kill has no ';' and is ignored. */
    private static boolean recordAck(String line, BitSet acked) {
        if (line.startsWith("A ") && line.endsWith(";")) {
            acked.set(Integer.parseInt(line.substring(2, line.length() - 1)));
            return true;
        }
        return false;
    }

    private static Recovered<Ledger> recoverAndCheck(Path queue, Path snapshots, BitSet acked) {
        try (ChronicleJournal journal = ChronicleJournal.open(queue)) {
            Recovered<Ledger> recovered = Recovery.recover(
                    journal, new LedgerCodec(), Ledger::new, SnapshotStore.open(snapshots, 2), new LedgerSnapshotter());
            Ledger state = recovered.state();

            assertThat(recovered.report().isClean())
                    .as(recovered.report().toString())
                    .isTrue();
            BitSet missing = (BitSet) acked.clone();
            missing.andNot(state.ids);
            assertThat(missing.toString())
                    .as("acknowledged inputs missing after recovery")
                    .isEqualTo("{}");
            assertThat(state.ids.nextClearBit(0))
                    .as("one producer submits ids in order, so the journal holds a prefix")
                    .isEqualTo(state.count);
            assertThat(Recovery.replayAll(journal, new LedgerCodec(), Ledger::new)
                            .state())
                    .as("snapshot + tail equals a replay of the whole journal")
                    .isEqualTo(state);
            return recovered;
        }
    }

    private static List<String> childCommand(Path queue, Path snapshots) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("--add-") || arg.startsWith("-Dchronicle.")) {
                command.add(arg);
            }
        }
        command.add("-Xmx256m");
        command.add("-cp");
        command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        command.add(LedgerWriterProcess.class.getName());
        command.add(queue.toString());
        command.add(snapshots.toString());
        return command;
    }
}
