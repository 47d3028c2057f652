package org.stroom.ports.hal.remote;

import org.stroom.ports.hal.api.HalException;

/**
 * A command for a remote Node could not be carried to it, or its result could not be brought back:
 * the link is down, the Node is unreachable, or it did not answer in time. The message says which,
 * and whether the command may still have been carried out on the Node (then check the channel's
 * state before retrying).
 *
 * <p>Thread-safety: immutable.
 */
public class NodeUnavailableException extends HalException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what happened and what to do; never null
     */
    public NodeUnavailableException(String message) {
        super(message);
    }
}
