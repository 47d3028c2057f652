package org.stroom.ports.portmgr.alloc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stroom.ports.hal.api.ChannelId;
import org.stroom.ports.hal.api.PortKind;
import org.stroom.ports.t1.SpanLocation;

class LargeSystemTest {
    private static final long LEASE = 60_000_000_000L;

    private static Input.Allocate fax(long requestId) {
        return new Input.Allocate(0, requestId, PortKind.FAX, Direction.OUT, Fixtures.FAX_ALL, null, "normal", LEASE);
    }

    @Test
    void fixtureHas19200TimeslotsAnd18400BearersOn101Machines() {
        PortManagerState s = Fixtures.largeSystem();
        Metrics m = s.metrics();
        assertThat(m.byMachine()).hasSize(Fixtures.LARGE_NODES + 1);
        assertThat(m.bySpan()).hasSize(800);
        assertThat(m.bySpan().size() * 24).isEqualTo(19_200);
        assertThat(m.byKind().get(PortKind.FAX)).isEqualTo(new Metrics.Counts(18_400, 0, 18_400, 0));
        assertThat(m.byKind().get(PortKind.VOICE)).isEqualTo(new Metrics.Counts(18_400, 0, 18_400, 0));
        assertThat(m.byMachine().get(Fixtures.SERVER)).isEqualTo(Metrics.Counts.ZERO);
        assertThat(m.byGroup().get(Fixtures.INBOUND_DID).total()).isEqualTo(100 * 23);
        assertThat(s.groupNames()).containsExactly(Fixtures.FAX_ALL, Fixtures.VOICE_ALL, Fixtures.INBOUND_DID);
    }

    @Test
    void balancedGroupSpreadsGrantsEvenlyOverTheNodes() {
        PortManagerState s = Fixtures.largeSystem();
        for (int i = 0; i < 1000; i++) {
            assertThat(s.apply(fax(i))).isInstanceOf(Result.Granted.class);
        }
        Map<String, Integer> perMachine = new HashMap<>();
        s.leases().forEach(l -> perMachine.merge(l.channel().span().machine(), 1, Integer::sum));
        assertThat(perMachine).hasSize(100).allSatisfy((m, n) -> assertThat(n).isEqualTo(10));
    }

    @Test
    void everyBearerCanBeGrantedOnceAndThenCapacityRunsOut() {
        PortManagerState s = Fixtures.largeSystem();
        for (int i = 0; i < 18_400; i++) {
            assertThat(s.apply(fax(i))).isInstanceOf(Result.Granted.class);
        }
        Result r = s.apply(fax(-1));
        assertThat(((Result.Rejected) r).reason()).isEqualTo(RejectReason.NO_CAPACITY);
        assertThat(s.leases().stream().map(Lease::channel).distinct().count()).isEqualTo(18_400);
        assertThat(s.metrics().byKind().get(PortKind.VOICE).busy()).isEqualTo(18_400);
    }

    @Test
    void roundRobinVoiceGroupWalksAcrossSpansAndMachines() {
        PortManagerState s = Fixtures.largeSystem();
        ChannelId last = null;
        for (int i = 0; i < 30; i++) {
            Result r = s.apply(
                    new Input.Allocate(0, i, PortKind.VOICE, Direction.OUT, Fixtures.VOICE_ALL, null, "normal", LEASE));
            last = ((Result.Granted) r).channel();
        }
        assertThat(last).isEqualTo(new ChannelId(new SpanLocation(Fixtures.node(1), 0, 2), 7));
        assertThat(s.huntPosition(Fixtures.VOICE_ALL)).contains(last);
    }

    @Test
    void nodeDownMovesBalancedTrafficToTheOtherNodes() {
        PortManagerState s = Fixtures.largeSystem();
        s.apply(new Input.MachineDown(0, Fixtures.node(1)));
        for (int i = 0; i < 990; i++) {
            s.apply(fax(i));
        }
        assertThat(s.leases()).noneMatch(l -> l.channel().span().machine().equals(Fixtures.node(1)));
        assertThat(s.metrics().byMachine().get(Fixtures.node(2)).busy()).isEqualTo(10);
    }

    @Test
    void allocateAndReleaseAllocateNothingButTheirResults() {
        com.sun.management.ThreadMXBean mx;
        try {
            mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        } catch (ClassCastException e) {
            mx = null;
        }
        assumeThat(mx != null && mx.isThreadAllocatedMemorySupported()).isTrue();
        mx.setThreadAllocatedMemoryEnabled(true);
        PortManagerState s = Fixtures.largeSystem();
        int rounds = 20_000;
        // Inputs are made before measuring: the callers allocate them, not the state machine.
        Input.Allocate allocate = fax(1);
        Input.Release[] releases = new Input.Release[rounds];
        for (int i = 0; i < rounds; i++) {
            releases[i] = new Input.Release(0, 2, s.nextLeaseId() + i);
        }
        // Warm up the lease map and heap to their working size.
        List<Input> warm = new java.util.ArrayList<>();
        for (int i = 0; i < 500; i++) {
            warm.add(fax(i));
        }
        warm.forEach(s::apply);
        long first = s.nextLeaseId();
        for (int i = 0; i < rounds; i++) {
            releases[i] = new Input.Release(0, 2, first + i);
        }
        long tid = Thread.currentThread().getId();
        long before = mx.getThreadAllocatedBytes(tid);
        for (int i = 0; i < rounds; i++) {
            s.apply(allocate);
            s.apply(releases[i]);
        }
        long perRound = (mx.getThreadAllocatedBytes(tid) - before) / rounds;
        // A Granted and a Released record are about 32 bytes each with compressed oops.
        assertThat(perRound).isLessThanOrEqualTo(96);
        assertThat(s.leaseCount()).isEqualTo(500);
    }
}
