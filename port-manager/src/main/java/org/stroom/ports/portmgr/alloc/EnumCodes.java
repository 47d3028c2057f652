package org.stroom.ports.portmgr.alloc;

import java.util.Arrays;

/**
 * Fixed one-byte wire codes of an enum's constants, by name, so that reordering an enum (possibly in
 * another module) cannot silently change the meaning of stored bytes: a renamed constant fails at class
 * initialisation, a new constant without a code fails at encode time with a clear message.
 *
 * @param <E> the enum
 */
final class EnumCodes<E extends Enum<E>> {
    private final String type;
    private final E[] byCode;
    private final int[] codeByOrdinal;

    /**
     * @param all the enum's {@code values()}
     * @param names constant names in code order: the first has code 0; append only
     * @throws IllegalArgumentException when a name is not a constant (a constant was renamed)
     */
    EnumCodes(E[] all, String... names) {
        this.type = all[0].getDeclaringClass().getSimpleName();
        this.byCode = Arrays.copyOf(all, names.length);
        this.codeByOrdinal = new int[all.length];
        Arrays.fill(codeByOrdinal, -1);
        for (int i = 0; i < names.length; i++) {
            E found = null;
            for (E e : all) {
                if (e.name().equals(names[i])) {
                    found = e;
                }
            }
            if (found == null) {
                throw new IllegalArgumentException(
                        type + " has no constant " + names[i] + "; keep the wire code table in step with the enum");
            }
            byCode[i] = found;
            codeByOrdinal[found.ordinal()] = i;
        }
    }

    int code(E value) {
        int c = codeByOrdinal[value.ordinal()];
        if (c < 0) {
            throw new IllegalArgumentException(
                    type + "." + value.name() + " has no wire code; append it to the codec's EnumCodes table");
        }
        return c;
    }

    E decode(int code, String field) {
        if (code < 0 || code >= byCode.length) {
            throw new IllegalArgumentException(
                    field + ": " + type + " code " + code + " is outside 0.." + (byCode.length - 1));
        }
        return byCode[code];
    }

    /** @return whether every constant of the enum has a code */
    boolean complete() {
        return Arrays.stream(codeByOrdinal).allMatch(c -> c >= 0);
    }
}
