package org.stroom.ports.portmgr.capacity;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.stroom.ports.hal.api.BoardId;
import org.stroom.ports.t1.Ds0Layout;
import org.stroom.ports.t1.SpanConfigValidator;
import org.stroom.ports.t1.SpanLocation;

/**
 * A telephony board: its span ports, what its channel resources can do, how many channels it can run at once,
 * whether it works, the spans plugged into it and its free provisioned positions.
 *
 * @param id machine and board number; non-null
 * @param spanPorts span ports on the board, 1..{@link SpanLocation#MAX_PORT}
 * @param ability what the board's channel resources can do; every span on the board must be covered by it
 * @param channelCapacity channels the board can run at once (its DSP resources), ≥ 0; when the usable ports of
 *     its spans exceed it, the board caps them
 * @param up whether the board works; a failed board contributes no port
 * @param spans the spans plugged in (copied); locations on this board, distinct ports
 * @param spares free positions (copied); locations on this board, distinct from the spans' ports
 *     <p>Thread-safety: immutable.
 */
public record InventoryBoard(
        BoardId id,
        int spanPorts,
        PortAbility ability,
        int channelCapacity,
        boolean up,
        List<InventorySpan> spans,
        List<SparePort> spares) {
    /**
     * @throws IllegalArgumentException naming the board and the broken rule
     * @throws org.stroom.ports.t1.InvalidConfigurationException when two spans share a clock priority
     */
    public InventoryBoard {
        Objects.requireNonNull(id, "inventory board: id");
        Objects.requireNonNull(ability, "inventory board " + id + ": ability");
        spans = List.copyOf(Objects.requireNonNull(spans, "inventory board " + id + ": spans"));
        spares = List.copyOf(Objects.requireNonNull(spares, "inventory board " + id + ": spares"));
        if (spanPorts < 1 || spanPorts > SpanLocation.MAX_PORT) {
            throw new IllegalArgumentException(
                    "inventory board " + id + ": spanPorts = " + spanPorts + " is outside 1.." + SpanLocation.MAX_PORT);
        }
        if (channelCapacity < 0) {
            throw new IllegalArgumentException(
                    "inventory board " + id + ": channelCapacity = " + channelCapacity + " is negative");
        }
        Set<Integer> ports = new HashSet<>();
        for (InventorySpan s : spans) {
            checkPosition(id, spanPorts, ports, s.location(), "span " + s.circuit());
            if (!ability.covers(s.ability())) {
                throw new IllegalArgumentException("inventory board " + id + ": span " + s + " is declared "
                        + s.ability() + " but the board's resources only do " + ability);
            }
        }
        for (SparePort p : spares) {
            checkPosition(id, spanPorts, ports, p.location(), "spare position");
        }
        SpanConfigValidator.validateBoard(
                        spans.stream().map(InventorySpan::config).toList(), "board " + id)
                .throwIfInvalid();
    }

    private static void checkPosition(BoardId id, int spanPorts, Set<Integer> used, SpanLocation at, String what) {
        if (!at.machine().equals(id.machine()) || at.board() != id.board()) {
            throw new IllegalArgumentException(
                    "inventory board " + id + ": " + what + " is located at " + at + ", which is not on this board");
        }
        if (at.port() > spanPorts) {
            throw new IllegalArgumentException("inventory board " + id + ": " + what + " at " + at + " uses port "
                    + at.port() + " but the board has " + spanPorts + " span ports");
        }
        if (!used.add(at.port())) {
            throw new IllegalArgumentException(
                    "inventory board " + id + ": port " + at.port() + " is used twice (" + what + ")");
        }
    }

    /**
     * A working board whose channel capacity matches its span ports (24 channels per port).
     *
     * @param id board id
     * @param spanPorts span ports
     * @param ability what its resources can do
     * @param spans spans plugged in
     * @param spares free positions
     * @return the board
     */
    public static InventoryBoard of(
            BoardId id, int spanPorts, PortAbility ability, List<InventorySpan> spans, List<SparePort> spares) {
        return new InventoryBoard(id, spanPorts, ability, spanPorts * Ds0Layout.TIMESLOTS, true, spans, spares);
    }

    /** @return channels the spans plugged in already terminate (bearers, usable or not) */
    public int terminatedChannels() {
        int n = 0;
        for (InventorySpan s : spans) {
            n += s.bearerChannels();
        }
        return n;
    }

    /** @return channel resources not yet taken by a plugged-in span (may be negative when oversubscribed) */
    public int freeChannelResources() {
        return channelCapacity - terminatedChannels();
    }

    /** @return a copy with another up/down state */
    public InventoryBoard withUp(boolean isUp) {
        return new InventoryBoard(id, spanPorts, ability, channelCapacity, isUp, spans, spares);
    }

    /** @return a copy with other spans and spares */
    public InventoryBoard withSpans(List<InventorySpan> newSpans, List<SparePort> newSpares) {
        return new InventoryBoard(id, spanPorts, ability, channelCapacity, up, newSpans, newSpares);
    }
}
