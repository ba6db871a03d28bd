package io.quarkiverse.pipelinedeployment.runtime;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkiverse.pipelinedeployment.AppRunner;
import io.quarkus.arc.Arc;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * A startup or shutdown hook ({@code com.acme.Hooks#method}), run once: its parameters are bound by name from the
 * configured arguments, converted to their types with the application's config converters; a parameter of type
 * {@link AppRunner} receives the runner. Hooks are static methods or methods of CDI beans. Resolved with reflection
 * once, at startup; never on a request.
 */
public final class Hook {

    private final String property;
    private final Method method;
    private final Object[] arguments;

    /**
     * @param property the hook's property, for error messages ({@code quarkus.pipeline.startup-hook})
     * @param argsProperty the arguments' property ({@code quarkus.pipeline.startup-hook-args})
     * @throws ConfigurationException for an argument that matches no parameter, or a value that does not convert
     */
    Hook(String property, String argsProperty, String reference, Map<String, String> args, AppRunner runner) {
        this.property = property;
        int hash = reference.indexOf('#');
        String className = reference.substring(0, hash);
        String methodName = reference.substring(hash + 1);
        try {
            Class<?> clazz = Class.forName(className, true, Thread.currentThread().getContextClassLoader());
            Method found = null;
            for (Method m : clazz.getDeclaredMethods()) {
                if (m.getName().equals(methodName) && !m.isSynthetic()) {
                    found = m;
                }
            }
            if (found == null) {
                throw new ConfigurationException(property + "=" + reference + ": no method " + methodName,
                        Set.of(property));
            }
            found.setAccessible(true);
            this.method = found;
        } catch (ClassNotFoundException e) {
            throw new ConfigurationException(property + "=" + reference + ": no class " + className, Set.of(property));
        }
        Parameter[] parameters = method.getParameters();
        this.arguments = new Object[parameters.length];
        Map<String, String> byName = new java.util.HashMap<>();
        for (Map.Entry<String, String> e : args.entrySet()) {
            byName.put(normalize(e.getKey()), e.getValue());
        }
        Set<String> unused = new java.util.HashSet<>(byName.keySet());
        for (int i = 0; i < parameters.length; i++) {
            Parameter parameter = parameters[i];
            if (AppRunner.class.isAssignableFrom(parameter.getType())) {
                arguments[i] = runner;
                continue;
            }
            String raw = byName.get(normalize(parameter.getName()));
            unused.remove(normalize(parameter.getName()));
            if (raw == null) {
                arguments[i] = parameter.getType().isPrimitive() ? defaultPrimitive(parameter.getType()) : null;
                continue;
            }
            try {
                arguments[i] = convert(raw, parameter.getType());
            } catch (RuntimeException e) {
                throw new ConfigurationException(argsProperty + ".\"" + parameter.getName() + "\"=" + raw
                        + " does not convert to " + parameter.getType().getSimpleName() + ": " + e.getMessage(),
                        Set.of(argsProperty));
            }
        }
        if (!unused.isEmpty()) {
            throw new ConfigurationException(argsProperty + " names " + unused + ", which " + reference
                    + " has no parameter for", Set.of(argsProperty));
        }
    }

    /**
     * Argument names match parameter names ignoring case, {@code _} and {@code -}: {@code drain_timeout_s} binds to
     * {@code drainTimeoutS}.
     */
    public static String normalize(String name) {
        return name.replace("_", "").replace("-", "").replace("\"", "").toLowerCase(java.util.Locale.ROOT);
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

    /**
     * Runs the hook; its exception propagates (a failing startup hook stops the application from starting).
     */
    void run() {
        Object target = Modifier.isStatic(method.getModifiers()) ? null
                : Arc.container().instance(method.getDeclaringClass()).get();
        try {
            method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(property + " failed: " + cause, cause);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(property + " is not accessible: " + e.getMessage(), e);
        }
    }
}
