package org.stroom.ports.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Renders {@link ReportData} as JSON: the records' component names are the property names, lists are arrays,
 * absent numbers are {@code null}. The HTML's {@code data-key} attributes are JSON Pointers (RFC 6901) into this
 * document, e.g. {@code /groups/0/busyHourErlangs}.
 *
 * <p>Thread-safety: safe from any thread (the mapper is configured once and then only used).
 */
public final class JsonReport {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {}

    /**
     * @param data the report
     * @return pretty-printed JSON, UTF-8 safe, ending with a newline
     */
    public static String render(ReportData data) {
        try {
            return MAPPER.writeValueAsString(data) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JsonReport: cannot render the report data: " + e.getMessage(), e);
        }
    }
}
