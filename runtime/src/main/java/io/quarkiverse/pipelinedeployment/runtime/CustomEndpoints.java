package io.quarkiverse.pipelinedeployment.runtime;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.pipelinedeployment.AppRunner;
import io.quarkus.arc.Arc;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Builds the handler of a custom endpoint at startup, from its form:
 * <ol>
 * <li>a direct method ({@code Class#method}, static or of a bean), bound like a pipeline's parameters;</li>
 * <li>a builder class, built once with {@code (AppRunner, Map<String, String>)}, {@code (AppRunner)} or no
 * arguments: a {@code Handler<RoutingContext>}, or an object whose {@code handle(...)} method is bound;</li>
 * <li>a builder method ({@code Class#method} whose first parameter is an {@code AppRunner}, optionally followed by
 * the init-args map), called once, returning one of the above;</li>
 * <li>native: a Vert.x {@code Handler<RoutingContext>} used as it is.</li>
 * </ol>
 */
final class CustomEndpoints {

    private CustomEndpoints() {
    }

    @SuppressWarnings("unchecked")
    static Handler<RoutingContext> handler(String reference, boolean nativeForm, boolean bodyMethod,
            List<String> pathParameters, Map<String, String> initArgs, ObjectMapper mapper, long maxBodySize) {
        AppRunner runner = Arc.container().instance(AppRunner.class).get();
        try {
            int hash = reference.indexOf('#');
            Class<?> clazz = Class.forName(hash < 0 ? reference : reference.substring(0, hash), true,
                    Thread.currentThread().getContextClassLoader());
            Object built;
            if (hash < 0) {
                built = nativeForm ? clazz.getConstructor().newInstance() : construct(clazz, runner, initArgs);
            } else {
                Method method = method(clazz, reference.substring(hash + 1));
                Object target = Modifier.isStatic(method.getModifiers()) ? null
                        : Arc.container().instance(clazz).get();
                Class<?>[] types = method.getParameterTypes();
                if (types.length == 0 || !AppRunner.class.isAssignableFrom(types[0])) {
                    // 1. A direct method
                    return new MethodEndpointHandler(target, method, bodyMethod, pathParameters, mapper, maxBodySize);
                }
                // 3. A builder method
                method.setAccessible(true);
                built = types.length == 1 ? method.invoke(target, runner)
                        : method.invoke(target, runner, Map.copyOf(initArgs));
            }
            if (built instanceof Handler<?> handler) {
                return (Handler<RoutingContext>) handler;
            }
            return new MethodEndpointHandler(built, method(built.getClass(), "handle"), bodyMethod, pathParameters,
                    mapper, maxBodySize);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("Custom endpoint " + reference + " failed to build: " + e.getCause(),
                    e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot build custom endpoint " + reference + ": " + e, e);
        }
    }

    private static Object construct(Class<?> clazz, AppRunner runner, Map<String, String> initArgs)
            throws ReflectiveOperationException {
        for (Constructor<?> c : clazz.getConstructors()) {
            Class<?>[] types = c.getParameterTypes();
            if (types.length == 2 && AppRunner.class.isAssignableFrom(types[0]) && types[1] == Map.class) {
                return c.newInstance(runner, Map.copyOf(initArgs));
            }
        }
        for (Constructor<?> c : clazz.getConstructors()) {
            Class<?>[] types = c.getParameterTypes();
            if (types.length == 1 && AppRunner.class.isAssignableFrom(types[0])) {
                return c.newInstance(runner);
            }
        }
        return clazz.getConstructor().newInstance();
    }

    private static Method method(Class<?> clazz, String name) throws NoSuchMethodException {
        for (Class<?> c = clazz; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (m.getName().equals(name) && !m.isSynthetic() && !m.isBridge()) {
                    return m;
                }
            }
        }
        throw new NoSuchMethodException(clazz.getName() + "#" + name);
    }
}
