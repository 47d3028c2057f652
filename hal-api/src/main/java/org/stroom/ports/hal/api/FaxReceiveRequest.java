package org.stroom.ports.hal.api;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Receive a fax on a connected call into a TIFF Class F file.
 *
 * @param output where to write the TIFF; its directory must exist
 * @param localId our T.30 station id (CSI), at most 20 characters
 *     <p>Thread-safety: immutable.
 */
public record FaxReceiveRequest(Path output, String localId) {
    /** Checks the station id. */
    public FaxReceiveRequest {
        Objects.requireNonNull(output, "output");
        checkStationId(localId);
    }

    static void checkStationId(String id) {
        Objects.requireNonNull(id, "localId");
        if (id.length() > 20) {
            throw new HalException("fax station id '" + id + "' has " + id.length() + " characters; T.30 allows 20");
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                throw new HalException(
                        "fax station id '" + id + "' has a non-printable character at position " + (i + 1));
            }
        }
    }
}
