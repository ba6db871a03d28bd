package io.quarkiverse.pipelinedeployment.runtime.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.type.TypeFactory;

import io.quarkiverse.pipelinedeployment.InvalidParametersException;
import io.quarkiverse.pipelinedeployment.ValidationError;

/**
 * Binds a request's {@code parameters} object to the pipeline method's arguments with the application's Jackson
 * {@code ObjectMapper}, and reports every problem at once in the seed framework's 422 shape.
 * <p>
 * Readers and defaults are prepared once at startup; binding does no reflection.
 */
public final class ParameterBinder {

    private final JsonArgument[] arguments;
    private final Set<String> names;

    public ParameterBinder(List<ParameterDefinition> definitions, ObjectMapper applicationMapper) {
        ObjectMapper mapper = strictCopy(applicationMapper);
        TypeFactory types = mapper.getTypeFactory().withClassLoader(Thread.currentThread().getContextClassLoader());
        this.arguments = new JsonArgument[definitions.size()];
        this.names = new HashSet<>();
        for (int i = 0; i < arguments.length; i++) {
            ParameterDefinition p = definitions.get(i);
            ObjectReader reader = mapper.readerFor(types.constructFromCanonical(p.getJavaType()));
            names.add(p.getName());
            JsonNode defaultValue = null;
            if (p.getDefaultJson() != null) {
                try {
                    defaultValue = mapper.readTree(p.getDefaultJson());
                    reader.readValue(defaultValue);
                } catch (Exception e) {
                    throw new IllegalStateException("The default value " + p.getDefaultJson() + " of pipeline parameter '"
                            + p.getName() + "' (@PipelineParam(defaultValue)) does not bind to " + p.getJavaType() + ": "
                            + e.getMessage(), e);
                }
            }
            arguments[i] = new JsonArgument(List.of("body", "parameters", p.getName()), reader, defaultValue,
                    p.isRequired(), p.isNullable(), false, p.getExpected());
        }
    }

    /**
     * A copy of the application's mapper that keeps its modules and settings but rejects what the seed framework's
     * validation rejects: fractional numbers for integers, numbers or booleans for strings, numbers for booleans and
     * enums, {@code null} for primitives.
     */
    static ObjectMapper strictCopy(ObjectMapper applicationMapper) {
        ObjectMapper mapper = applicationMapper.copy();
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        return mapper;
    }

    /**
     * The arguments of one call, and the parameters used (defaults filled in, in declaration order).
     */
    public record Bound(Object[] arguments, ObjectNode used) {
    }

    /**
     * @throws InvalidParametersException listing every missing, unknown or wrong-typed parameter
     */
    public Bound bind(ObjectNode given) {
        List<ValidationError> errors = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = given.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!names.contains(field.getKey())) {
                errors = add(errors, new ValidationError(ValidationError.EXTRA_FORBIDDEN,
                        List.of("body", "parameters", field.getKey()), "Extra inputs are not permitted",
                        field.getValue()));
            }
        }
        Object[] values = new Object[arguments.length];
        ObjectNode used = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < arguments.length; i++) {
            JsonArgument argument = arguments[i];
            JsonNode node = given.get(argument.name());
            try {
                values[i] = argument.bind(node, given);
                used.set(argument.name(), argument.effective(node));
            } catch (JsonArgument.Invalid e) {
                errors = add(errors, e.error());
            }
        }
        if (errors != null) {
            throw new InvalidParametersException(errors);
        }
        return new Bound(values, used);
    }

    private static List<ValidationError> add(List<ValidationError> errors, ValidationError error) {
        if (errors == null) {
            errors = new ArrayList<>(2);
        }
        errors.add(error);
        return errors;
    }
}
