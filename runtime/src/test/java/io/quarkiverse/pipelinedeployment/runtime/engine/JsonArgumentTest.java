package io.quarkiverse.pipelinedeployment.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;

import io.quarkiverse.pipelinedeployment.ValidationError;

/** The rules of a custom endpoint's method arguments: the first-problem, type-agnostic flavour of the binder. */
class JsonArgumentTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static JsonArgument queryInt(Class<?> type) {
        return new JsonArgument(List.of("query", "n"), MAPPER.readerFor(type), null, type != Optional.class,
                !type.isPrimitive(), true, null);
    }

    private static ValidationError problem(JsonArgument argument, Object value) {
        return catchThrowableOfType(JsonArgument.Invalid.class,
                () -> argument.bind(value == null ? null : MAPPER.valueToTree(value), null)).error();
    }

    @Test
    void bindsAValue() {
        assertThat(queryInt(int.class).bind(NODES.numberNode(7), null)).isEqualTo(7);
        assertThat(queryInt(Integer.class).bind(NODES.textNode("7"), null)).isEqualTo(7);
    }

    @Test
    void anAbsentValueIsMissingWithNoInput() {
        ValidationError error = problem(queryInt(Integer.class), null);

        assertThat(error).isEqualTo(new ValidationError(ValidationError.MISSING, List.of("query", "n"),
                "Field required", null));
    }

    @Test
    void nullForAPrimitiveIsMissing() {
        assertThat(problem(queryInt(int.class), NullNode.getInstance()).type()).isEqualTo(ValidationError.MISSING);
        assertThat(queryInt(Integer.class).bind(NullNode.getInstance(), null)).isNull();
    }

    @Test
    void aWrongValueIsATypeErrorInGeneralTerms() {
        ValidationError error = problem(queryInt(int.class), Map.of("a", 1));

        assertThat(error.type()).isEqualTo(ValidationError.TYPE_ERROR);
        assertThat(error.loc()).containsExactly("query", "n");
        assertThat(error.msg()).isEqualTo("Input should be a valid value of the parameter's type");
        assertThat(error.input()).hasToString("{\"a\":1}");
    }

    @Test
    void describesJavaTypesInTheSeedFrameworksWords() {
        assertThat(JsonArgument.describe(String.class)).isEqualTo("a valid string");
        assertThat(JsonArgument.describe(long.class)).isEqualTo("a valid integer");
        assertThat(JsonArgument.describe(Double.class)).isEqualTo("a valid number");
        assertThat(JsonArgument.describe(Boolean.class)).isEqualTo("a valid boolean");
        assertThat(JsonArgument.describe(Outcome.class)).isEqualTo("'LOW', 'MID' or 'HIGH'");
        assertThat(JsonArgument.describe(List.class)).isEqualTo("a valid list");
        assertThat(JsonArgument.describe(Map.class)).isEqualTo("a valid dictionary");
        assertThat(JsonArgument.describe(JsonArgumentTest.class)).isEqualTo("a valid object (JsonArgumentTest)");
    }

    enum Outcome {
        LOW,
        MID,
        HIGH
    }
}
