package io.quarkiverse.pipelinedeployment.runtime.custom;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.Set;

import io.quarkiverse.pipelinedeployment.AppRunner;
import io.quarkiverse.pipelinedeployment.runtime.engine.NamedArguments;
import io.quarkus.arc.Arc;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * A startup or shutdown hook ({@code com.acme.Hooks#method}), run once: its parameters are bound by name from the
 * configured arguments, converted to their types with the application's config converters; a parameter of type
 * {@link AppRunner} receives the runner. Hooks are static methods or methods of CDI beans. Resolved with reflection
 * once, at startup; never on a request.
 */
final class Hook {

    private final String property;
    private final Method method;
    private final Object[] arguments;

    /**
     * @param property the hook's property, for error messages ({@code quarkus.pipeline.startup-hook})
     * @param argsProperty the arguments' property ({@code quarkus.pipeline.startup-hook-args})
     * @throws ConfigurationException for an argument that matches no parameter, or a value that does not convert
     */
    Hook(String property, String argsProperty, CodeReference reference, Map<String, String> args,
            AppRunner runner) {
        this.property = property;
        String className = reference.className();
        String methodName = reference.methodName();
        try {
            Class<?> clazz = reference.load();
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
        this.arguments = NamedArguments.bind(method, args, runner, argsProperty, reference.toString());
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
