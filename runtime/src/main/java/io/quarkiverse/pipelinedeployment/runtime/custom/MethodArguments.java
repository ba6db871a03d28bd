package io.quarkiverse.pipelinedeployment.runtime.custom;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;

import io.quarkiverse.pipelinedeployment.InvalidParametersException;
import io.quarkiverse.pipelinedeployment.ValidationError;
import io.quarkiverse.pipelinedeployment.runtime.engine.JsonArgument;
import io.quarkiverse.pipelinedeployment.runtime.http.RequestBodies;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

/**
 * The arguments of a method behind a custom endpoint: each parameter bound by name from the JSON body (POST, PUT,
 * PATCH) or the query string (GET, DELETE), from the path parameter of its name, or to the request for a
 * {@code RoutingContext} parameter; each JSON value bound by a {@link JsonArgument}, as the pipeline's parameters are.
 * Prepared once at startup. The first problem found is answered.
 */
final class MethodArguments {

    private enum Source {
        BODY,
        QUERY,
        PATH,
        CONTEXT
    }

    /** Where an argument comes from, and how its JSON binds ({@code null} for the {@code RoutingContext}). */
    private record Binding(String name, Source source, JsonArgument argument) {
    }

    private final Binding[] bindings;
    private final boolean readsBody;
    private final ObjectReader jsonReader;

    MethodArguments(Method method, boolean bodyMethod, List<String> pathParameters, ObjectMapper mapper) {
        Parameter[] parameters = method.getParameters();
        Type[] types = method.getGenericParameterTypes();
        this.bindings = new Binding[parameters.length];
        boolean body = false;
        for (int i = 0; i < parameters.length; i++) {
            String name = parameters[i].getName();
            Class<?> raw = parameters[i].getType();
            Source source = RoutingContext.class.isAssignableFrom(raw) ? Source.CONTEXT
                    : pathParameters.contains(name) ? Source.PATH
                            : bodyMethod ? Source.BODY : Source.QUERY;
            body |= source == Source.BODY;
            boolean optional = raw == Optional.class;
            JsonArgument argument = source == Source.CONTEXT ? null
                    : new JsonArgument(List.of(source.name().toLowerCase(Locale.ROOT), name),
                            mapper.readerFor(mapper.getTypeFactory().constructType(types[i])), null, !optional,
                            optional || !raw.isPrimitive(), true, null);
            bindings[i] = new Binding(name, source, argument);
        }
        this.readsBody = body;
        this.jsonReader = mapper.reader();
    }

    /** Whether an argument comes from the body (else the body is not read). */
    boolean readsBody() {
        return readsBody;
    }

    /**
     * The arguments of one call.
     *
     * @throws InvalidParametersException with the first problem: a body that is not a JSON object, a missing or
     *         wrong-typed argument
     */
    Object[] bind(RoutingContext ctx, Buffer body) {
        List<ValidationError> errors = new ArrayList<>(0);
        JsonNode json = NullNode.getInstance();
        if (readsBody) {
            try {
                json = body == null || body.length() == 0 ? JsonNodeFactory.instance.objectNode()
                        : RequestBodies.readTree(jsonReader, body);
            } catch (Exception e) {
                errors.add(new ValidationError(ValidationError.JSON_INVALID, List.of("body"), "JSON decode error",
                        Map.of()));
            }
            if (errors.isEmpty() && !json.isObject()) {
                errors.add(new ValidationError(ValidationError.TYPE_ERROR, List.of("body"),
                        "Input should be a valid dictionary", json));
            }
        }
        Object[] arguments = new Object[bindings.length];
        for (int i = 0; errors.isEmpty() && i < bindings.length; i++) {
            Binding b = bindings[i];
            if (b.source() == Source.CONTEXT) {
                arguments[i] = ctx;
                continue;
            }
            JsonNode value = switch (b.source()) {
                case BODY -> json.get(b.name());
                case PATH -> text(ctx.pathParam(b.name()));
                default -> query(ctx, b.name());
            };
            try {
                arguments[i] = b.argument().bind(value, null);
            } catch (JsonArgument.Invalid e) {
                errors.add(e.error());
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidParametersException(errors);
        }
        return arguments;
    }

    private static JsonNode text(String value) {
        return value == null ? null : JsonNodeFactory.instance.textNode(value);
    }

    private static JsonNode query(RoutingContext ctx, String name) {
        List<String> values = ctx.queryParam(name);
        if (values.isEmpty()) {
            return null;
        }
        if (values.size() == 1) {
            return JsonNodeFactory.instance.textNode(values.get(0));
        }
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        values.forEach(array::add);
        return array;
    }
}
