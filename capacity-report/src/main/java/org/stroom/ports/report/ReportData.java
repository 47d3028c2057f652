package org.stroom.ports.report;

import java.util.List;
import java.util.Objects;

/**
 * Everything a capacity-planning report shows, as plain values: the single source of truth of the JSON, CSV,
 * HTML and PDF renderings. Built by {@link ReportBuilder}; the JSON ({@link JsonReport}) is exactly these records,
 * with their component names as property names.
 *
 * <p>Units: erlangs for traffic, ports for counts, fractions in [0, 1] for blocking, probabilities, service levels
 * and utilisation (the HTML shows them as percentages), seconds for waits. A {@code null} number means "does not
 * apply" (e.g. blocking of a queued pool) or "unbounded" (the mean wait of an unstable queue).
 *
 * @param meta title, source, mode and overall grade
 * @param systems one line per system
 * @param inventory one line per machine
 * @param groups one line per hunt group and traffic role (see {@link GroupRow})
 * @param curves blocking (or waiting) versus ports, one per loaded group line
 * @param spans one line per span
 * @param simulation the simulation run, or null when none was made
 * @param verdicts the redundancy mode's verdicts, normal operation first
 * @param whatIf each single failure and the grade it leaves, per system carrying load and per takeover
 * @param plan span moves and number rollovers of every takeover
 * @param proofs the signed takeover proofs, one per takeover
 * @param approximations what the model approximates for this installation, in words
 *     <p>Thread-safety: immutable.
 */
public record ReportData(
        Meta meta,
        List<SystemRow> systems,
        List<MachineRow> inventory,
        List<GroupRow> groups,
        List<Curve> curves,
        List<SpanRow> spans,
        Simulation simulation,
        List<VerdictRow> verdicts,
        List<WhatIfRow> whatIf,
        List<PlanRow> plan,
        List<ProofRow> proofs,
        List<String> approximations) {
    /** Copies the lists; {@code simulation} may be null. */
    public ReportData {
        Objects.requireNonNull(meta, "report data: meta");
        systems = List.copyOf(systems);
        inventory = List.copyOf(inventory);
        groups = List.copyOf(groups);
        curves = List.copyOf(curves);
        spans = List.copyOf(spans);
        verdicts = List.copyOf(verdicts);
        whatIf = List.copyOf(whatIf);
        plan = List.copyOf(plan);
        proofs = List.copyOf(proofs);
        approximations = List.copyOf(approximations);
    }

    /**
     * What the report is about.
     *
     * @param title report title
     * @param source where the description came from (a file name, or "embedded default")
     * @param generatedAt ISO-8601 instant the report was built
     * @param mode redundancy mode, e.g. {@code MODE_2}
     * @param grade worst grade of all mode verdicts: PASS, DEGRADED or FAIL
     * @param backups which system backs which, in words
     *     <p>Thread-safety: immutable.
     */
    public record Meta(
            String title, String source, String generatedAt, String mode, String grade, List<String> backups) {
        /** Copies the list. */
        public Meta {
            backups = List.copyOf(backups);
        }
    }

    /**
     * One Stroom System.
     *
     * @param system name
     * @param role {@code active}, {@code passive} or {@code spare} in the redundancy mode
     * @param machines machines
     * @param boards boards
     * @param spans spans (circuits plugged in)
     * @param bearerChannels bearer channels of all spans
     * @param usablePorts ports usable now
     * @param freePositions board ports with no circuit (span-move targets)
     * @param busyHourErlangs offered busy-hour traffic of its own modules
     *     <p>Thread-safety: immutable.
     */
    public record SystemRow(
            String system,
            String role,
            int machines,
            int boards,
            int spans,
            int bearerChannels,
            int usablePorts,
            int freePositions,
            double busyHourErlangs) {}

    /**
     * One machine.
     *
     * @param system its system
     * @param machine name
     * @param role SERVER or NODE
     * @param up whether it is up
     * @param boards board models in board-number order
     * @param spans spans
     * @param bearerChannels bearer channels
     * @param usablePorts usable ports
     * @param faxPorts usable ports able to do fax
     * @param voicePorts usable ports able to do voice
     * @param freePositions board ports with no circuit
     *     <p>Thread-safety: immutable.
     */
    public record MachineRow(
            String system,
            String machine,
            String role,
            boolean up,
            List<String> boards,
            int spans,
            int bearerChannels,
            int usablePorts,
            int faxPorts,
            int voicePorts,
            int freePositions) {
        /** Copies the list. */
        public MachineRow {
            boards = List.copyOf(boards);
        }
    }

    /**
     * One hunt group, or one traffic role of a hunt group that carries modules of several roles (inbound and
     * outbound, loss and queued): the capacity model sizes each role as its own pool.
     *
     * @param system its system
     * @param group hunt group name
     * @param pool capacity pool name, null for a group without modules
     * @param kind FAX or VOICE
     * @param strategy hunt strategy
     * @param direction INBOUND or OUTBOUND, null without modules
     * @param discipline LOSS or QUEUE, null without modules
     * @param scope which spans the capacity model lets the pool use, null without modules
     * @param modules its modules
     * @param members circuits of the group that can do its kind
     * @param busyHourErlangs offered busy-hour traffic
     * @param target grade-of-service target in words, null without modules
     * @param configuredPorts usable ports of the group's circuits this traffic can reach (inbound: the circuits
     *     delivering its DIDs)
     * @param availablePorts configured ports left once the group's other roles have their required ports
     * @param requiredPorts fewest ports meeting the target (Erlang B, Extended Erlang B or Erlang C)
     * @param groupRequiredPorts required ports of all roles of the group together
     * @param recommendedPorts group required ports rounded up to whole spans of the group's span size
     * @param recommendedSpans that many spans
     * @param blockingAtConfigured blocking with the available ports (loss pools), else null
     * @param waitProbabilityAtConfigured probability a job waits at all with the available ports (queued), else null
     * @param meanWaitSecondsAtConfigured mean wait in seconds (queued), null when not queued or unbounded
     * @param serviceLevelAtConfigured fraction served within the target time (queued), else null
     * @param meetsTarget whether the available ports meet the target and the group has its required ports
     * @param measuredBlocking blocking measured by the simulation, null without one
     * @param measuredAttempts attempts offered in the simulation, null without one
     * @param curve id of its curve in {@link ReportData#curves()}, null without modules
     *     <p>Thread-safety: immutable.
     */
    public record GroupRow(
            String system,
            String group,
            String pool,
            String kind,
            String strategy,
            String direction,
            String discipline,
            String scope,
            List<String> modules,
            List<String> members,
            double busyHourErlangs,
            String target,
            int configuredPorts,
            int availablePorts,
            int requiredPorts,
            int groupRequiredPorts,
            int recommendedPorts,
            int recommendedSpans,
            Double blockingAtConfigured,
            Double waitProbabilityAtConfigured,
            Double meanWaitSecondsAtConfigured,
            Double serviceLevelAtConfigured,
            boolean meetsTarget,
            Double measuredBlocking,
            Long measuredAttempts,
            String curve) {
        /** Copies the lists. */
        public GroupRow {
            modules = List.copyOf(modules);
            members = List.copyOf(members);
        }
    }

    /**
     * Blocking (loss pools) or the probability of waiting longer than the target time (queued pools) against the
     * number of ports.
     *
     * @param id unique id, also the HTML element id of its chart
     * @param system system
     * @param group hunt group
     * @param pool capacity pool
     * @param metric what the y axis shows, e.g. {@code "blocking"} or {@code "P(wait > 300 s)"}
     * @param targetValue the target on that axis, null when the pool has no single one
     * @param currentPorts the available ports (the marked point)
     * @param currentValue the metric there
     * @param requiredPorts the required ports
     * @param points the curve, ascending ports
     *     <p>Thread-safety: immutable.
     */
    public record Curve(
            String id,
            String system,
            String group,
            String pool,
            String metric,
            Double targetValue,
            int currentPorts,
            double currentValue,
            int requiredPorts,
            List<Point> points) {
        /** Copies the list. */
        public Curve {
            points = List.copyOf(points);
        }
    }

    /**
     * One point of a curve.
     *
     * @param ports ports
     * @param value metric at that many ports, in [0, 1]
     *     <p>Thread-safety: immutable.
     */
    public record Point(int ports, double value) {}

    /**
     * One span.
     *
     * @param system its system
     * @param machine its machine
     * @param board board number (index on the machine)
     * @param port span port on the board
     * @param location {@code machine/bN/sP}
     * @param circuit carrier circuit id
     * @param signalling signalling protocol
     * @param bearerChannels bearer channels
     * @param usablePorts usable ports now
     * @param status {@code in service} or why not
     * @param ability FAX, VOICE or FAX_AND_VOICE
     * @param dids DID ranges delivered, comma separated (empty when none)
     * @param groups hunt groups it belongs to
     * @param meanBusy simulated mean busy channels, null when its system was not simulated
     * @param peakBusy simulated peak busy channels, null when not simulated
     * @param utilisation simulated mean busy / bearer channels, null when not simulated
     *     <p>Thread-safety: immutable.
     */
    public record SpanRow(
            String system,
            String machine,
            int board,
            int port,
            String location,
            String circuit,
            String signalling,
            int bearerChannels,
            int usablePorts,
            String status,
            String ability,
            String dids,
            List<String> groups,
            Double meanBusy,
            Integer peakBusy,
            Double utilisation) {
        /** Copies the list. */
        public SpanRow {
            groups = List.copyOf(groups);
        }
    }

    /**
     * The simulation run.
     *
     * @param system simulated system
     * @param hours measured virtual hours
     * @param warmUpHours virtual hours before measuring
     * @param seed seed
     * @param samples busy-count samples per span
     * @param carriedErlangs mean busy channels over all spans
     * @param modules per module
     *     <p>Thread-safety: immutable.
     */
    public record Simulation(
            String system,
            double hours,
            double warmUpHours,
            long seed,
            int samples,
            double carriedErlangs,
            List<SimModuleRow> modules) {
        /** Copies the list. */
        public Simulation {
            modules = List.copyOf(modules);
        }
    }

    /**
     * One module in the simulation.
     *
     * @param module module name
     * @param group hunt group
     * @param direction INBOUND or OUTBOUND
     * @param offered attempts
     * @param carried attempts that got a port
     * @param blocked attempts that found none
     * @param measuredBlocking blocked / offered
     * @param expectedBlocking model blocking of its group line at the available ports (loss pools), else null
     *     <p>Thread-safety: immutable.
     */
    public record SimModuleRow(
            String module,
            String group,
            String direction,
            long offered,
            long carried,
            long blocked,
            double measuredBlocking,
            Double expectedBlocking) {}

    /**
     * One verdict of the redundancy mode.
     *
     * @param scenario what was checked
     * @param system whose ports counted
     * @param grade PASS, DEGRADED or FAIL
     * @param splitFeasible whether every pool's requirement can be met at once
     * @param kinds per port kind, FAX then VOICE
     * @param pools per pool
     * @param reasons why, in words
     * @param excluded ports that do not count, and why
     *     <p>Thread-safety: immutable.
     */
    public record VerdictRow(
            String scenario,
            String system,
            String grade,
            boolean splitFeasible,
            List<KindRow> kinds,
            List<PoolRow> pools,
            List<String> reasons,
            List<String> excluded) {
        /** Copies the lists. */
        public VerdictRow {
            kinds = List.copyOf(kinds);
            pools = List.copyOf(pools);
            reasons = List.copyOf(reasons);
            excluded = List.copyOf(excluded);
        }
    }

    /**
     * One port kind of a verdict.
     *
     * @param kind FAX or VOICE
     * @param required ports its pools need together
     * @param usable usable ports able to serve it
     * @param dualUsable of those, ports able to serve either kind
     * @param allotted ports the split gives its pools
     * @param margin spare ports (negative: shortfall)
     * @param worstBlocking highest blocking of its loss pools, null when none
     * @param worstMeanWaitSeconds highest mean wait of its queued pools, null when none or unbounded
     *     <p>Thread-safety: immutable.
     */
    public record KindRow(
            String kind,
            int required,
            int usable,
            int dualUsable,
            int allotted,
            int margin,
            Double worstBlocking,
            Double worstMeanWaitSeconds) {}

    /**
     * One pool of a verdict.
     *
     * @param pool pool name
     * @param kind FAX or VOICE
     * @param discipline LOSS or QUEUE
     * @param offeredErlangs offered traffic
     * @param required required ports
     * @param eligible usable ports it could use at all
     * @param allotted ports the split gives it
     * @param blocking blocking with those (loss), else null
     * @param waitProbability probability of waiting (queue), else null
     * @param meanWaitSeconds mean wait (queue), null when not queued or unbounded
     * @param grade PASS, DEGRADED or FAIL
     * @param checks its targets checked, in words
     *     <p>Thread-safety: immutable.
     */
    public record PoolRow(
            String pool,
            String kind,
            String discipline,
            double offeredErlangs,
            int required,
            int eligible,
            int allotted,
            Double blocking,
            Double waitProbability,
            Double meanWaitSeconds,
            String grade,
            String checks) {}

    /**
     * One rehearsed single failure.
     *
     * @param context the situation rehearsed, e.g. {@code "stroom-b takes over stroom-a"}
     * @param system the system whose component fails
     * @param failure what fails ({@code none} for the baseline)
     * @param grade the resulting grade
     * @param faxUsable usable fax-capable ports left
     * @param voiceUsable usable voice-capable ports left
     * @param faxMargin fax margin (negative: shortfall)
     * @param voiceMargin voice margin
     * @param worstBlocking highest blocking of any loss pool, null when none
     * @param worstMeanWaitSeconds highest mean wait of any queued pool, null when none or unbounded
     * @param gradeOfService the worst pool's grade of service, in words
     *     <p>Thread-safety: immutable.
     */
    public record WhatIfRow(
            String context,
            String system,
            String failure,
            String grade,
            int faxUsable,
            int voiceUsable,
            int faxMargin,
            int voiceMargin,
            Double worstBlocking,
            Double worstMeanWaitSeconds,
            String gradeOfService) {}

    /**
     * One step of a takeover plan.
     *
     * @param takeover e.g. {@code "stroom-b takes over stroom-a"}
     * @param step 1-based step number within the takeover
     * @param action MOVE, ROLLOVER, MISSING or NONE
     * @param what the circuit moved, or the DID range rolled over with its pool (empty for MISSING and NONE)
     * @param from where from: the span location of a moved circuit, the circuit that delivered rolled numbers
     * @param to where to: a free position, or the circuit (and its location) that will deliver the numbers
     * @param detail the step in words
     *     <p>Thread-safety: immutable.
     */
    public record PlanRow(
            String takeover, int step, String action, String what, String from, String to, String detail) {}

    /**
     * A signed takeover proof and its verification.
     *
     * @param failed the failed system
     * @param survivor the system taking over
     * @param cause why the takeover was considered
     * @param createdAt ISO-8601 instant of the proof
     * @param grade PASS, DEGRADED or FAIL
     * @param algorithm signature algorithm (Ed25519)
     * @param keyId short id of the signing key
     * @param publicKey the signer's public key, base64 of its X.509 encoding
     * @param signature base64 signature over the canonical JSON
     * @param canonicalJsonSha256 hex SHA-256 of the canonical JSON's UTF-8 bytes
     * @param canonicalJsonBytes size of the canonical JSON in bytes
     * @param verified whether the signature verifies with the public key
     * @param tamperedCopyRejected whether a copy with one changed byte fails verification (as it must)
     * @param text the proof in words
     * @param envelope the stored form: canonical JSON with the signature
     *     <p>Thread-safety: immutable.
     */
    public record ProofRow(
            String failed,
            String survivor,
            String cause,
            String createdAt,
            String grade,
            String algorithm,
            String keyId,
            String publicKey,
            String signature,
            String canonicalJsonSha256,
            int canonicalJsonBytes,
            boolean verified,
            boolean tamperedCopyRejected,
            String text,
            String envelope) {}
}
