package org.stroom.ports.portmgr.config;

import java.util.List;
import java.util.Optional;
import org.stroom.ports.hal.api.PortKind;
import org.stroom.ports.t1.SpanConfig;

/**
 * One or more Stroom Systems as described in a YAML file: machines, boards, spans, hunt groups,
 * reservations, load modules, and which system backs which. Produced by
 * {@link DescriptionReader}; every nested list is immutable.
 *
 * @param systems the systems, in file order
 * @param mode redundancy mode of the installation
 * @param pairs which system backs which (Mode 1 and Mode 2; N+1 lists several actives per backup)
 *     <p>Thread-safety: immutable.
 */
public record SystemDescription(List<StroomSystem> systems, RedundancyMode mode, List<Backup> pairs) {
    /** Copies lists. */
    public SystemDescription {
        systems = List.copyOf(systems);
        pairs = List.copyOf(pairs);
    }

    /** Redundancy modes of the customer functional specification. */
    public enum RedundancyMode {
        /** One system, no redundancy. */
        MODE_0,
        /** Two active systems; modules move to the survivor. */
        MODE_1,
        /** One active, one passive. */
        MODE_2,
        /** N actives backed by one spare. */
        N_PLUS_1
    }

    /** Machine roles. */
    public enum Role {
        /** The Server: applications plus boards. */
        SERVER,
        /** A Node: boards only. */
        NODE
    }

    /** Application modules whose load the ports carry. */
    public enum ModuleType {
        /** Outbound desktop/MFP fax (queued: sized by wait). */
        OUTBOUND_FAX(PortKind.FAX),
        /** Inbound fax routed by DID. */
        INBOUND_FAX(PortKind.FAX),
        /** Alert broadcast, voice leg. */
        ALERT_VOICE(PortKind.VOICE),
        /** Alert broadcast, fax leg. */
        ALERT_FAX(PortKind.FAX),
        /** IVR and custom voice applications. */
        IVR_VOICE(PortKind.VOICE);

        private final PortKind kind;

        ModuleType(PortKind kind) {
            this.kind = kind;
        }

        /** @return the port kind the module uses */
        public PortKind kind() {
            return kind;
        }
    }

    /** Hunt strategies. */
    public enum Strategy {
        /** Lowest channel first. */
        TOP_DOWN,
        /** Highest channel first. */
        BOTTOM_UP,
        /** Next channel after the last one used, upwards. */
        ROUND_ROBIN_UP,
        /** Next channel before the last one used, downwards. */
        ROUND_ROBIN_DOWN,
        /** A channel on the span with the fewest busy channels. */
        LEAST_BUSY_SPAN,
        /** A channel on the machine with the fewest busy channels. */
        BALANCE_MACHINES
    }

    /**
     * A Stroom System.
     *
     * @param name unique name
     * @param machines the Server first, then Nodes
     * @param huntGroups hunt groups over the system's spans
     * @param reservations ports kept free for a priority class
     * @param modules the load the system carries when active
     */
    public record StroomSystem(
            String name,
            List<Machine> machines,
            List<HuntGroup> huntGroups,
            List<Reservation> reservations,
            List<Module> modules) {
        /** Copies lists. */
        public StroomSystem {
            machines = List.copyOf(machines);
            huntGroups = List.copyOf(huntGroups);
            reservations = List.copyOf(reservations);
            modules = List.copyOf(modules);
        }
    }

    /**
     * A machine of a system.
     *
     * @param name unique within the installation
     * @param role Server or Node
     * @param boards boards in board-number order (board number = index)
     */
    public record Machine(String name, Role role, List<Board> boards) {
        /** Copies the list. */
        public Machine {
            boards = List.copyOf(boards);
        }
    }

    /**
     * A board.
     *
     * @param model a {@link BoardCatalogue} model name
     * @param spans the circuits plugged into its span ports
     */
    public record Board(String model, List<Span> spans) {
        /** Copies the list. */
        public Board {
            spans = List.copyOf(spans);
        }
    }

    /**
     * A circuit plugged into a span port.
     *
     * @param port span port on the board, 1..4
     * @param config the circuit's provisioning
     * @param kinds what its channels are used for (default: everything the board can do)
     */
    public record Span(int port, SpanConfig config, List<PortKind> kinds) {
        /** Copies the list. */
        public Span {
            kinds = List.copyOf(kinds);
        }
    }

    /**
     * A hunt group.
     *
     * @param name unique within the system
     * @param kind FAX or VOICE
     * @param strategy how a free channel is hunted
     * @param members circuit ids or machine names whose spans belong to the group
     */
    public record HuntGroup(String name, PortKind kind, Strategy strategy, List<String> members) {
        /** Copies the list. */
        public HuntGroup {
            members = List.copyOf(members);
        }
    }

    /**
     * Ports kept free for one priority class.
     *
     * @param priorityClass the class, e.g. {@code alert}
     * @param kind FAX or VOICE
     * @param minFree ports of that kind no other class may take
     */
    public record Reservation(String priorityClass, PortKind kind, int minFree) {}

    /**
     * One application module's busy-hour load.
     *
     * @param name unique within the system
     * @param type what it does
     * @param pool the hunt group it draws from
     * @param busyHourAttempts call attempts in the busy hour
     * @param holdingSeconds mean holding time; empty for fax modules sized by pages
     * @param pagesPerFax mean pages per fax (fax modules without a holding time)
     * @param faxSpeed V17 or V34 (fax modules)
     * @param retryFraction fraction of blocked attempts that retry, 0..<1
     * @param targetBlocking loss-system target, e.g. 0.01
     * @param targetServiceLevel queued-system target: fraction served within {@code withinSeconds}
     * @param withinSeconds service-level threshold in seconds
     */
    public record Module(
            String name,
            ModuleType type,
            String pool,
            double busyHourAttempts,
            Optional<Double> holdingSeconds,
            double pagesPerFax,
            String faxSpeed,
            double retryFraction,
            Optional<Double> targetBlocking,
            Optional<Double> targetServiceLevel,
            double withinSeconds) {}

    /**
     * Which system takes over for which.
     *
     * @param backup the system that takes over (the passive in Mode 2, the other active in Mode 1)
     * @param covers the systems it covers
     */
    public record Backup(String backup, List<String> covers) {
        /** Copies the list. */
        public Backup {
            covers = List.copyOf(covers);
        }
    }

    /** @return the named system */
    public Optional<StroomSystem> system(String name) {
        return systems.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
