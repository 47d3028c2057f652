package org.stroom.ports.hal.softport;

import java.util.ArrayList;
import java.util.List;
import org.stroom.ports.hal.api.BoardInfo;

/**
 * One simulated board.
 *
 * <p>Thread-safety: guarded by the owning backend's lock.
 */
final class SoftBoard {
    final BoardInfo info;
    final BoardModel model;
    final List<SpanPort> ports = new ArrayList<>();
    /** Non-null while the board is failed. */
    String faultReason;

    SoftBoard(BoardInfo info, BoardModel model) {
        this.info = info;
        this.model = model;
    }
}
