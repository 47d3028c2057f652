package org.stroom.ports.portmgr.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.stroom.ports.portmgr.journal.InMemoryJournal;
import org.stroom.ports.portmgr.journal.Journal;

class EventCoreProperties {
    @Property(tries = 40)
    void theCoreReachesTheStateOfApplyingTheInputsInOrderWithNondecreasingStampsAndReplayMatchesIt(
            @ForAll @Size(max = 200) List<@IntRange(min = -1000, max = 1000) Integer> amounts,
            @ForAll Topology topology,
            @ForAll @IntRange(min = 1, max = 6) int ringPowerOfTwo) {
        InMemoryJournal journal = new InMemoryJournal();
        AtomicLong clock = new AtomicLong();
        Ledger live = new Ledger();
        try (EventCore<LedgerInput, Long> core = EventCore.builder((StateMachine<LedgerInput, Long>) live)
                .journal(journal, new LedgerCodec())
                .clock(() -> clock.addAndGet(10))
                .topology(topology)
                .ringSize(1 << ringPowerOfTwo)
                .publishTimeout(java.time.Duration.ofSeconds(5))
                .overloadedResult(input -> Long.MIN_VALUE)
                .start()) {
            for (int i = 0; i < amounts.size(); i++) {
                core.submit(LedgerInput.deposit(i, amounts.get(i)));
            }
        }

        // The journal holds the inputs in submission order, each with a stamp from the clock that never decreases.
        List<LedgerInput> journaled = new java.util.ArrayList<>();
        journal.replay(Journal.NO_INDEX, (index, payload) -> journaled.add(new LedgerCodec().decode(payload)));
        assertThat(journaled).extracting(LedgerInput::id).containsExactly(ids(amounts.size()));
        assertThat(journaled).extracting(LedgerInput::amount).containsExactlyElementsOf(longs(amounts));
        assertThat(journaled).extracting(LedgerInput::atNanos).isSorted().allMatch(t -> t > 0 && t % 10 == 0);
        Ledger expected = new Ledger();
        journaled.forEach(expected::apply);
        assertThat(live).isEqualTo(expected);
        assertThat(Recovery.replayAll(journal, new LedgerCodec(), Ledger::new).state())
                .isEqualTo(expected);
    }

    private static Long[] ids(int n) {
        Long[] ids = new Long[n];
        for (int i = 0; i < n; i++) {
            ids[i] = (long) i;
        }
        return ids;
    }

    private static List<Long> longs(List<Integer> values) {
        return values.stream().map(Integer::longValue).toList();
    }
}
