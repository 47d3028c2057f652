package org.stroom.ports.simui.sim;

import java.util.Arrays;
import org.stroom.ports.hal.api.event.CallAlerting;
import org.stroom.ports.hal.api.event.CallConnected;
import org.stroom.ports.hal.api.event.CallDisconnected;
import org.stroom.ports.hal.api.event.CallOffered;
import org.stroom.ports.hal.api.event.FaxDone;
import org.stroom.ports.hal.api.event.FaxPageReceived;
import org.stroom.ports.hal.api.event.FaxPageSent;
import org.stroom.ports.hal.api.event.HalEvent;

/**
 * What the backends' channel state does not say about a cell and the events do: when its call began, its call id,
 * whether the call is a fax and how many pages it has done. Fed with every event (folded on the simulation
 * thread) and with the outbound calls the simulator places.
 *
 * <p>An event only touches a cell whose current call it names (or starts a new one), so a late event of an
 * earlier call never clears a newer call's figures.
 *
 * <p>Thread-safety: not thread-safe; owned by the simulation thread.
 */
final class ChannelTracker {
    static final long NO_CALL = Long.MIN_VALUE;

    private final Layout layout;
    private final long[] callId;
    private final long[] start;
    private final boolean[] fax;
    private final short[] pages;

    ChannelTracker(Layout layout) {
        this.layout = layout;
        int n = layout.cellCount();
        this.callId = new long[n];
        this.start = new long[n];
        this.fax = new boolean[n];
        this.pages = new short[n];
        Arrays.fill(start, NO_CALL);
    }

    /** An outbound call placed by the simulator. */
    void placed(int cell, long call, boolean isFax, long atNanos) {
        callId[cell] = call;
        start[cell] = atNanos;
        fax[cell] = isFax;
        pages[cell] = 0;
    }

    /** Folds one backend event. */
    void fold(HalEvent e) {
        if (e instanceof CallOffered o) {
            int cell = cellOf(o.channel());
            if (cell >= 0) {
                callId[cell] = o.call().value();
                start[cell] = o.atNanos();
                fax[cell] = false;
                pages[cell] = 0;
            }
        } else if (e instanceof CallAlerting a) {
            int cell = cellOf(a.channel());
            if (cell >= 0 && callId[cell] != a.call().value()) {
                callId[cell] = a.call().value();
                start[cell] = a.atNanos();
                fax[cell] = false;
                pages[cell] = 0;
            }
        } else if (e instanceof CallConnected c) {
            int cell = cellOf(c.channel());
            if (cell >= 0 && callId[cell] != c.call().value()) {
                callId[cell] = c.call().value();
                start[cell] = c.atNanos();
                fax[cell] = false;
                pages[cell] = 0;
            }
        } else if (e instanceof FaxPageReceived p) {
            page(cellOf(p.channel()), p.call().value(), p.page());
        } else if (e instanceof FaxPageSent p) {
            page(cellOf(p.channel()), p.call().value(), p.page());
        } else if (e instanceof FaxDone d) {
            int cell = cellOf(d.channel());
            if (cell >= 0 && callId[cell] == d.call().value()) {
                fax[cell] = true;
                pages[cell] = (short) Math.max(pages[cell], d.pages());
            }
        } else if (e instanceof CallDisconnected d) {
            int cell = cellOf(d.channel());
            if (cell >= 0 && callId[cell] == d.call().value()) {
                clear(cell);
            }
        }
    }

    private void page(int cell, long call, int page) {
        if (cell >= 0 && callId[cell] == call) {
            fax[cell] = true;
            pages[cell] = (short) Math.min(Short.MAX_VALUE, page);
        }
    }

    private void clear(int cell) {
        callId[cell] = 0;
        start[cell] = NO_CALL;
        fax[cell] = false;
        pages[cell] = 0;
    }

    /** Forgets the calls of a position (another circuit was plugged in). */
    void clearPosition(int position) {
        for (int ds0 = 1; ds0 <= 24; ds0++) {
            clear(Layout.cell(position, ds0));
        }
    }

    private int cellOf(org.stroom.ports.hal.api.ChannelId ch) {
        if (!layout.hasPosition(ch.span())) {
            return -1;
        }
        return Layout.cell(layout.positionIndex(ch.span()), ch.ds0());
    }

    long callId(int cell) {
        return callId[cell];
    }

    long start(int cell) {
        return start[cell];
    }

    boolean fax(int cell) {
        return fax[cell];
    }

    short pages(int cell) {
        return pages[cell];
    }
}
