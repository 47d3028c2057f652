package org.stroom.ports.hal.brooktrout.config;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a call-control section header addresses. Only {@code [host_module.N/t38parameters]} is
 * documented; {@code [module.N/port.M]} (a T1/E1 interface M of board module N) and {@code
 * [host_module.N/sip]} are modelled (facts §17, A).
 *
 * @param type the kind of section
 * @param module module number N (≥ 1)
 * @param port interface number M for {@link Type#PORT} (1..{@value #MAX_PORTS}), 0 otherwise
 *     <p>Thread-safety: immutable.
 */
public record SectionName(Type type, int module, int port) {

    /** Most T1/E1 interfaces on one TR1034 module. */
    public static final int MAX_PORTS = 4;

    private static final Pattern PORT = Pattern.compile("module\\.(\\d{1,3})/port\\.(\\d{1,3})");
    private static final Pattern T38 = Pattern.compile("host_module\\.(\\d{1,3})/t38parameters");
    private static final Pattern SIP = Pattern.compile("host_module\\.(\\d{1,3})/sip");

    /** Section kinds. Thread-safety: immutable. */
    public enum Type {
        /** {@code [module.N/port.M]}: one network interface of a board (modelled name). */
        PORT,
        /** {@code [host_module.N/t38parameters]}: T.38 settings of the SR140 host module (documented). */
        T38,
        /** {@code [host_module.N/sip]}: SIP settings of the host module (modelled name). */
        SIP
    }

    /**
     * @param name header text without brackets
     * @return the parsed name, or empty if it has none of the known forms
     */
    public static Optional<SectionName> parse(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        Matcher m = PORT.matcher(n);
        if (m.matches()) {
            return Optional.of(new SectionName(Type.PORT, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
        }
        m = T38.matcher(n);
        if (m.matches()) {
            return Optional.of(new SectionName(Type.T38, Integer.parseInt(m.group(1)), 0));
        }
        m = SIP.matcher(n);
        if (m.matches()) {
            return Optional.of(new SectionName(Type.SIP, Integer.parseInt(m.group(1)), 0));
        }
        return Optional.empty();
    }

    /** @return the canonical header text without brackets */
    public String text() {
        switch (type) {
            case PORT:
                return "module." + module + "/port." + port;
            case T38:
                return "host_module." + module + "/t38parameters";
            default:
                return "host_module." + module + "/sip";
        }
    }
}
