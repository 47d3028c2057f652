package org.stroom.ports.hal.api;

import java.util.List;
import java.util.Objects;
import org.stroom.ports.t1.SpanLocation;

/**
 * A board as a backend sees it.
 *
 * @param id machine and board number
 * @param vendor manufacturer
 * @param model model name, e.g. {@code "TR1034-4T1"} or {@code "D/480JCT-2T1"}
 * @param serial serial number as the board reports it
 * @param slot bus slot, or -1 when unknown
 * @param spans span positions on the board, in port order
 * @param capabilities what the board can do
 *     <p>Thread-safety: immutable.
 */
public record BoardInfo(
        BoardId id,
        Vendor vendor,
        String model,
        String serial,
        int slot,
        List<SpanLocation> spans,
        BoardCapabilities capabilities) {
    /** Copies the span list. */
    public BoardInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(serial, "serial");
        spans = List.copyOf(spans);
        Objects.requireNonNull(capabilities, "capabilities");
    }
}
