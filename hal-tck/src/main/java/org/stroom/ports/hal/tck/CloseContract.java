package org.stroom.ports.hal.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.stroom.ports.hal.api.BackendState;
import org.stroom.ports.hal.api.ChannelId;
import org.stroom.ports.hal.api.HalBackend;
import org.stroom.ports.hal.api.HalException;

/**
 * Closing: idempotent, state SHUT_DOWN, and afterwards every operation, subscription and service
 * change is refused with a {@link HalException} saying the backend is closed. Closing with calls up
 * does not throw.
 *
 * <p>Thread-safety: jqwik calls the checks from one thread at a time.
 */
public interface CloseContract extends TckContract {

    @Example
    default void closeIsIdempotentAndShutsDown() {
        try (TckSession s = openSession()) {
            HalBackend b = s.backend();
            b.close();
            assertThat(b.state()).isEqualTo(BackendState.SHUT_DOWN);
            b.close();
            assertThat(b.state()).isEqualTo(BackendState.SHUT_DOWN);
        }
    }

    @Property(tries = 20)
    default void everyChannelOperationAfterCloseIsRefusedAsClosed(@ForAll ChannelOperation operation) {
        try (TckSession s = openSession()) {
            ChannelId ch = s.idleChannel();
            s.backend().close();
            assertThatThrownBy(() -> operation.invoke(s, ch))
                    .as("%s after close", operation)
                    .isInstanceOf(HalException.class)
                    .hasMessageFindingMatch("(?i)closed");
        }
    }

    @Example
    default void closedBackendRefusesSubscriptionsAndServiceChanges() {
        try (TckSession s = openSession()) {
            HalBackend b = s.backend();
            b.close();
            assertThatThrownBy(() -> b.subscribe(e -> {}))
                    .isInstanceOf(HalException.class)
                    .hasMessageFindingMatch("(?i)closed");
            assertThatThrownBy(() -> b.subscribe(e -> {}, Runnable::run))
                    .isInstanceOf(HalException.class)
                    .hasMessageFindingMatch("(?i)closed");
            assertThatThrownBy(() -> b.setInService(true))
                    .isInstanceOf(HalException.class)
                    .hasMessageFindingMatch("(?i)closed");
            assertThat(b.state()).isEqualTo(BackendState.SHUT_DOWN);
        }
    }

    @Example
    default void closingWithCallsUpShutsDown() {
        try (TckSession s = openSession()) {
            java.util.List<ChannelId> chs = s.idleChannels(2);
            s.connectInbound(chs.get(0));
            s.offer(chs.get(1));
            s.backend().close();
            assertThat(s.backend().state()).isEqualTo(BackendState.SHUT_DOWN);
            assertThatThrownBy(() -> s.backend().hangUp(chs.get(0), org.stroom.ports.hal.api.Q850Cause.NORMAL_CLEARING))
                    .isInstanceOf(HalException.class)
                    .hasMessageFindingMatch("(?i)closed");
        }
    }
}
