package org.stroom.ports.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.stroom.ports.hal.api.ChannelId;
import org.stroom.ports.portmgr.alloc.Fixtures;
import org.stroom.ports.portmgr.alloc.Input;
import org.stroom.ports.portmgr.alloc.PortManagerState;
import org.stroom.ports.portmgr.core.PortManager;
import org.stroom.ports.portmgr.core.Recovery;
import org.stroom.ports.portmgr.journal.InMemoryJournal;
import org.stroom.ports.portmgr.journal.Journal;
import org.stroom.ports.portmgr.journal.JournalProblem;
import org.stroom.ports.portmgr.journal.RecoveryReport;
import org.stroom.ports.t1.SpanLocation;

@Timeout(30)
class ResumeJournalTest {
    static final Duration WAIT = Duration.ofSeconds(10);
    static final String NODE = Fixtures.node(1);
    static final ChannelId CH = new ChannelId(new SpanLocation(NODE, 0, 1), 3);

    private static PortManager open(Journal j) {
        return PortManager.builder()
                .machine(Fixtures.SERVER)
                .journal(j)
                .inventory(Fixtures.smallSystemInputs())
                .open();
    }

    private static void submit(PortManager pm, ResumeJournal j, Input in, NodeMark mark) {
        j.expect(NODE, in, mark);
        pm.submitSync(in, WAIT);
    }

    @Test
    void nodeEventInputCarriesItsMarkAndReplayReturnsTheLastMarkPerNode() {
        InMemoryJournal store = new InMemoryJournal();
        ResumeJournal j = new ResumeJournal(store);
        try (PortManager pm = open(j)) {
            submit(pm, j, new Input.CallActive(0, CH, 11, true), new NodeMark(NODE, "J1", 7));
            pm.submitSync(new Input.MachineHeartbeat(0, NODE), WAIT);
            submit(pm, j, new Input.CallEnded(0, CH, 11), new NodeMark(NODE, "J1", 9));
            submit(pm, j, new Input.ChannelServiceChanged(0, CH, false), null);
        }
        assertThat(j.journaled(NODE)).contains(new NodeMark(NODE, "J1", 9));

        Map<Long, NodeMark> marks = ResumeJournal.marks(store);
        assertThat(marks.values()).containsExactly(new NodeMark(NODE, "J1", 7), new NodeMark(NODE, "J1", 9));

        ResumeJournal reopened = new ResumeJournal(store);
        assertThat(reopened.journaled()).isEmpty();
        try (PortManager pm = open(reopened)) {
            assertThat(pm.recoveryReport().isClean()).isTrue();
        }
        assertThat(reopened.journaled()).containsExactly(Map.entry(NODE, new NodeMark(NODE, "J1", 9)));
    }

    @Test
    void recoveryThroughTheJournalRebuildsTheSameStateAsTheLivePortManager() throws Exception {
        InMemoryJournal store = new InMemoryJournal();
        ResumeJournal j = new ResumeJournal(store);
        String live;
        try (PortManager pm = open(j)) {
            for (int call = 1; call <= 20; call++) {
                submit(pm, j, new Input.CallActive(0, CH, call, true), new NodeMark(NODE, "J1", 2L * call));
                submit(pm, j, new Input.CallEnded(0, CH, call), new NodeMark(NODE, "J1", 2L * call + 1));
            }
            submit(pm, j, new Input.CallActive(0, CH, 99, true), new NodeMark(NODE, "J1", 50));
            live = pm.digest().get().hex();
        }
        PortManagerState replayed = Recovery.replayAll(
                        new ResumeJournal(store), PortManager.codec(), PortManagerState::new)
                .state();
        assertThat(replayed.digest().hex()).isEqualTo(live);
        assertThat(replayed.metrics().byMachine().get(NODE).busy()).isEqualTo(1);
    }

    @Test
    void anInputNobodyAnnouncedIsJournaledWithoutAMark() {
        InMemoryJournal store = new InMemoryJournal();
        ResumeJournal j = new ResumeJournal(store);
        try (PortManager pm = open(j)) {
            j.expect(NODE, new Input.CallActive(0, CH, 5, true), new NodeMark(NODE, "J1", 3));
            // the same channel, another call: not the announced input, so no mark
            pm.submitSync(new Input.CallActive(0, CH, 6, true), WAIT);
            assertThat(j.journaled()).isEmpty();
            pm.submitSync(new Input.CallActive(0, CH, 5, true), WAIT);
        }
        assertThat(ResumeJournal.marks(store).values()).containsExactly(new NodeMark(NODE, "J1", 3));
    }

    @Test
    void aRetractedAnnouncementMarksNothing() {
        InMemoryJournal store = new InMemoryJournal();
        ResumeJournal j = new ResumeJournal(store);
        try (PortManager pm = open(j)) {
            Input in = new Input.CallActive(0, CH, 5, true);
            ResumeJournal.Expected e = j.expect(NODE, in, new NodeMark(NODE, "J1", 3));
            j.retract(e);
            pm.submitSync(in, WAIT);
        }
        assertThat(ResumeJournal.marks(store)).isEmpty();
    }

    @Test
    void anAnnouncementSkippedByTheRingIsDroppedWhenALaterOneIsJournaled() {
        InMemoryJournal store = new InMemoryJournal();
        ResumeJournal j = new ResumeJournal(store);
        try (PortManager pm = open(j)) {
            j.expect(NODE, new Input.CallActive(0, CH, 5, true), new NodeMark(NODE, "J1", 3));
            submit(pm, j, new Input.CallActive(0, CH, 6, true), new NodeMark(NODE, "J1", 4));
            // the first announcement is gone: the same input later is not marked with it
            pm.submitSync(new Input.CallActive(0, CH, 5, true), WAIT);
        }
        assertThat(ResumeJournal.marks(store).values()).containsExactly(new NodeMark(NODE, "J1", 4));
    }

    @Test
    void aJournalNotWrittenByAServerStopsRecoveryAtItsFirstEntry() {
        InMemoryJournal store = new InMemoryJournal();
        try (PortManager pm = open(store)) {
            pm.submitSync(new Input.MachineHeartbeat(0, NODE), WAIT);
        }
        List<Long> seen = new ArrayList<>();
        RecoveryReport r = new ResumeJournal(store).replay(Journal.NO_INDEX, (i, p) -> seen.add(i));
        assertThat(seen).isEmpty();
        assertThat(r.problem()).get().extracting(JournalProblem::kind).isEqualTo(JournalProblem.Kind.UNDECODABLE);
        assertThat(r.problem().get().detail()).contains("no Server trailer");
    }

    @Test
    void expectRefusesAnInputOfAnotherMachine() {
        ResumeJournal j = new ResumeJournal(new InMemoryJournal());
        assertThatThrownBy(() -> j.expect("node-002", new Input.CallEnded(0, CH, 1), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not concern machine node-002");
    }

    @Test
    void entrySplitsInputAndMark() {
        InMemoryJournal store = new InMemoryJournal();
        ResumeJournal j = new ResumeJournal(store);
        Input in = new Input.CallEnded(0, CH, 1);
        byte[] encoded = new org.stroom.ports.portmgr.alloc.InputCodec().encode(in);
        j.expect(NODE, in, new NodeMark(NODE, "journal-é", Long.MAX_VALUE));
        long index = j.append(ByteBuffer.wrap(encoded));
        List<ResumeJournal.Entry> entries = new ArrayList<>();
        store.replay(Journal.NO_INDEX, (i, p) -> {
            ResumeJournal.Entry e = ResumeJournal.entry(i, p);
            byte[] copy = new byte[e.input().remaining()];
            e.input().duplicate().get(copy);
            assertThat(copy).isEqualTo(encoded);
            entries.add(e);
        });
        assertThat(index).isEqualTo(store.lastIndex());
        assertThat(entries)
                .singleElement()
                .extracting(ResumeJournal.Entry::mark)
                .isEqualTo(new NodeMark(NODE, "journal-é", Long.MAX_VALUE));
        assertThat(j.journaled(NODE)).get().extracting(NodeMark::sequence).isEqualTo(Long.MAX_VALUE);
    }
}
