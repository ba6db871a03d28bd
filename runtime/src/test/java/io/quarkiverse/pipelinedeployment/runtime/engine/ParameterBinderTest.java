package io.quarkiverse.pipelinedeployment.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkiverse.pipelinedeployment.InvalidParametersException;
import io.quarkiverse.pipelinedeployment.ValidationError;

class ParameterBinderTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ParameterBinder binder = new ParameterBinder(List.of(
            new ParameterDefinition("count", "int", true, false, null, "a valid integer"),
            new ParameterDefinition("name", "java.lang.String", false, true, "\"anonymous\"", "a valid string"),
            new ParameterDefinition("scores", "java.util.List<java.lang.Integer>", false, true, null, "a valid list")),
            MAPPER);

    private static ObjectNode json(String text) throws Exception {
        return (ObjectNode) MAPPER.readTree(text);
    }

    private List<ValidationError> errors(String parameters) throws Exception {
        ObjectNode given = json(parameters);
        return catchThrowableOfType(InvalidParametersException.class, () -> binder.bind(given)).errors();
    }

    @Test
    void bindsTypesAndFillsInDefaults() throws Exception {
        ParameterBinder.Bound bound = binder.bind(json("{\"count\": 3, \"scores\": [1, 2]}"));

        assertThat(bound.arguments()).containsExactly(3, "anonymous", List.of(1, 2));
        assertThat(bound.used().toString()).isEqualTo("{\"count\":3,\"name\":\"anonymous\",\"scores\":[1,2]}");
    }

    @Test
    void anAbsentOptionalParameterIsNull() throws Exception {
        ParameterBinder.Bound bound = binder.bind(json("{\"count\": 1}"));

        assertThat(bound.arguments()[2]).isNull();
        assertThat(bound.used().get("scores").isNull()).isTrue();
    }

    @Test
    void aMissingRequiredParameterIsMissingWithTheParametersAsInput() throws Exception {
        List<ValidationError> errors = errors("{\"name\": \"x\"}");

        assertThat(errors).hasSize(1);
        ValidationError error = errors.get(0);
        assertThat(error.type()).isEqualTo(ValidationError.MISSING);
        assertThat(error.loc()).containsExactly("body", "parameters", "count");
        assertThat(error.msg()).isEqualTo("Field required");
        assertThat(error.input()).hasToString("{\"name\":\"x\"}");
    }

    @Test
    void everyProblemIsReportedAtOnceExtraFieldsFirst() throws Exception {
        List<ValidationError> errors = errors("{\"count\": \"three\", \"colour\": \"red\"}");

        assertThat(errors).extracting(ValidationError::type)
                .containsExactly(ValidationError.EXTRA_FORBIDDEN, ValidationError.TYPE_ERROR);
        assertThat(errors.get(0).loc()).containsExactly("body", "parameters", "colour");
        assertThat(errors.get(0).msg()).isEqualTo("Extra inputs are not permitted");
        assertThat(errors.get(1).loc()).containsExactly("body", "parameters", "count");
        assertThat(errors.get(1).msg()).isEqualTo("Input should be a valid integer");
    }

    @Test
    void fractionalNumbersAreNotIntegers() throws Exception {
        assertThat(errors("{\"count\": 1.5}").get(0).msg()).isEqualTo("Input should be a valid integer");
    }

    @Test
    void nullForANonNullableParameterIsATypeError() throws Exception {
        ValidationError error = errors("{\"count\": null}").get(0);

        assertThat(error.type()).isEqualTo(ValidationError.TYPE_ERROR);
        assertThat(error.msg()).isEqualTo("Input should be a valid integer");
    }

    @Test
    void aWrongNestedValueIsLocatedDownToItsIndex() throws Exception {
        ValidationError error = errors("{\"count\": 1, \"scores\": [1, \"two\"]}").get(0);

        assertThat(error.loc()).containsExactly("body", "parameters", "scores", 1);
        assertThat(error.msg()).isEqualTo("Input should be a valid integer");
        assertThat(error.input()).hasToString("\"two\"");
    }

    @Test
    void aDefaultThatDoesNotBindFailsAtStartup() {
        assertThatThrownBy(() -> new ParameterBinder(
                List.of(new ParameterDefinition("n", "int", false, false, "\"x\"", "a valid integer")), MAPPER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("The default value \"x\" of pipeline parameter 'n'");
    }
}
