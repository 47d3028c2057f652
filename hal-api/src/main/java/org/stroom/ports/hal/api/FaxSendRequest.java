package org.stroom.ports.hal.api;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Send a fax on a connected call.
 *
 * @param document a TIFF Class F file of 1..n pages ({@link TiffInfo})
 * @param localId our T.30 station id (TSI), at most 20 characters
 *     <p>Thread-safety: immutable.
 */
public record FaxSendRequest(Path document, String localId) {
    /** Checks the station id. */
    public FaxSendRequest {
        Objects.requireNonNull(document, "document");
        FaxReceiveRequest.checkStationId(localId);
    }
}
