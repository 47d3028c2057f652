package org.stroom.ports.hal.api.event;

import org.stroom.ports.hal.api.ChannelId;

/**
 * An event about one channel.
 *
 * <p>Thread-safety: immutable.
 */
public sealed interface ChannelEvent extends HalEvent permits CallEvent, ChannelInService, ChannelOutOfService {
    /** @return the channel */
    ChannelId channel();
}
