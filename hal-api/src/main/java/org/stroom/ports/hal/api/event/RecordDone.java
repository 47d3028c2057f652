package org.stroom.ports.hal.api.event;

import java.nio.file.Path;
import org.stroom.ports.hal.api.CallId;
import org.stroom.ports.hal.api.ChannelId;
import org.stroom.ports.hal.api.TerminationReason;

/**
 * Recording ended; the WAV file is complete.
 *
 * <p>Thread-safety: immutable.
 */
public record RecordDone(
        long sequence,
        long atNanos,
        ChannelId channel,
        CallId call,
        Path file,
        TerminationReason reason,
        long recordedMillis)
        implements CallEvent {}
