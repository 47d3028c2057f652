package org.stroom.ports.portmgr.alloc;

import java.util.ArrayList;
import java.util.List;

/** One machine of the System and its supervision state. Owned by {@link PortManagerState}. */
final class MachineSlot {
    static final int UP = 0;
    static final int DOWN_DECLARED = 1;
    static final int DOWN_NO_HEARTBEAT = 2;

    final int index;
    final String name;
    final MachineRole role;
    final long heartbeatTimeoutNanos;
    final List<SpanSlot> spans = new ArrayList<>();
    /** {@link #UP}, {@link #DOWN_DECLARED} or {@link #DOWN_NO_HEARTBEAT}. */
    int state = UP;

    long lastHeartbeatNanos;

    MachineSlot(int index, String name, MachineRole role, long heartbeatTimeoutNanos, long lastHeartbeatNanos) {
        this.index = index;
        this.name = name;
        this.role = role;
        this.heartbeatTimeoutNanos = heartbeatTimeoutNanos;
        this.lastHeartbeatNanos = lastHeartbeatNanos;
    }

    boolean up() {
        return state == UP;
    }
}
