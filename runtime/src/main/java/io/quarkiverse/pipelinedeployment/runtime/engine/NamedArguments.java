package io.quarkiverse.pipelinedeployment.runtime.engine;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkiverse.pipelinedeployment.AppRunner;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * Binds configured arguments ({@code startup-hook-args}, a builder method's {@code init-args}) to a method's parameters
 * by name, converting each value to its parameter's type with the application's config converters. A parameter of
 * type {@link AppRunner} receives the runner. Runs once, at startup; never on a request.
 */
public final class NamedArguments {

    private NamedArguments() {
    }

    /**
     * Argument names match parameter names ignoring case, {@code _} and {@code -}: {@code drain_timeout_s} binds to
     * {@code drainTimeoutS}.
     */
    public static String normalize(String name) {
        return name.replace("_", "").replace("-", "").replace("\"", "").toLowerCase(Locale.ROOT);
    }

    /**
     * The arguments to call {@code method} with. A parameter with no argument gets {@code null}, an empty
     * {@code Optional}, or a primitive's zero.
     *
     * @param argsProperty the arguments' property, for messages ({@code quarkus.pipeline.startup-hook-args})
     * @param reference the method's reference, for messages ({@code com.acme.Hooks#warmUp})
     * @throws ConfigurationException naming {@code argsProperty} for an argument that matches no parameter, or a value
     *         that does not convert to its parameter's type
     */
    public static Object[] bind(Method method, Map<String, String> args, AppRunner runner, String argsProperty,
            String reference) {
        Parameter[] parameters = method.getParameters();
        Object[] arguments = new Object[parameters.length];
        Map<String, String> byName = new HashMap<>();
        for (Map.Entry<String, String> e : args.entrySet()) {
            byName.put(normalize(e.getKey()), e.getValue());
        }
        Set<String> unused = new HashSet<>(byName.keySet());
        for (int i = 0; i < parameters.length; i++) {
            Parameter parameter = parameters[i];
            if (AppRunner.class.isAssignableFrom(parameter.getType())) {
                arguments[i] = runner;
                continue;
            }
            String name = normalize(parameter.getName());
            String raw = byName.get(name);
            unused.remove(name);
            boolean optional = parameter.getType() == Optional.class;
            if (raw == null) {
                arguments[i] = optional ? Optional.empty()
                        : parameter.getType().isPrimitive() ? defaultPrimitive(parameter.getType()) : null;
                continue;
            }
            Class<?> type = optional ? optionalType(parameter) : parameter.getType();
            try {
                Object value = convert(raw, type);
                arguments[i] = optional ? Optional.of(value) : value;
            } catch (RuntimeException e) {
                throw new ConfigurationException(argsProperty + ".\"" + parameter.getName() + "\"=" + raw
                        + " does not convert to " + type.getSimpleName() + ": " + e.getMessage(),
                        Set.of(argsProperty));
            }
        }
        if (!unused.isEmpty()) {
            throw new ConfigurationException(argsProperty + " names " + unused + ", which " + reference
                    + " has no parameter for", Set.of(argsProperty));
        }
        return arguments;
    }

    private static Class<?> optionalType(Parameter parameter) {
        if (parameter.getParameterizedType() instanceof java.lang.reflect.ParameterizedType p
                && p.getActualTypeArguments()[0] instanceof Class<?> c) {
            return c;
        }
        return String.class;
    }

    @SuppressWarnings("unchecked")
    private static Object convert(String raw, Class<?> type) {
        Class<?> boxed = type.isPrimitive() ? box(type) : type;
        if (boxed == String.class) {
            return raw;
        }
        return ConfigProvider.getConfig().getConverter((Class<Object>) boxed)
                .orElseThrow(() -> new IllegalArgumentException("no converter for " + boxed.getName()))
                .convert(raw);
    }

    private static Class<?> box(Class<?> primitive) {
        return switch (primitive.getName()) {
            case "int" -> Integer.class;
            case "long" -> Long.class;
            case "double" -> Double.class;
            case "float" -> Float.class;
            case "boolean" -> Boolean.class;
            case "short" -> Short.class;
            case "byte" -> Byte.class;
            case "char" -> Character.class;
            default -> primitive;
        };
    }

    private static Object defaultPrimitive(Class<?> type) {
        return switch (type.getName()) {
            case "boolean" -> false;
            case "char" -> '\0';
            case "long" -> 0L;
            case "double" -> 0d;
            case "float" -> 0f;
            case "short" -> (short) 0;
            case "byte" -> (byte) 0;
            default -> 0;
        };
    }
}
