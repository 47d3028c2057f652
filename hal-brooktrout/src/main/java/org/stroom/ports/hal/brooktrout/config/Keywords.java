package org.stroom.ports.hal.brooktrout.config;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The keyword table of both configuration files: which keyword is valid where and what values it takes.
 * Keyword names are vendor-documented (facts §17) unless marked modelled in {@link #MODELLED}; value
 * ranges not given by the documentation are modelled too.
 */
final class Keywords {
    private Keywords() {}

    /** Where a keyword may appear. */
    enum Context {
        BTCALL,
        T38,
        SIP,
        PORT,
        T1_ISDN,
        T1_RBS,
        ANALOG,
        BRI
    }

    /** A value check: empty if the value is acceptable, else what is expected. */
    interface Rule {
        Optional<String> check(String value);
    }

    record Spec(String name, Rule rule, Set<Context> contexts) {}

    /** Protocol values of a port section (modelled) and the port kind each selects. */
    static final Map<String, Context> PROTOCOLS = protocols();

    static final List<String> LINE_BUILD_OUTS =
            List.of("0_133", "133_266", "266_399", "399_533", "533_655", "7_5_DB", "15_DB", "22_5_DB");

    private static final Map<String, Spec> SPECS = new LinkedHashMap<>();

    static {
        Set<Context> btcall = EnumSet.of(Context.BTCALL);
        add("country_code", pattern("\\d{4}", "a 4-digit country code such as 0810"), btcall);
        add("dtmf_thresh", range(0, 63, "0.5 dB units above -28 dB"), btcall);
        add("ecm_enable", range(0, 2, "0 off, 1 256-byte frames, 2 64-byte frames"), btcall);
        add("eff_pt_caps", hex(), btcall);
        add("error_enable", range(0, 1, "0 or 1"), btcall);
        add("t4_timer_mode", range(0, 2, "0, 1 or 2"), btcall);
        add("t4_recv_timer", range(3000, 15000, "milliseconds"), btcall);
        add("t4_xmit_timer", range(3000, 15000, "milliseconds"), btcall);
        add("debug_output", choice("disabled", "stdout"), btcall);

        Set<Context> t38 = EnumSet.of(Context.T38);
        add("t38_max_bit_rate", choice("2400", "4800", "7200", "9600", "12000", "14400"), t38);
        add("t38_fax_fill_bit_removal", text(), t38);
        add("t38_fax_transcoding_MMR", text(), t38);
        add("t38_fax_transcoding_JBIG", text(), t38);
        add("t38_fax_rate_management", choice("transferredTCF", "localTCF"), t38);
        add("t38_fax_udp_EC", choice("t38UDPRedundancy", "t38UDPFEC"), t38);
        add("t38_UDPTL_redundancy_depth_image", range(0, 10, "packets"), t38);
        add("t38_UDPTL_redundancy_depth_control", range(0, 10, "packets"), t38);
        add("t38_t30_fast_notify", text(), t38);
        add("sip_From", text(), EnumSet.of(Context.SIP));

        Set<Context> port = EnumSet.of(Context.PORT);
        add("protocol", choice(PROTOCOLS.keySet().toArray(new String[0])), port);
        add("line_type", choice("D4", "ESF", "E1", "E1_CRC4"), port);
        add("line_coding", choice("AMI", "B8ZS", "HDB3"), port);
        add("channels", range(1, 30, "bearer channels on the interface"), port);
        add("circuit_id", text(), port);
        add("clock_priority", range(0, 8, "0 = never a clock source"), port);

        Set<Context> t1 = EnumSet.of(Context.T1_ISDN, Context.T1_RBS);
        add("did_offset", range(0, 63, "digits"), EnumSet.of(Context.T1_ISDN, Context.T1_RBS, Context.ANALOG));
        add("did_timeout", range(0, 20, "seconds"), EnumSet.of(Context.T1_ISDN, Context.T1_RBS, Context.ANALOG));
        add("line_build_out", choice(LINE_BUILD_OUTS.toArray(new String[0])), t1);
        add("disable_conn_ack", text(), EnumSet.of(Context.T1_ISDN));
        add("emulation", choice("CO", "CPE"), EnumSet.of(Context.T1_ISDN));
        add("switch_type", choice("NI2", "4ESS", "5ESS", "DMS100"), EnumSet.of(Context.T1_ISDN));
        add("wait_for_conn_ack", text(), EnumSet.of(Context.T1_ISDN));
        add("flash_hook_duration", range(1, 1000, "10 ms units"), EnumSet.of(Context.T1_RBS));

        Set<Context> analog = EnumSet.of(Context.ANALOG);
        add("protocol_file", text(), analog);
        add("country", text(), analog);
        add("num_rings", range(1, 255, "rings"), analog);
        add("caller_id", text(), analog);
        add("max_did_digits", range(0, 4, "digits"), analog);
        add("input_gain", range(-6, 6, "dB"), analog);
        add("output_gain", range(-6, 6, "dB"), analog);
        add("loop_reversal_for_connect", choice("ENABLED", "DISABLED"), analog);
        add("loop_reversal_for_disconnect", choice("ENABLED", "DISABLED"), analog);
        add("missing_wait", range(0, 1000, "10 ms units"), analog);
        add("transfer_variant", choice("NONE", "HOOKFLASH"), analog);

        Set<Context> bri = EnumSet.of(Context.BRI);
        add("call_type", choice("AUTO", "MODEM", "SPEECH"), bri);
        add("datalink", choice("point-to-point", "point-to-multipoint"), bri);
    }

    private static void add(String name, Rule rule, Set<Context> contexts) {
        SPECS.put(name.toLowerCase(Locale.ROOT), new Spec(name, rule, contexts));
    }

    private static Map<String, Context> protocols() {
        Map<String, Context> m = new LinkedHashMap<>();
        m.put("isdn", Context.T1_ISDN);
        m.put("rbs_wink_start", Context.T1_RBS);
        m.put("rbs_immediate", Context.T1_RBS);
        m.put("rbs_loop_start", Context.T1_RBS);
        m.put("rbs_ground_start", Context.T1_RBS);
        m.put("analog_loopstart", Context.ANALOG);
        m.put("bri", Context.BRI);
        return Collections.unmodifiableMap(m);
    }

    static Optional<Spec> spec(String keyword) {
        return Optional.ofNullable(SPECS.get(keyword.toLowerCase(Locale.ROOT)));
    }

    /** @return names valid in any of the contexts */
    static List<String> namesIn(Collection<Context> contexts) {
        return SPECS.values().stream()
                .filter(s -> s.contexts().stream().anyMatch(contexts::contains))
                .map(Spec::name)
                .collect(Collectors.toList());
    }

    /** @return the closest name within a small edit distance, if any */
    static Optional<String> suggest(String word, Collection<String> candidates) {
        String w = word.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(w, c.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return bestDistance <= Math.max(2, w.length() / 4) ? Optional.ofNullable(best) : Optional.empty();
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    static Rule range(int min, int max, String unit) {
        return v -> {
            try {
                int n = Integer.parseInt(v);
                return n >= min && n <= max
                        ? Optional.empty()
                        : Optional.of("is out of range " + min + ".." + max + " (" + unit + ")");
            } catch (NumberFormatException e) {
                return Optional.of("is not a whole number; expected " + min + ".." + max + " (" + unit + ")");
            }
        };
    }

    static Rule choice(String... values) {
        return v -> Arrays.stream(values).anyMatch(c -> c.equalsIgnoreCase(v))
                ? Optional.empty()
                : Optional.of("is not one of " + String.join(", ", values)
                        + suggest(v, Arrays.asList(values))
                                .map(s -> " — did you mean '" + s + "'?")
                                .orElse(""));
    }

    static Rule hex() {
        return v -> v.matches("(0[xX])?[0-9a-fA-F]{1,8}")
                ? Optional.empty()
                : Optional.of("is not a hexadecimal value such as 0x0 or 1F");
    }

    static Rule pattern(String regex, String description) {
        return v -> v.matches(regex) ? Optional.empty() : Optional.of("is not " + description);
    }

    static Rule text() {
        return v -> Optional.empty();
    }
}
