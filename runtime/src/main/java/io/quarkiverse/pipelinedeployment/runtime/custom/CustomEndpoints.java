package io.quarkiverse.pipelinedeployment.runtime.custom;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.pipelinedeployment.AppRunner;
import io.quarkiverse.pipelinedeployment.runtime.engine.NamedArguments;
import io.quarkiverse.pipelinedeployment.runtime.http.RequestBodies;
import io.quarkus.arc.Arc;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Builds the handler of a custom endpoint at startup, from its form decided at build time:
 * <ol>
 * <li>a direct method ({@code Class#method}, static or of a bean), bound like a pipeline's parameters;</li>
 * <li>a builder class, built once with {@code (AppRunner, Map<String, String>)}, {@code (AppRunner)} or no
 * arguments: a {@code Handler<RoutingContext>}, or an object whose {@code handle(...)} method is bound;</li>
 * <li>a builder method ({@code Class#method} whose first parameter is an {@code AppRunner}, followed by the
 * init-args map or by parameters the init-args bind to by name), called once, returning one of the above;</li>
 * <li>native: a Vert.x {@code Handler<RoutingContext>} used as it is, or a {@code Consumer<Router>} installing its
 * own routes. (A native JAX-RS resource is served by Quarkus REST, not from here.)</li>
 * </ol>
 */
public final class CustomEndpoints {

    private CustomEndpoints() {
    }

    @SuppressWarnings("unchecked")
    public static Handler<RoutingContext> handler(String source, CodeReference reference, EndpointForm form,
            boolean bodyMethod,
            List<String> pathParameters, Map<String, String> initArgs, ObjectMapper mapper, RequestBodies.Limit limit,
            Duration timeout) {
        AppRunner runner = Arc.container().instance(AppRunner.class).get();
        try {
            Class<?> clazz = reference.load();
            Object built = switch (form) {
                case NATIVE_HANDLER -> clazz.getConstructor().newInstance();
                case BUILDER_CLASS -> construct(clazz, runner, initArgs);
                case DIRECT_METHOD, BUILDER_METHOD -> {
                    Method method = method(clazz, reference.methodName());
                    Object target = Modifier.isStatic(method.getModifiers()) ? null
                            : Arc.container().instance(clazz).get();
                    if (form == EndpointForm.DIRECT_METHOD) {
                        yield new MethodEndpointHandler(target, method, bodyMethod, pathParameters, mapper, limit,
                                timeout);
                    }
                    method.setAccessible(true);
                    yield method.invoke(target, builderArguments(source, reference, method, runner, initArgs));
                }
                default -> throw new IllegalArgumentException(form + " has no handler of its own");
            };
            if (built instanceof Handler<?> handler) {
                // It reads the body itself: a Content-Length over the limit is refused ahead of it
                return bodyMethod ? RequestBodies.guarded(limit, (Handler<RoutingContext>) handler)
                        : (Handler<RoutingContext>) handler;
            }
            if (built == null) {
                throw new IllegalStateException("Custom endpoint " + reference + " built null (" + source + ")");
            }
            return new MethodEndpointHandler(built, method(built.getClass(), "handle"), bodyMethod, pathParameters,
                    mapper, limit, timeout);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("Custom endpoint " + reference + " failed to build: " + e.getCause(),
                    e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot build custom endpoint " + reference + ": " + e, e);
        }
    }

    /**
     * A builder method's arguments: {@code (AppRunner)}, {@code (AppRunner, Map<String, String>)} receiving the
     * init-args, or the init-args bound by name to the parameters after the runner.
     */
    private static Object[] builderArguments(String source, CodeReference reference, Method method, AppRunner runner,
            Map<String, String> initArgs) {
        Class<?>[] types = method.getParameterTypes();
        if (types.length == 2 && types[1] == Map.class) {
            return new Object[] { runner, Map.copyOf(initArgs) };
        }
        return NamedArguments.bind(method, initArgs, runner, source + ".init-args", reference.toString());
    }

    /** A custom middleware given as a static {@code Class#method}, with its init args. */
    public static Handler<RoutingContext> middleware(CodeReference reference, Map<String, String> initArgs) {
        return new StaticMethodMiddleware(reference, initArgs);
    }

    /**
     * Mounts a native {@code Consumer<Router>} endpoint: the consumer installs its routes on a router of its own,
     * mounted at {@code mountPath} ahead of the built-in endpoints. Requests it does not route go on to the
     * application's other routes.
     */
    @SuppressWarnings("unchecked")
    public static void mountRouter(CodeReference reference, Router router, String mountPath, int order) {
        Router sub = Router.router(Arc.container().instance(Vertx.class).get());
        try {
            Class<?> clazz = reference.load();
            ((Consumer<Router>) clazz.getConstructor().newInstance()).accept(sub);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("Custom endpoint " + reference + " failed to install its routes: "
                    + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot build custom endpoint " + reference + ": " + e, e);
        }
        router.route(mountPath + "/*").order(order).subRouter(sub);
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
