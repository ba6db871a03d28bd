package io.quarkiverse.pipelinedeployment.runtime.engine;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.NullNode;

import io.quarkiverse.pipelinedeployment.ValidationError;

/**
 * Binds one JSON value to one argument, for the pipeline's parameters ({@link ParameterBinder}) and for the methods
 * behind custom endpoints alike, and says what is wrong with a value in the seed framework's 422 terms: a missing
 * value is {@code missing} ({@code "Field required"}), a value of the wrong type is {@code type_error}. Prepared once
 * at startup; binding does no reflection.
 */
public final class JsonArgument {

    /** The message of a wrong-typed value when the argument's type is not described ({@code expected} is null). */
    static final String ANY_TYPE = "a valid value of the parameter's type";

    private final String name;
    private final List<Object> loc;
    private final ObjectReader reader;
    private final JsonNode defaultValue;
    private final boolean required;
    private final boolean nullable;
    private final boolean nullIsMissing;
    private final String expected;

    /**
     * @param loc where the value is, for the 422 ({@code ["body", "parameters", "x"]}, {@code ["query", "x"]})
     * @param defaultValue the value of an absent argument, or {@code null}
     * @param required whether an absent argument (with no default) is {@code missing}; else it is bound from
     *        {@code null}
     * @param nullable whether {@code null} is a value; if not, {@code null} is {@code missing} when
     *        {@code nullIsMissing}, a {@code type_error} otherwise
     * @param expected how a valid value is described ({@code "a valid integer"}), also for the values nested in it;
     *        {@code null} for {@value #ANY_TYPE}
     */
    public JsonArgument(List<Object> loc, ObjectReader reader, JsonNode defaultValue, boolean required, boolean nullable,
            boolean nullIsMissing, String expected) {
        this.loc = List.copyOf(loc);
        this.name = String.valueOf(loc.get(loc.size() - 1));
        this.reader = reader;
        this.defaultValue = defaultValue;
        this.required = required;
        this.nullable = nullable;
        this.nullIsMissing = nullIsMissing;
        this.expected = expected;
    }

    /** The argument's name: the last element of its location. */
    public String name() {
        return name;
    }

    /** The JSON an argument given as {@code given} ({@code null} when absent) is bound from. */
    public JsonNode effective(JsonNode given) {
        return given != null ? given : defaultValue != null ? defaultValue : NullNode.getInstance();
    }

    /**
     * The argument bound from {@code given}.
     *
     * @param given the value, or {@code null} when absent
     * @param container what held it, the input of a {@code missing} error (or {@code null})
     * @throws Invalid with the problem of the value
     */
    public Object bind(JsonNode given, JsonNode container) {
        if (given == null && defaultValue == null && required) {
            throw new Invalid(new ValidationError(ValidationError.MISSING, loc, "Field required", container));
        }
        if (given != null && given.isNull() && !nullable) {
            throw new Invalid(nullIsMissing
                    ? new ValidationError(ValidationError.MISSING, loc, "Field required", null)
                    : new ValidationError(ValidationError.TYPE_ERROR, loc, "Input should be " + expected, given));
        }
        JsonNode node = effective(given);
        try {
            return reader.readValue(node);
        } catch (IOException | IllegalArgumentException e) {
            throw new Invalid(typeError(node, e));
        }
    }

    private ValidationError typeError(JsonNode node, Exception e) {
        if (expected == null) {
            return new ValidationError(ValidationError.TYPE_ERROR, loc, "Input should be " + ANY_TYPE, node);
        }
        List<Object> where = new ArrayList<>(loc);
        JsonNode input = node;
        String msg = "Input should be " + expected;
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            for (JsonMappingException.Reference ref : mapping.getPath()) {
                Object step = ref.getFieldName() != null ? ref.getFieldName() : Integer.valueOf(ref.getIndex());
                where.add(step);
                if (input != null) {
                    input = step instanceof String s ? input.get(s) : input.get((Integer) step);
                }
            }
            if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
                msg = "Input should be " + describe(mismatch.getTargetType());
            }
        }
        return new ValidationError(ValidationError.TYPE_ERROR, where, msg, input);
    }

    /**
     * What a valid value of a Java type looks like, in the seed framework's words.
     */
    public static String describe(Class<?> type) {
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

    /** A value that does not bind; thrown on the error path only, without a stack trace. */
    public static final class Invalid extends RuntimeException {
        private final transient ValidationError error;

        Invalid(ValidationError error) {
            super(error.msg(), null, false, false);
            this.error = error;
        }

        public ValidationError error() {
            return error;
        }
    }
}
