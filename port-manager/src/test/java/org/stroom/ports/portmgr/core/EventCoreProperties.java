package org.stroom.ports.portmgr.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.stroom.ports.portmgr.journal.InMemoryJournal;

class EventCoreProperties {
    @Property(tries = 40)
    void theCoreReachesTheStateOfApplyingTheStampedInputsInOrderAndReplayMatchesIt(
            @ForAll @Size(max = 200) List<@IntRange(min = -1000, max = 1000) Integer> amounts,
            @ForAll Topology topology,
            @ForAll @IntRange(min = 1, max = 6) int ringPowerOfTwo) {
        InMemoryJournal journal = new InMemoryJournal();
        AtomicLong clock = new AtomicLong();
        Ledger live = new Ledger();
        try (EventCore<LedgerInput, Long> core = EventCore.builder((StateMachine<LedgerInput, Long>) live)
                .journal(journal, new LedgerCodec())
                .stamper(LedgerInput::withTime)
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

        Ledger expected = new Ledger();
        for (int i = 0; i < amounts.size(); i++) {
            expected.apply(new LedgerInput(i, amounts.get(i), 10L * (i + 1)));
        }
        assertThat(live).isEqualTo(expected);
        assertThat(Recovery.replayAll(journal, new LedgerCodec(), Ledger::new).state())
                .isEqualTo(expected);
    }
}
