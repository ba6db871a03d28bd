package io.quarkiverse.pipelinedeployment.runtime.engine;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
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

    private final ParameterDefinition[] parameters;
    private final ObjectReader[] readers;
    private final JsonNode[] defaults;
    private final Set<String> names;

    public ParameterBinder(List<ParameterDefinition> definitions, ObjectMapper applicationMapper) {
        ObjectMapper mapper = strictCopy(applicationMapper);
        TypeFactory types = mapper.getTypeFactory().withClassLoader(Thread.currentThread().getContextClassLoader());
        int n = definitions.size();
        this.parameters = definitions.toArray(new ParameterDefinition[0]);
        this.readers = new ObjectReader[n];
        this.defaults = new JsonNode[n];
        this.names = new HashSet<>();
        for (int i = 0; i < n; i++) {
            ParameterDefinition p = parameters[i];
            JavaType type = types.constructFromCanonical(p.getJavaType());
            readers[i] = mapper.readerFor(type);
            names.add(p.getName());
            if (p.getDefaultJson() != null) {
                try {
                    defaults[i] = mapper.readTree(p.getDefaultJson());
                    readers[i].readValue(defaults[i]);
                } catch (Exception e) {
                    throw new IllegalStateException("The default value " + p.getDefaultJson() + " of pipeline parameter '"
                            + p.getName() + "' (@PipelineParam(defaultValue)) does not bind to " + p.getJavaType() + ": "
                            + e.getMessage(), e);
                }
            }
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
        Object[] arguments = new Object[parameters.length];
        ObjectNode used = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < parameters.length; i++) {
            ParameterDefinition p = parameters[i];
            JsonNode node = given.get(p.getName());
            if (node == null) {
                if (defaults[i] != null) {
                    node = defaults[i];
                } else if (p.isRequired()) {
                    errors = add(errors, new ValidationError(ValidationError.MISSING,
                            List.of("body", "parameters", p.getName()), "Field required", given));
                    continue;
                } else {
                    node = NullNode.getInstance();
                }
            } else if (node.isNull() && !p.isNullable()) {
                errors = add(errors, new ValidationError(ValidationError.TYPE_ERROR,
                        List.of("body", "parameters", p.getName()), "Input should be " + p.getExpected(), node));
                continue;
            }
            try {
                arguments[i] = readers[i].readValue(node);
                used.set(p.getName(), node);
            } catch (IOException | IllegalArgumentException e) {
                errors = add(errors, typeError(p, node, e));
            }
        }
        if (errors != null) {
            throw new InvalidParametersException(errors);
        }
        return new Bound(arguments, used);
    }

    private static List<ValidationError> add(List<ValidationError> errors, ValidationError error) {
        if (errors == null) {
            errors = new ArrayList<>(2);
        }
        errors.add(error);
        return errors;
    }

    private static ValidationError typeError(ParameterDefinition p, JsonNode node, Exception e) {
        List<Object> loc = new ArrayList<>(List.of("body", "parameters", p.getName()));
        JsonNode input = node;
        String msg = "Input should be " + p.getExpected();
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            for (JsonMappingException.Reference ref : mapping.getPath()) {
                Object step = ref.getFieldName() != null ? ref.getFieldName() : Integer.valueOf(ref.getIndex());
                loc.add(step);
                if (input != null) {
                    input = step instanceof String s ? input.get(s) : input.get((Integer) step);
                }
            }
            if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
                msg = "Input should be " + describe(mismatch.getTargetType());
            }
        }
        return new ValidationError(ValidationError.TYPE_ERROR, loc, msg, input);
    }

    /**
     * What a valid value of a Java type looks like, in the seed framework's words.
     */
    static String describe(Class<?> type) {
        if (type == String.class || type == char.class || type == Character.class
                || CharSequence.class.isAssignableFrom(type)) {
            return "a valid string";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "a valid boolean";
        }
        if (type == int.class || type == long.class || type == short.class || type == byte.class
                || type == Integer.class || type == Long.class || type == Short.class || type == Byte.class
                || type == java.math.BigInteger.class) {
            return "a valid integer";
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return "a valid number";
        }
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < constants.length; i++) {
                if (i > 0) {
                    sb.append(i == constants.length - 1 ? " or " : ", ");
                }
                sb.append('\'').append(((Enum<?>) constants[i]).name()).append('\'');
            }
            return sb.toString();
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a valid list";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "a valid dictionary";
        }
        return "a valid object (" + type.getSimpleName() + ")";
    }
}
