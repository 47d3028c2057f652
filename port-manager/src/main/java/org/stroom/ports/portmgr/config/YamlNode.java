package org.stroom.ports.portmgr.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML node that remembers where it was in the file, so every problem found later can name the
 * line and column.
 *
 * <p>Thread-safety: effectively immutable once read.
 */
public final class YamlNode {
    /** Node kinds. */
    public enum Kind {
        /** A mapping. */
        MAP,
        /** A sequence. */
        LIST,
        /** A scalar (text, number or boolean as written). */
        SCALAR,
        /** An explicit null or empty value. */
        NULL
    }

    private final Kind kind;
    private final int line;
    private final int column;
    private final String text;
    private final Map<String, YamlNode> fields;
    private final Map<String, int[]> keyPositions;
    private final List<YamlNode> items;

    private YamlNode(Kind kind, int line, int column, String text) {
        this.kind = kind;
        this.line = line;
        this.column = column;
        this.text = text;
        this.fields = kind == Kind.MAP ? new LinkedHashMap<>() : Map.of();
        this.keyPositions = kind == Kind.MAP ? new LinkedHashMap<>() : Map.of();
        this.items = kind == Kind.LIST ? new ArrayList<>() : List.of();
    }

    static YamlNode map(int line, int column) {
        return new YamlNode(Kind.MAP, line, column, null);
    }

    static YamlNode list(int line, int column) {
        return new YamlNode(Kind.LIST, line, column, null);
    }

    static YamlNode scalar(int line, int column, String text) {
        return new YamlNode(Kind.SCALAR, line, column, text);
    }

    static YamlNode nullNode(int line, int column) {
        return new YamlNode(Kind.NULL, line, column, null);
    }

    void put(String key, int keyLine, int keyColumn, YamlNode value) {
        fields.put(key, value);
        keyPositions.put(key, new int[] {keyLine, keyColumn});
    }

    void add(YamlNode item) {
        items.add(item);
    }

    /** @return the kind */
    public Kind kind() {
        return kind;
    }

    /** @return 1-based line of the node's first character */
    public int line() {
        return line;
    }

    /** @return 1-based column of the node's first character */
    public int column() {
        return column;
    }

    /** @return the scalar text, or null for non-scalars */
    public String text() {
        return text;
    }

    /** @return the mapping's fields in file order (empty for non-maps) */
    public Map<String, YamlNode> fields() {
        return Collections.unmodifiableMap(fields);
    }

    /** @return line and column of {@code key} in this mapping, or this node's position */
    public int[] keyPosition(String key) {
        int[] p = keyPositions.get(key);
        return p != null ? p : new int[] {line, column};
    }

    /** @return the sequence's items (empty for non-lists) */
    public List<YamlNode> items() {
        return Collections.unmodifiableList(items);
    }

    /** @return a short description of the kind for messages: "a mapping", "a list", "'text'" */
    public String describe() {
        return switch (kind) {
            case MAP -> "a mapping";
            case LIST -> "a list";
            case SCALAR -> "'" + text + "'";
            case NULL -> "nothing";
        };
    }
}
