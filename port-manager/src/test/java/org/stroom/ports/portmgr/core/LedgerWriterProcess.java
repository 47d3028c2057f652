package org.stroom.ports.portmgr.core;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.stroom.ports.portmgr.journal.ChronicleJournal;
import org.stroom.ports.portmgr.journal.SnapshotStore;
import org.stroom.ports.t1.NanoClock;

/**
 * Child process of {@link KillNineRecoveryTest}: recovers a ledger from a Chronicle journal and snapshots, then
 * deposits ids from where it left off as fast as it can, printing {@code A <id>;} for each acknowledged input
 * until it is killed (or 60 s pass).
 *
 * <p>Thread-safety: a main program; acknowledgements are printed on the core's reply thread only.
 */
final class LedgerWriterProcess {
    private LedgerWriterProcess() {}

    public static void main(String[] args) {
        ChronicleJournal journal = ChronicleJournal.open(Path.of(args[0]));
        SnapshotStore store = SnapshotStore.open(Path.of(args[1]), 2);
        LedgerCodec codec = new LedgerCodec();
        LedgerSnapshotter snapshotter = new LedgerSnapshotter();
        Recovered<Ledger> recovered = Recovery.recover(journal, codec, Ledger::new, store, snapshotter);
        Ledger ledger = recovered.state();
        EventCore<LedgerInput, Long> core = EventCore.builder((StateMachine<LedgerInput, Long>) ledger)
                .name("ledger-writer")
                .journal(journal, codec)
                .clock(NanoClock.system())
                .initialIndex(recovered.report().lastGoodIndex())
                .snapshots(store, snapshotter, ledger, 5_000)
                .publishTimeout(Duration.ofSeconds(5))
                .overloadedResult(input -> -1L)
                .start();

        PrintStream out = new PrintStream(
                new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 14),
                false,
                StandardCharsets.US_ASCII);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        long[] acks = new long[1];
        for (long id = ledger.count; System.nanoTime() < deadline; id++) {
            long acknowledged = id;
            core.submit(new LedgerInput(id, id % 100 + 1, 0), (result, failure) -> {
                if (failure == null && result >= 0) {
                    out.print("A " + acknowledged + ";\n");
                    if (++acks[0] % 64 == 0) {
                        out.flush();
                    }
                }
            });
        }
        core.close();
        out.flush();
        journal.close();
    }
}
