package org.stroom.ports.hal.api;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * No backend qualified. The message lists every backend tried and why it was not chosen.
 *
 * <p>Thread-safety: immutable.
 */
public class NoBackendException extends HalException {
    private static final long serialVersionUID = 1L;

    private final transient Map<String, String> reasons;

    /**
     * @param what what was asked for, e.g. {@code "a real backend"}
     * @param reasons backend id → why it was not chosen, in the order tried
     */
    public NoBackendException(String what, Map<String, String> reasons) {
        super("no hardware backend available for " + what + "; tried: "
                + (reasons.isEmpty()
                        ? "none (no BackendProvider on the class path: add hal-softport, hal-dialogic or hal-brooktrout)"
                        : reasons.entrySet().stream()
                                .map(e -> e.getKey() + " (" + e.getValue() + ")")
                                .collect(Collectors.joining("; "))));
        this.reasons = Map.copyOf(reasons);
    }

    /** @return backend id → reason, for every backend tried */
    public Map<String, String> reasons() {
        return reasons;
    }

    /** @return ids of the backends tried */
    public List<String> tried() {
        return List.copyOf(reasons.keySet());
    }
}
