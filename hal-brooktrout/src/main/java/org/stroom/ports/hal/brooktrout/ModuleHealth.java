package org.stroom.ports.hal.brooktrout;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.stroom.ports.hal.api.BoardId;
import org.stroom.ports.hal.brooktrout.jna.BfvEventKind;
import org.stroom.ports.hal.brooktrout.jna.BfvIncomingCommand;
import org.stroom.ports.t1.Alarm;
import org.stroom.ports.t1.DChannelState;
import org.stroom.ports.t1.Signalling;
import org.stroom.ports.t1.SpanLocation;

/**
 * Folds what the modules report about D-channels and about themselves into per-span D-channel states
 * and per-module faults, and says which hal-api events that changes. Pure: no I/O, no clock, no
 * events published; the backend feeds it decoded callbacks and declared alarms, in arrival order.
 *
 * <p>Rules (the same as the softport backend's, so both backends report one situation alike):
 *
 * <ul>
 *   <li>A PRI span's D-channel is DOWN while the module reports at least one of the span's B-channels
 *       blocked for the D-channel ({@link BfvEventKind#DCHANNEL_DOWN} until {@link
 *       BfvEventKind#DCHANNEL_UP}, per unit), while its module has failed, or while a RED or BLUE
 *       alarm is declared on the span (no layer 1, so no layer 2); UP otherwise. A CAS span has no
 *       D-channel.
 *   <li>A module fault is reported by every line of the module; the first report fails the module,
 *       the others change nothing. The first {@link BfvEventKind#MODULE_READY} recovers it.
 *   <li>A module failure comes before the D-channel changes it causes; a recovery likewise.
 * </ul>
 *
 * <p>Thread-safety: not thread-safe; the backend confines it to its pump thread.
 */
final class ModuleHealth {

    /**
     * A change the backend publishes as one hal-api event, in list order.
     *
     * <p>Thread-safety: immutable.
     */
    sealed interface Change permits DChannelChanged, ModuleFailed, ModuleRecovered {}

    /**
     * A PRI span's D-channel went {@code state} (DOWN or UP): DChannelDown or DChannelUp.
     *
     * <p>Thread-safety: immutable.
     */
    record DChannelChanged(SpanLocation span, DChannelState state) implements Change {}

    /**
     * A module failed: BoardFault.
     *
     * <p>Thread-safety: immutable.
     */
    record ModuleFailed(BoardId board, String reason) implements Change {}

    /**
     * A failed module works again: BoardRecovered.
     *
     * <p>Thread-safety: immutable.
     */
    record ModuleRecovered(BoardId board) implements Change {}

    private static final class SpanHealth {
        final boolean pri;
        final Set<Integer> blockedUnits = new TreeSet<>();
        boolean alarmDown;
        DChannelState state;

        SpanHealth(boolean pri) {
            this.pri = pri;
            this.state = pri ? DChannelState.UP : DChannelState.NOT_APPLICABLE;
        }
    }

    private final Map<SpanLocation, SpanHealth> spans = new TreeMap<>();
    private final Map<BoardId, String> faults = new TreeMap<>();

    /**
     * @param signalling the signalling of every configured span; never null
     */
    ModuleHealth(Map<SpanLocation, Signalling> signalling) {
        signalling.forEach((span, sig) -> spans.put(span, new SpanHealth(sig == Signalling.ISDN_PRI)));
    }

    /**
     * Applies one decoded callback of a line on {@code span}. Kinds other than D-channel and module
     * reports change nothing.
     *
     * @param span the span of the line that reported; must be configured
     * @param command the decoded callback; never null
     * @return the changes to publish, in order; empty when nothing changed
     */
    List<Change> onCommand(SpanLocation span, BfvIncomingCommand command) {
        SpanHealth h = health(span);
        BoardId board = new BoardId(span.machine(), span.board());
        BfvEventKind kind = command.kind();
        List<Change> out = new ArrayList<>();
        if (kind == BfvEventKind.DCHANNEL_DOWN) {
            h.blockedUnits.add(command.unit());
        } else if (kind == BfvEventKind.DCHANNEL_UP) {
            h.blockedUnits.remove(command.unit());
        } else if (kind == BfvEventKind.MODULE_FAULT) {
            if (faults.containsKey(board)) {
                return out;
            }
            String reason = "module " + span.board() + " failed (code " + command.value() + ")"
                    + (command.text().isEmpty() ? "" : ": " + command.text());
            faults.put(board, reason);
            out.add(new ModuleFailed(board, reason));
            recomputeBoard(board, out);
            return out;
        } else if (kind == BfvEventKind.MODULE_READY) {
            if (faults.remove(board) == null) {
                return out;
            }
            out.add(new ModuleRecovered(board));
            recomputeBoard(board, out);
            return out;
        } else {
            return out;
        }
        recompute(span, h, out);
        return out;
    }

    /**
     * Applies the alarms now declared on {@code span}.
     *
     * @param span a configured span
     * @param declared the declared alarms; never null
     * @return the changes to publish, in order
     */
    List<Change> onAlarms(SpanLocation span, Set<Alarm> declared) {
        SpanHealth h = health(span);
        h.alarmDown = Alarm.blocksTraffic(declared);
        List<Change> out = new ArrayList<>();
        recompute(span, h, out);
        return out;
    }

    /** @return the D-channel state of a configured span */
    DChannelState dChannel(SpanLocation span) {
        return health(span).state;
    }

    /** @return why the board's module failed, or empty while it works */
    Optional<String> fault(BoardId board) {
        return Optional.ofNullable(faults.get(board));
    }

    private SpanHealth health(SpanLocation span) {
        return Objects.requireNonNull(spans.get(span), () -> "brooktrout: no configured span " + span);
    }

    private void recomputeBoard(BoardId board, List<Change> out) {
        spans.forEach((span, h) -> {
            if (span.machine().equals(board.machine()) && span.board() == board.board()) {
                recompute(span, h, out);
            }
        });
    }

    private void recompute(SpanLocation span, SpanHealth h, List<Change> out) {
        if (!h.pri) {
            return;
        }
        boolean down = !h.blockedUnits.isEmpty()
                || h.alarmDown
                || faults.containsKey(new BoardId(span.machine(), span.board()));
        DChannelState now = down ? DChannelState.DOWN : DChannelState.UP;
        if (now != h.state) {
            h.state = now;
            out.add(new DChannelChanged(span, now));
        }
    }
}
