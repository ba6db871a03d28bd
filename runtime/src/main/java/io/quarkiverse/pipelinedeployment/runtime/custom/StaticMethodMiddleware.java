package io.quarkiverse.pipelinedeployment.runtime.custom;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Custom middleware given as {@code Class#method}: a static method {@code (RoutingContext, Map<String, String>)}
 * that calls {@code ctx.next()} to continue. Resolved once at startup into a method handle bound to its init-args.
 */
final class StaticMethodMiddleware implements Handler<RoutingContext> {

    private final MethodHandle method;

    StaticMethodMiddleware(CodeReference reference, Map<String, String> initArgs) {
        try {
            Method m = reference.load().getDeclaredMethod(reference.methodName(), RoutingContext.class, Map.class);
            if (!Modifier.isStatic(m.getModifiers())) {
                throw new IllegalStateException(reference + " must be static");
            }
            m.setAccessible(true);
            this.method = MethodHandles.insertArguments(MethodHandles.lookup().unreflect(m), 1, Map.copyOf(initArgs));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot use middleware " + reference + ": " + e, e);
        }
    }

    @Override
    public void handle(RoutingContext ctx) {
        try {
            method.invoke(ctx);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            ctx.fail(t);
        }
    }
}
