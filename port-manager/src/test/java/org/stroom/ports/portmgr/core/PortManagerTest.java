package org.stroom.ports.portmgr.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.stroom.ports.hal.api.CallId;
import org.stroom.ports.hal.api.ChannelId;
import org.stroom.ports.hal.api.PortKind;
import org.stroom.ports.hal.api.event.DigitReceived;
import org.stroom.ports.hal.api.event.SpanAlarmCleared;
import org.stroom.ports.hal.api.event.SpanAlarmRaised;
import org.stroom.ports.portmgr.alloc.Direction;
import org.stroom.ports.portmgr.alloc.Fixtures;
import org.stroom.ports.portmgr.alloc.Input;
import org.stroom.ports.portmgr.alloc.PortManagerState;
import org.stroom.ports.portmgr.alloc.RejectReason;
import org.stroom.ports.portmgr.alloc.Result;
import org.stroom.ports.portmgr.alloc.StateDigest;
import org.stroom.ports.portmgr.journal.InMemoryJournal;
import org.stroom.ports.portmgr.journal.Journal;
import org.stroom.ports.t1.Alarm;
import org.stroom.ports.t1.SpanLocation;

@Timeout(60)
class PortManagerTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration LEASE = Duration.ofSeconds(60);
    private static final List<SpanLocation> FAX_SPANS = List.of(
            new SpanLocation(Fixtures.SERVER, 0, 1),
            new SpanLocation(Fixtures.node(1), 0, 1),
            new SpanLocation(Fixtures.node(1), 0, 2),
            new SpanLocation(Fixtures.node(2), 0, 1),
            new SpanLocation(Fixtures.node(2), 0, 2));

    @TempDir
    Path dir;

    private final ManualNanoClock clock = new ManualNanoClock();

    private PortManager.Builder chronicleBuilder() {
        return PortManager.builder()
                .journalDir(dir.resolve("journal"))
                .snapshots(dir.resolve("snapshots"), 2, 0)
                .inventory(Fixtures.smallSystemInputs())
                .clock(clock);
    }

    /** Requests, HAL events and ticks of a busy few minutes; returns the digest afterwards. */
    private StateDigest workload(PortManager manager, boolean snapshotHalfway) {
        List<Long> leases = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            clock.advance(1_000_000);
            Result result = manager.allocateSync("fax", PortKind.FAX, Direction.OUT, LEASE, WAIT);
            assertThat(result).isInstanceOf(Result.Granted.class);
            leases.add(((Result.Granted) result).leaseId());
        }
        if (snapshotHalfway) {
            manager.snapshot().join();
        }
        for (int i = 0; i < 10; i++) {
            assertThat(manager.releaseSync(leases.get(i), WAIT)).isInstanceOf(Result.Released.class);
        }
        for (int i = 10; i < 15; i++) {
            assertThat(manager.renewSync(leases.get(i), Duration.ofMinutes(10), WAIT))
                    .isInstanceOf(Result.Renewed.class);
        }
        manager.onHalEvent(new SpanAlarmRaised(1, 0, FAX_SPANS.get(1), Alarm.RED), Fixtures.node(1))
                .join();
        clock.advance(Duration.ofMinutes(2).toNanos());
        assertThat(manager.tick().join()).isInstanceOf(Result.Applied.class);
        manager.allocate("voice", PortKind.VOICE, Direction.OUT, LEASE).join();
        return manager.digest().join();
    }

    @Test
    void aRestartFromSnapshotAndChronicleJournalRebuildsIdenticalState() {
        StateDigest before;
        try (PortManager manager = chronicleBuilder().open()) {
            assertThat(manager.recoveryReport().entriesReplayed()).isZero();
            before = workload(manager, true);
        }

        try (PortManager restarted = chronicleBuilder().open()) {
            assertThat(restarted.recoveryReport().isClean()).isTrue();
            assertThat(restarted.recoveryReport().snapshotIndex()).isNotEqualTo(Journal.NO_INDEX);
            assertThat(restarted.recoveryReport().entriesReplayed()).isPositive();
            assertThat(restarted.digest().join()).isEqualTo(before);
            assertThat(restarted.allocateSync("fax", PortKind.FAX, Direction.OUT, LEASE, WAIT))
                    .isInstanceOf(Result.Granted.class);
        }
    }

    @Test
    void aRestartWithoutSnapshotsReplaysTheWholeJournalToTheSameState() {
        InMemoryJournal journal = new InMemoryJournal();
        StateDigest before;
        try (PortManager manager = PortManager.builder()
                .journal(journal)
                .inventory(Fixtures.smallSystemInputs())
                .clock(clock)
                .open()) {
            before = workload(manager, false);
        }

        try (PortManager restarted = PortManager.builder()
                .journal(journal)
                .inventory(Fixtures.smallSystemInputs())
                .clock(clock)
                .open()) {
            assertThat(restarted.digest().join()).isEqualTo(before);
            assertThat(restarted.recoveryReport().entriesReplayed())
                    .as("inventory is not applied again on a restart")
                    .isEqualTo(journal.size());
        }
        PortManagerState replayed = Recovery.replayAll(
                        journal, PortManager.codec(), PortManagerState::new, s -> s::apply)
                .state();
        assertThat(replayed.digest()).isEqualTo(before);
    }

    @Test
    void halAlarmsReachTheStateMachineThroughTheRing() {
        try (PortManager manager = PortManager.builder()
                .inventory(Fixtures.smallSystemInputs())
                .clock(clock)
                .open()) {
            for (SpanLocation span : FAX_SPANS) {
                manager.halListener(span.machine()).onEvent(new SpanAlarmRaised(1, 0, span, Alarm.RED));
            }
            Result refused = manager.allocateSync("fax", PortKind.FAX, Direction.OUT, LEASE, WAIT);
            assertThat(refused).isInstanceOfSatisfying(Result.Rejected.class, r -> assertThat(r.reason())
                    .isEqualTo(RejectReason.ALL_IN_ALARM));

            manager.halListener(Fixtures.node(2)).onEvent(new SpanAlarmCleared(2, 0, FAX_SPANS.get(3), Alarm.RED));
            Result granted = manager.allocateSync("fax", PortKind.FAX, Direction.OUT, LEASE, WAIT);
            assertThat(granted).isInstanceOfSatisfying(Result.Granted.class, g -> assertThat(
                            g.channel().span())
                    .isEqualTo(FAX_SPANS.get(3)));
        }
    }

    @Test
    void aHalEventThatDoesNotConcernAllocationIsNotJournaled() {
        InMemoryJournal journal = new InMemoryJournal();
        try (PortManager manager = PortManager.builder()
                .journal(journal)
                .inventory(Fixtures.smallSystemInputs())
                .open()) {
            manager.tick().join();
            int journaled = journal.size();
            ChannelId channel = new ChannelId(FAX_SPANS.get(0), 1);

            Result result = manager.onHalEvent(new DigitReceived(9, 0, channel, new CallId(4), '5'), Fixtures.SERVER)
                    .join();

            assertThat(result).isInstanceOf(Result.Ignored.class);
            manager.tick().join();
            assertThat(journal.size()).isEqualTo(journaled + 1);
        }
    }

    @Test
    void anOverloadedRequestIsRejectedWithItsRequestIdAndOtherInputsAreIgnored() {
        Result request = PortManager.overloaded(new Input.Release(0, 77, 5));
        assertThat(request).isInstanceOfSatisfying(Result.Rejected.class, r -> {
            assertThat(r.requestId()).isEqualTo(77);
            assertThat(r.reason()).isEqualTo(RejectReason.OVERLOADED);
        });
        assertThat(PortManager.overloaded(new Input.Tick(0))).isInstanceOf(Result.Ignored.class);
    }

    @Test
    void metricsAreReadOnTheWriterThread() {
        try (PortManager manager =
                PortManager.builder().inventory(Fixtures.smallSystemInputs()).open()) {
            manager.allocateSync("fax", PortKind.FAX, Direction.OUT, LEASE, WAIT);
            assertThat(manager.metrics().join().liveLeases()).isEqualTo(1);
            assertThat(manager.coreMetrics().applied())
                    .isEqualTo(Fixtures.smallSystemInputs().size() + 1L);
        }
    }
}
