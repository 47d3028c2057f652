package org.stroom.ports.sim;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.stroom.ports.hal.api.PortKind;
import org.stroom.ports.hal.softport.BoardModel;
import org.stroom.ports.portmgr.alloc.Direction;
import org.stroom.ports.portmgr.alloc.GroupMember;
import org.stroom.ports.portmgr.alloc.HuntStrategy;
import org.stroom.ports.portmgr.alloc.Input;
import org.stroom.ports.portmgr.alloc.MachineRole;
import org.stroom.ports.portmgr.alloc.TimeslotSet;
import org.stroom.ports.portmgr.config.SystemDescription;
import org.stroom.ports.portmgr.config.SystemDescription.Board;
import org.stroom.ports.portmgr.config.SystemDescription.HuntGroup;
import org.stroom.ports.portmgr.config.SystemDescription.Machine;
import org.stroom.ports.portmgr.config.SystemDescription.Reservation;
import org.stroom.ports.portmgr.config.SystemDescription.Span;
import org.stroom.ports.portmgr.config.SystemDescription.StroomSystem;
import org.stroom.ports.t1.Ds0Layout;
import org.stroom.ports.t1.SpanLocation;

/**
 * Where every circuit of a described system sits, and the port manager's inventory inputs for it.
 *
 * <p>Thread-safety: immutable after construction.
 */
public final class Inventory {
    /** Heartbeat timeout the port manager applies to every machine. */
    public static final long HEARTBEAT_TIMEOUT_NANOS = 30_000_000_000L;

    private final StroomSystem system;
    private final Map<String, SpanLocation> locationByCircuit = new LinkedHashMap<>();
    private final Map<String, Span> spanByCircuit = new LinkedHashMap<>();

    /** @param system a validated system description */
    public Inventory(StroomSystem system) {
        this.system = system;
        for (Machine m : system.machines()) {
            for (int b = 0; b < m.boards().size(); b++) {
                for (Span s : m.boards().get(b).spans()) {
                    String circuit = s.config().circuitId().value();
                    locationByCircuit.put(circuit, new SpanLocation(m.name(), b, s.port()));
                    spanByCircuit.put(circuit, s);
                }
            }
        }
    }

    /** @return the described system */
    public StroomSystem system() {
        return system;
    }

    /** @return circuit id → span position */
    public Map<String, SpanLocation> locations() {
        return java.util.Collections.unmodifiableMap(locationByCircuit);
    }

    /** @return the softport model of a described board */
    public static BoardModel model(Board board) {
        String n = board.model().toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        for (BoardModel m : BoardModel.values()) {
            if (m.name().replace("_", "").equals(n)) {
                return m;
            }
        }
        throw new IllegalArgumentException("board model '" + board.model() + "' has no simulated equivalent");
    }

    /**
     * @param model the board the circuit is plugged into
     * @param layout the circuit's DS0 layout
     * @param wanted the kinds the circuit is described for
     * @return {fax mask, voice mask} (bit ts-1 per timeslot) of the bearers the board can run for
     *     the wanted kinds
     */
    public static int[] kindMasks(BoardModel model, Ds0Layout layout, Set<PortKind> wanted) {
        int fax = 0;
        int voice = 0;
        for (int ts : layout.bearerTimeslots()) {
            Set<PortKind> can = model.kinds(ts);
            if (can.contains(PortKind.FAX) && wanted.contains(PortKind.FAX)) {
                fax |= 1 << (ts - 1);
            }
            if (can.contains(PortKind.VOICE) && wanted.contains(PortKind.VOICE)) {
                voice |= 1 << (ts - 1);
            }
        }
        return new int[] {fax, voice};
    }

    /** @return the circuits (ids) a hunt group covers: its circuit members and every circuit of its machine members */
    public List<String> circuitsOf(HuntGroup group) {
        List<String> out = new ArrayList<>();
        for (String member : group.members()) {
            if (locationByCircuit.containsKey(member)) {
                out.add(member);
            } else {
                locationByCircuit.forEach((c, loc) -> {
                    if (loc.machine().equals(member)) {
                        out.add(c);
                    }
                });
            }
        }
        return out;
    }

    /** @return the hunt group named {@code name} */
    public HuntGroup group(String name) {
        return system.huntGroups().stream()
                .filter(g -> g.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no hunt group '" + name + "' in " + system.name()));
    }

    /** @return inputs that describe the system to a fresh port manager, all stamped at time 0 */
    public List<Input> portManagerInputs() {
        List<Input> in = new ArrayList<>();
        for (Machine m : system.machines()) {
            MachineRole role = m.role() == SystemDescription.Role.SERVER ? MachineRole.SERVER : MachineRole.NODE;
            in.add(new Input.MachineAdded(0, m.name(), role, HEARTBEAT_TIMEOUT_NANOS));
        }
        for (Machine m : system.machines()) {
            for (int b = 0; b < m.boards().size(); b++) {
                Board board = m.boards().get(b);
                BoardModel model = model(board);
                for (Span s : board.spans()) {
                    Ds0Layout layout = s.config().layout();
                    Set<PortKind> wanted =
                            s.kinds().isEmpty() ? EnumSet.allOf(PortKind.class) : EnumSet.copyOf(s.kinds());
                    int[] masks = kindMasks(model, layout, wanted);
                    in.add(new Input.SpanAdded(
                            0,
                            new SpanLocation(m.name(), b, s.port()),
                            s.config().circuitId(),
                            s.config().signalling(),
                            TimeslotSet.of(layout),
                            new TimeslotSet(masks[0]),
                            new TimeslotSet(masks[1]),
                            EnumSet.allOf(Direction.class)));
                }
            }
        }
        for (HuntGroup g : system.huntGroups()) {
            List<GroupMember> members = new ArrayList<>();
            for (String c : circuitsOf(g)) {
                members.add(GroupMember.wholeSpan(locationByCircuit.get(c)));
            }
            in.add(new Input.HuntGroupDefined(
                    0, g.name(), HuntStrategy.valueOf(g.strategy().name()), g.kind(), members));
        }
        for (Reservation r : system.reservations()) {
            in.add(new Input.ReservationDefined(0, r.priorityClass(), r.kind(), r.minFree()));
        }
        return in;
    }
}
