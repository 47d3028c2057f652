package org.stroom.ports.hal.api.event;

import org.stroom.ports.hal.api.BoardId;

/**
 * An event about a whole board.
 *
 * <p>Thread-safety: immutable.
 */
public sealed interface BoardEvent extends HalEvent permits BoardFault, BoardRecovered {
    /** @return the board */
    BoardId board();
}
