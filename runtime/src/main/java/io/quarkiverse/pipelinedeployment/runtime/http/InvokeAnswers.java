package io.quarkiverse.pipelinedeployment.runtime.http;

import java.util.concurrent.Callable;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectWriter;

import io.quarkiverse.pipelinedeployment.InvocationResponse;
import io.quarkiverse.pipelinedeployment.runtime.engine.Problem;
import io.quarkiverse.pipelinedeployment.runtime.engine.Run;
import io.quarkiverse.pipelinedeployment.runtime.runs.Runs;
import io.smallrye.mutiny.subscription.UniSubscriber;
import io.smallrye.mutiny.subscription.UniSubscription;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Writes the answers of {@code POST <invoke>}: the envelope of a run (200, or 504 for a run that timed out), or the
 * {@link Problem} a failure stands for.
 */
final class InvokeAnswers {

    private static final Logger LOG = Logger.getLogger(InvokeAnswers.class);

    static final Buffer INTERNAL_ERROR = JsonResponses.detailBody(Problem.INTERNAL_ERROR);
    private static final Buffer OUTPUTS_NOT_WRITABLE = JsonResponses.detailBody(
            "Failed to write the pipeline's outputs as JSON");

    private final ObjectWriter writer;
    /** Writes large answers: the executor that parsed their large bodies. */
    private final WorkerExecutor largeBodies;

    InvokeAnswers(ObjectWriter writer, WorkerExecutor largeBodies) {
        this.writer = writer;
        this.largeBodies = largeBodies;
    }

    /** The answer a problem stands for; an unexpected failure is logged and answered 500 without its details. */
    Answer answer(Problem problem) {
        switch (problem.status()) {
            case 422:
                try {
                    return new Answer(422, Buffer.buffer(writer.writeValueAsBytes(problem.body())), null);
                } catch (Exception e) {
                    LOG.errorf(e, "Failed to write a 422 answer as JSON");
                    return new Answer(500, INTERNAL_ERROR, null);
                }
            case 503:
                return new Answer(503, JsonResponses.detailBody((String) problem.detail()),
                        Integer.toString(problem.retryAfterSeconds()));
            default:
                if (problem.internal()) {
                    LOG.errorf(problem.cause(), "The deployment service failed to invoke the pipeline");
                }
                return new Answer(problem.status(), problem.internal() ? INTERNAL_ERROR
                        : JsonResponses.detailBody(String.valueOf(problem.detail())), null);
        }
    }

    /** Answers with the envelope of a run that ended before (an idempotent replay). */
    void replay(RoutingContext ctx, Run run) {
        InvocationResponse response = run.response();
        if (response == null) {
            JsonResponses.send(ctx, Problem.status(run.status()), Buffer.buffer(run.envelopeJson()));
            return;
        }
        Buffer body = serialize(response);
        if (body == null) {
            JsonResponses.send(ctx, 500, OUTPUTS_NOT_WRITABLE);
        } else {
            JsonResponses.send(ctx, Problem.status(response), body);
        }
    }

    /** Answers a request once the run's {@code Uni} ends; see {@link Responder}. */
    UniSubscriber<InvocationResponse> responder(RoutingContext ctx, boolean large) {
        return new Responder(ctx, Vertx.currentContext(), large);
    }

    /** The response as JSON, or {@code null} when it cannot be written. */
    private Buffer serialize(InvocationResponse response) {
        byte[] json = json(response);
        return json == null ? null : Buffer.buffer(json);
    }

    private byte[] json(InvocationResponse response) {
        try {
            return writer.writeValueAsBytes(response);
        } catch (Exception e) {
            // The details (class names, Jackson's reference chain) are for the log, not for the client
            LOG.errorf(e, "Failed to write the outputs of pipeline run %s as JSON",
                    response.metadata() == null ? "?" : response.metadata().runId());
            return null;
        }
    }

    /**
     * Answers the request once the service's {@code Uni} ends, on the request's Vert.x context: one object per
     * invocation, for the callback, the answer and the hop alike. The answer is serialized on the thread that ends
     * the {@code Uni} when that is not an event loop (an invocation thread), on a worker thread when the request's
     * body was large, and on the event loop otherwise.
     */
    private final class Responder implements Runs.Answer, Handler<Void>, Callable<Void> {
        private final RoutingContext ctx;
        private final Context context;
        private final boolean large;
        private InvocationResponse response;
        private Throwable failure;
        private int status;
        private Buffer body;
        private String retryAfter;
        private Run run;

        Responder(RoutingContext ctx, Context context, boolean large) {
            this.ctx = ctx;
            this.context = context;
            this.large = large;
        }

        @Override
        public void run(Run run) {
            this.run = run;
        }

        @Override
        public void onSubscribe(UniSubscription subscription) {
            // A run nobody waits for is cancelled: the client going away before the answer cancels the invocation
            if (ctx.response().closed()) {
                subscription.cancel();
            } else {
                ctx.addEndHandler(new Disconnect(subscription));
            }
        }

        @Override
        public void onItem(InvocationResponse item) {
            this.response = item;
            dispatch();
        }

        @Override
        public void onFailure(Throwable error) {
            this.failure = error;
            dispatch();
        }

        private void dispatch() {
            if (!Context.isOnEventLoopThread()) {
                // An invocation (or worker) thread: serialize here, then write on the request's context
                call();
            } else if (large && context != null) {
                largeBodies.executeBlocking(this, false).onComplete(new Handler<AsyncResult<Void>>() {
                    @Override
                    public void handle(AsyncResult<Void> result) {
                        if (result.failed()) {
                            LOG.errorf(result.cause(), "Failed to write an invoke answer");
                            status = 500;
                            body = INTERNAL_ERROR;
                        }
                        write();
                    }
                });
                return;
            }
            write();
        }

        private void write() {
            if (context == null || Vertx.currentContext() == context) {
                handle(null);
            } else {
                // runOnContext publishes the fields to the event loop
                context.runOnContext(this);
            }
        }

        /** Serializes the answer. */
        @Override
        public Void call() {
            if (failure == null) {
                status = Problem.status(response);
                byte[] json = json(response);
                body = json == null ? null : Buffer.buffer(json);
                if (json != null && run != null) {
                    // The run store keeps what was answered, rather than the envelope's objects
                    run.written(response, json);
                }
                if (body == null) {
                    status = 500;
                    body = OUTPUTS_NOT_WRITABLE;
                }
            } else {
                Answer answer = answer(Problem.of(failure));
                status = answer.status();
                body = answer.body();
                retryAfter = answer.retryAfter();
            }
            return null;
        }

        @Override
        public void handle(Void ignored) {
            if (body == null) {
                call();
            }
            if (retryAfter != null && !ctx.response().ended()) {
                ctx.response().headers().set(HttpHeaders.RETRY_AFTER, retryAfter);
            }
            JsonResponses.send(ctx, status, body);
        }
    }

    /**
     * Cancels the invocation when the request ends without its answer: the connection closed (or failed) while it was
     * pending. Registered per request, so a keep-alive connection closed after its answers cancels nothing.
     */
    private static final class Disconnect implements Handler<AsyncResult<Void>> {
        private final UniSubscription subscription;

        Disconnect(UniSubscription subscription) {
            this.subscription = subscription;
        }

        @Override
        public void handle(AsyncResult<Void> ended) {
            if (ended.failed()) {
                subscription.cancel();
            }
        }
    }
}
