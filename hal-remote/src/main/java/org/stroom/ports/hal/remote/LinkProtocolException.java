package org.stroom.ports.hal.remote;

import org.stroom.ports.hal.api.HalException;

/**
 * The peer at the other end of a Node ↔ Server link sent something this end cannot use: a message
 * out of order, a value outside its range, or a schema value this version does not know. The link
 * is dropped and re-established; the message names the field and the value.
 *
 * <p>Thread-safety: immutable.
 */
public class LinkProtocolException extends HalException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what was wrong, naming the field and value; never null
     */
    public LinkProtocolException(String message) {
        super(message);
    }
}
