package org.stroom.ports.portmgr.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The JSON Schema in docs/ accepts every example and catches shape errors editors should flag. */
class SchemaTest {
    static Schema schema() throws Exception {
        String json = Files.readString(Path.of("..", "docs", "system-description.schema.json"));
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(json, InputFormat.JSON);
    }

    static java.util.stream.Stream<Path> examples() throws Exception {
        return DescriptionReaderTest.examples();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void schemaAcceptsEveryExample(Path example) throws Exception {
        JsonNode node = new YAMLMapper().readTree(Files.readString(example));
        assertThat(schema().validate(node)).isEmpty();
    }

    @Test
    void schemaFlagsUnknownFieldsAndBadEnums() throws Exception {
        JsonNode node = new YAMLMapper()
                .readTree(Files.readString(
                        Path.of("src", "test", "resources", "config", "broken", "unknown-field.yaml")));
        List<com.networknt.schema.Error> errors = schema().validate(node);
        assertThat(errors).anySatisfy(e -> assertThat(e.toString()).contains("framng"));
        JsonNode bad = new YAMLMapper()
                .readTree(Files.readString(Path.of("src", "test", "resources", "config", "broken", "bad-values.yaml")));
        assertThat(schema().validate(bad))
                .anySatisfy(e -> assertThat(e.toString()).contains("signalling"));
    }
}
