package org.stroom.ports.portmgr.core;

import java.util.Objects;
import org.stroom.ports.portmgr.journal.RecoveryReport;

/**
 * A state rebuilt by {@link Recovery}, and how.
 *
 * @param state the state after the last whole journal entry
 * @param report what was read and where it stopped; {@code report.lastGoodIndex()} is the index to pass to
 *     {@link EventCore.Builder#initialIndex(long)}
 *     <p>Thread-safety: immutable holder; the state is owned by the thread that recovered it until handed to a core.
 */
public record Recovered<S>(S state, RecoveryReport report) {
    /** Validates the fields. */
    public Recovered {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(report, "report");
    }
}
