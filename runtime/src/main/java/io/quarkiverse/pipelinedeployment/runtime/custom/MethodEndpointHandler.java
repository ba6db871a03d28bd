package io.quarkiverse.pipelinedeployment.runtime.custom;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

import io.quarkiverse.pipelinedeployment.InvalidParametersException;
import io.quarkiverse.pipelinedeployment.runtime.engine.Problem;
import io.quarkiverse.pipelinedeployment.runtime.http.JsonResponses;
import io.quarkiverse.pipelinedeployment.runtime.http.RequestBodies;
import io.vertx.core.AsyncResult;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

/**
 * A custom endpoint backed by a Java method: binds its parameters by name from the JSON body (POST, PUT, PATCH) or
 * the query string (GET, DELETE), path parameters by name, a {@code RoutingContext} parameter to the request; runs it
 * on a worker thread (it may block); writes its return value as JSON ({@code 204} for {@code void}). The body is read
 * on the event loop up to the body limit; parsing, binding and serializing happen on the worker thread. Binding
 * problems answer 422 in the seed framework's shape. A call that outlives {@code quarkus.pipeline.invoke-timeout}
 * (counted from the request's arrival) is answered 504, its thread is interrupted once, and its late result is
 * dropped. The method and readers are resolved once at startup.
 */
final class MethodEndpointHandler implements Handler<RoutingContext> {

    private static final Logger LOG = Logger.getLogger(MethodEndpointHandler.class);

    private final String description;
    private final MethodHandle target;
    private final MethodArguments arguments;
    private final boolean returnsVoid;
    private final ObjectWriter writer;
    private final RequestBodies.Limit limit;
    private final long timeoutNanos;
    private final Buffer timedOut;

    MethodEndpointHandler(Object instance, Method method, boolean bodyMethod, List<String> pathParameters,
            ObjectMapper mapper, RequestBodies.Limit limit, Duration timeout) {
        this.description = method.getDeclaringClass().getName() + "#" + method.getName();
        try {
            method.setAccessible(true);
            MethodHandle handle = MethodHandles.lookup().unreflect(method);
            if (!Modifier.isStatic(method.getModifiers())) {
                handle = handle.bindTo(instance);
            }
            this.target = handle.asSpreader(Object[].class, method.getParameterCount());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot call " + description + ": " + e.getMessage(), e);
        }
        this.arguments = new MethodArguments(method, bodyMethod, pathParameters, mapper);
        this.returnsVoid = method.getReturnType() == void.class;
        this.writer = mapper.writer();
        this.limit = limit;
        this.timeoutNanos = timeout.toNanos();
        this.timedOut = JsonResponses.detailBody("The endpoint did not answer within " + timeout.toMillis() / 1000.0
                + " seconds");
    }

    @Override
    public void handle(RoutingContext ctx) {
        Call call = new Call(ctx, System.nanoTime());
        if (!arguments.readsBody()) {
            call.accept(null);
            return;
        }
        RequestBodies.read(ctx, limit, call);
    }

    /**
     * One call of the method: run on a worker thread, raced against its time limit on the request's context. The
     * first of the two answers; the other is dropped.
     */
    private final class Call implements Consumer<Buffer>, Callable<Answer>, Handler<AsyncResult<Answer>> {
        private final RoutingContext ctx;
        private final long receivedAt;
        private Buffer body;
        /** Whether the request was answered (by the method or by the time limit); guarded by {@code this}. */
        private boolean answered;
        private long timerId = -1;
        /** The thread running the method while it runs; guarded by {@code this}. */
        private Thread runner;
        /** Whether the call ran, or must not run any more; guarded by {@code this}. */
        private boolean over;

        Call(RoutingContext ctx, long receivedAt) {
            this.ctx = ctx;
            this.receivedAt = receivedAt;
        }

        /** The body is read: arms the time limit and hands the call to a worker thread. */
        @Override
        public void accept(Buffer body) {
            this.body = body;
            long remainingMillis = Math.max(1, (timeoutNanos - (System.nanoTime() - receivedAt)) / 1_000_000);
            Vertx vertx = ctx.vertx();
            timerId = vertx.setTimer(remainingMillis, new Handler<Long>() {
                @Override
                public void handle(Long id) {
                    timeout();
                }
            });
            vertx.executeBlocking(this, false).onComplete(this);
        }

        /** On a worker thread. */
        @Override
        public Answer call() throws Exception {
            synchronized (this) {
                if (over) {
                    return null; // timed out before a worker thread took it
                }
                runner = Thread.currentThread();
            }
            try {
                return invoke(ctx, body);
            } catch (Exception | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            } finally {
                synchronized (this) {
                    runner = null;
                    over = true;
                    // An interrupt meant for this call must not reach the next task of the pooled thread
                    Thread.interrupted();
                }
            }
        }

        /** The time is up, on the request's context. */
        private void timeout() {
            synchronized (this) {
                if (answered) {
                    return;
                }
                answered = true;
                over = true;
                if (runner != null) {
                    runner.interrupt();
                }
            }
            LOG.warnf("Custom endpoint %s did not answer within quarkus.pipeline.invoke-timeout (%d ms); answered 504",
                    description, timeoutNanos / 1_000_000);
            JsonResponses.send(ctx, 504, timedOut);
        }

        /** The method returned or threw, on the request's context. */
        @Override
        public void handle(AsyncResult<Answer> ar) {
            synchronized (this) {
                if (answered) {
                    return; // answered 504 already: the late result is dropped
                }
                answered = true;
            }
            ctx.vertx().cancelTimer(timerId);
            if (ar.failed()) {
                LOG.errorf(ar.cause(), "Custom endpoint %s failed", description);
                JsonResponses.detail(ctx, 500, Problem.INTERNAL_ERROR);
                return;
            }
            Answer answer = ar.result();
            if (answer.status() == 422) {
                JsonResponses.send(ctx, 422, answer.body());
            } else if (ctx.response().ended() || ctx.response().closed()) {
                return; // the method answered through the RoutingContext, or the client left
            } else if (returnsVoid) {
                ctx.response().setStatusCode(204).end();
            } else {
                JsonResponses.send(ctx, 200, answer.body());
            }
        }
    }

    /** What an invocation produced: 422 with the validation errors, or 200 with the JSON result. */
    private record Answer(int status, Buffer body) {
    }

    private Answer invoke(RoutingContext ctx, Buffer body) throws Throwable {
        Object[] bound;
        try {
            bound = arguments.bind(ctx, body);
        } catch (InvalidParametersException e) {
            return new Answer(422, Buffer.buffer(writer.writeValueAsBytes(Problem.of(e).body())));
        }
        Object result = target.invoke(bound);
        return new Answer(200, returnsVoid ? null : Buffer.buffer(writer.writeValueAsBytes(result)));
    }
}
