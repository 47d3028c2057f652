package org.stroom.ports.hal.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Map;
import net.jqwik.api.Disabled;
import net.jqwik.api.Example;
import net.jqwik.api.Property;
import org.stroom.ports.hal.api.CallId;
import org.stroom.ports.hal.api.ChannelId;
import org.stroom.ports.hal.api.ChannelState;
import org.stroom.ports.hal.api.VendorException;
import org.stroom.ports.hal.api.event.CallConnected;
import org.stroom.ports.hal.api.spi.BackendOptions;
import org.stroom.ports.hal.api.spi.BackendProvider;
import org.stroom.ports.hal.tck.Capability;
import org.stroom.ports.hal.tck.EveryContract;
import org.stroom.ports.hal.tck.TckHarness;
import org.stroom.ports.hal.tck.TckSession;

/**
 * {@link RemoteBackend} through every hal-tck contract softport passes: the backend under test is
 * the Server's view of a Node across a real gRPC + mutual TLS link on loopback, the Node serving a
 * softport board on virtual time (see {@link RemoteHarness}). One check is adapted to the link
 * (a vendor failure names the Node's backend) and the discovery checks are disabled because a
 * RemoteBackend is built per Node, never discovered; each override says why.
 */
class RemoteContractTest implements EveryContract {

    private static final String NO_PROVIDER = "RemoteBackend has no BackendProvider: a Server builds one per"
            + " configured Node (RemoteBackend.builder with the Node's address and TLS files); it is never discovered"
            + " through ServiceLoader nor chosen by Hal.choose as a machine's own boards. The Node's backend is"
            + " discovered on the Node, by its own provider's checks.";

    @Override
    public TckHarness createHarness() {
        return RemoteHarness.open();
    }

    @Override
    public BackendProvider tckProvider() {
        throw new UnsupportedOperationException(NO_PROVIDER);
    }

    @Override
    public BackendOptions tckOptions() {
        throw new UnsupportedOperationException(NO_PROVIDER);
    }

    /**
     * The contract's check, except for whose id the failure carries: over the link a {@link
     * VendorException} names the vendor library that failed, the Node's backend ({@link
     * RemoteBackend#nodeBackendId()}, "softport" here), not "remote" — the link rethrows the Node's
     * exception with every field kept, so that logs and tickets still match the vendor's tables.
     */
    @Override
    @Example
    public void vendorFailureKeepsItsCodeAndLeavesTheChannelUsable() {
        try (TckSession s = openSession()) {
            s.require(Capability.OPERATION_FAILURE);
            ChannelId ch = s.idleChannel();
            CallId call = s.offer(ch);
            s.harness().failNextOperation(ch);
            Throwable thrown = catchThrowable(() -> s.backend().answer(ch));
            assertThat(thrown).as("answer after failNextOperation").isInstanceOf(VendorException.class);
            VendorException v = (VendorException) thrown;
            assertThat(v.vendor()).isEqualTo(((RemoteBackend) s.backend()).nodeBackendId());
            assertThat(v.vendor())
                    .isEqualTo(((RemoteHarness) s.harness()).node().id());
            assertThat(v.function()).isNotBlank();
            assertThat(v.symbol()).isNotBlank();
            assertThat(v.getMessage()).contains(v.symbol()).contains(Long.toString(v.code()));
            assertThat(s.state(ch)).as("state after the vendor failure").isEqualTo(ChannelState.OFFERED);
            s.backend().answer(ch);
            s.expect(CallConnected.class, e -> e.call().equals(call), TckSession.SIGNALLING, "CallConnected");
            s.hangUp(ch, call);
            s.clearCallsAndCheckInvariants();
        }
    }

    // ---- DiscoveryContract: RemoteBackend is built per Node, never discovered (see NO_PROVIDER) ----

    @Override
    @Example
    @Disabled("no BackendProvider: a Server builds one RemoteBackend per configured Node with RemoteBackend.builder")
    public void providerDescribesTheBackendItOpens() {}

    @Override
    @Example
    @Disabled("not registered for ServiceLoader on purpose: Hal.choose must never take a link for a machine's boards")
    public void providerIsRegisteredForServiceLoader() {}

    @Override
    @Example
    @Disabled("no BackendProvider: a RemoteBackend opens with the Node's address and TLS files, not BackendOptions")
    public void providerIsAvailableAndOpensWithTheHarnessOptions() {}

    @Override
    @Property
    @Disabled("no BackendProvider, so no probe; the Node's backend is probed on the Node by its own provider")
    public void probeNeverThrowsWhateverTheConfiguration(Map<String, String> properties, String machine) {}

    @Override
    @Example
    @Disabled("no BackendProvider: Hal.choose picks the Node's backend on the Node, never the Server's link to it")
    public void halChoosesTheBackendByName() {}

    @Override
    @Example
    @Disabled("no BackendProvider: Hal.choose picks the Node's backend on the Node, never the Server's link to it")
    public void halChoosesASimulatedBackendOnlyWhenAllowed() {}
}
