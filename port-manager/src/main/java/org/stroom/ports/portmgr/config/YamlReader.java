package org.stroom.ports.portmgr.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;

/**
 * Reads YAML text into {@link YamlNode}s with positions, using Jackson's YAML parser.
 *
 * <p>Thread-safety: stateless.
 */
public final class YamlReader {
    private static final YAMLFactory FACTORY = YAMLFactory.builder().build();

    private YamlReader() {}

    /**
     * @param file name used in errors
     * @param text the YAML
     * @return the root node
     * @throws DescriptionException (exit code 2: unusable input) on a syntax error, with its line and column
     */
    public static YamlNode read(String file, String text) {
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new DescriptionException(
                        new Problem(file, 1, 1, "", "syntax", "the file is empty", "describe at least one system"));
            }
            return node(p, t);
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            // SnakeYAML's message: what it was parsing, then what it expected, with indented context lines
            String msg = e.getOriginalMessage()
                    .lines()
                    .filter(line -> !line.isBlank() && !Character.isWhitespace(line.charAt(0)))
                    .collect(java.util.stream.Collectors.joining("; "));
            throw new DescriptionException(new Problem(
                    file,
                    l == null ? 1 : l.getLineNr(),
                    l == null ? 1 : l.getColumnNr(),
                    "",
                    "syntax",
                    "YAML syntax error: " + msg,
                    "fix the YAML at that position (indentation, a missing ':' or an unclosed bracket)"));
        } catch (IOException e) {
            throw new DescriptionException(
                    new Problem(file, 1, 1, "", "io", "cannot read: " + e.getMessage(), "check the file"));
        }
    }

    private static YamlNode node(JsonParser p, JsonToken t) throws IOException {
        JsonLocation l = p.currentTokenLocation();
        int line = l.getLineNr();
        int col = l.getColumnNr();
        switch (t) {
            case START_OBJECT -> {
                YamlNode m = YamlNode.map(line, col);
                while ((t = p.nextToken()) != JsonToken.END_OBJECT) {
                    JsonLocation kl = p.currentTokenLocation();
                    String key = p.currentName();
                    YamlNode v = node(p, p.nextToken());
                    m.put(key, kl.getLineNr(), kl.getColumnNr(), v);
                }
                return m;
            }
            case START_ARRAY -> {
                YamlNode a = YamlNode.list(line, col);
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    a.add(node(p, t));
                }
                return a;
            }
            case VALUE_NULL -> {
                return YamlNode.nullNode(line, col);
            }
            default -> {
                return YamlNode.scalar(line, col, p.getText());
            }
        }
    }
}
