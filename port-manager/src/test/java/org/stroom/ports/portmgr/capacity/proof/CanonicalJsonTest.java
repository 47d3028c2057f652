package org.stroom.ports.portmgr.capacity.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {
    @Test
    void sortsKeysAndWritesNoWhitespace() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("b", 1);
        m.put("a", Arrays.asList(true, null, "x"));
        m.put("B", Map.of());

        assertThat(CanonicalJson.write(m)).isEqualTo("{\"B\":{},\"a\":[true,null,\"x\"],\"b\":1}");
    }

    @Test
    void escapesOnlyQuotesBackslashesAndControlCharacters() {
        assertThat(CanonicalJson.write("a\"b\\c\n\t\u0001é€")).isEqualTo("\"a\\\"b\\\\c\\n\\t\\u0001é€\"");
    }

    @Test
    void writesDoublesWithOneFixedRule() {
        assertThat(CanonicalJson.number(92.0)).isEqualTo("92");
        assertThat(CanonicalJson.number(0.1)).isEqualTo("0.1");
        assertThat(CanonicalJson.number(1.0 / 3)).isEqualTo("0.333333333");
        assertThat(CanonicalJson.number(0.006621873456)).isEqualTo("0.00662187346");
        assertThat(CanonicalJson.number(-0.0)).isEqualTo("0");
        assertThat(CanonicalJson.number(1.5e-9)).isEqualTo("1.5e-9");
        assertThat(CanonicalJson.number(2.0e20)).isEqualTo("2e+20");
        assertThat(CanonicalJson.number(-123456789012.0)).isEqualTo("-123456789000");
        assertThat(CanonicalJson.number(1e-6)).isEqualTo("0.000001");
    }

    @Test
    void rejectsValuesThatAreNotJson() {
        assertThatThrownBy(() -> CanonicalJson.write(Map.of("x", List.of(Double.NaN))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("$.x[0]")
                .hasMessageContaining("NaN");
        assertThatThrownBy(() -> CanonicalJson.write(new Object()))
                .hasMessageContaining("cannot write a java.lang.Object");
        assertThatThrownBy(() -> CanonicalJson.write(Map.of(1, 2))).hasMessageContaining("not a String");
    }

    @Property(tries = 300)
    void canonicalDoublesParseBackWithinNineSignificantDigits(@ForAll double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return;
        }
        double back = Double.parseDouble(CanonicalJson.number(d));
        assertThat(Math.abs(back - d)).isLessThanOrEqualTo(Math.abs(d) * 5e-9);
    }

    @Property(tries = 200)
    void insertionOrderDoesNotChangeTheText(
            @ForAll @net.jqwik.api.constraints.Size(max = 20)
                    List<@net.jqwik.api.constraints.AlphaChars @net.jqwik.api.constraints.StringLength(max = 8) String>
                            keys) {
        Map<String, Object> forward = new LinkedHashMap<>();
        Map<String, Object> backward = new LinkedHashMap<>();
        keys.forEach(k -> forward.put(k, k.length()));
        for (int i = keys.size() - 1; i >= 0; i--) {
            backward.put(keys.get(i), keys.get(i).length());
        }
        assertThat(CanonicalJson.write(forward)).isEqualTo(CanonicalJson.write(backward));
    }
}
