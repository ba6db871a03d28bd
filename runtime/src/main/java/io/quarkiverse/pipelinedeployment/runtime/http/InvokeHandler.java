package io.quarkiverse.pipelinedeployment.runtime.http;

import java.util.concurrent.Callable;

import org.jboss.logging.Logger;

import io.quarkiverse.pipelinedeployment.DeploymentService;
import io.quarkiverse.pipelinedeployment.InvalidParametersException;
import io.quarkiverse.pipelinedeployment.InvocationRequest;
import io.quarkiverse.pipelinedeployment.PipelineDeploymentService;
import io.quarkiverse.pipelinedeployment.runtime.engine.ParameterBinder;
import io.quarkiverse.pipelinedeployment.runtime.engine.PipelineRun;
import io.quarkiverse.pipelinedeployment.runtime.engine.PipelineRuntime;
import io.quarkiverse.pipelinedeployment.runtime.engine.Problem;
import io.quarkiverse.pipelinedeployment.runtime.runs.Runs;
import io.quarkus.arc.ClientProxy;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Serves {@code POST <root><api><invoke>} and {@code POST <runs>}: reads and checks the body, submits the request as a
 * run ({@link RunSubmissions}) on the request's Vert.x context, and writes its single answer back on that context.
 * <p>
 * Bodies up to {@link RequestBodies#OFF_LOOP_SIZE} are parsed and answered on the event loop, with no thread hop.
 * Larger ones are parsed (and, for the built-in service, their parameters bound) on a worker thread, and the request
 * goes back to its context for the hand-off; their answers are serialized on a worker thread too. An answer that
 * completes on an invocation thread is serialized there.
 */
final class InvokeHandler implements Handler<RoutingContext> {

    private static final Logger LOG = Logger.getLogger(InvokeHandler.class);

    /** The built-in service's runtime, to bind a large body's parameters off the event loop; else {@code null}. */
    private final PipelineRuntime builtIn;
    private final InvokeRequests requests;
    private final InvokeAnswers answers;
    private final RunSubmissions submissions;
    private final RequestBodies.Limit limit;
    /** Parses large bodies and writes large answers: as many threads as CPUs, so their memory stays bounded. */
    private final WorkerExecutor largeBodies;

    /**
     * @param runs the runs the requests are submitted to; its runtime is used when the deployment service is the
     *        built-in service itself (not a subclass, which may do its own binding): a large body's parameters are
     *        then bound off the event loop too
     * @param json the runs endpoint's JSON, or {@code null} when it is not served (every answer is then synchronous)
     * @param alwaysAsync whether every submission is asynchronous ({@code POST <runs>})
     */
    InvokeHandler(Runs runs, DeploymentService service, RunJson json, boolean alwaysAsync, long keepaliveMillis,
            RequestBodies.Limit limit, WorkerExecutor largeBodies) {
        PipelineRuntime runtime = runs.runtime();
        this.largeBodies = largeBodies;
        this.builtIn = ClientProxy.unwrap(service).getClass() == PipelineDeploymentService.class ? runtime : null;
        this.requests = new InvokeRequests(runtime.mapper());
        this.answers = new InvokeAnswers(runtime.mapper().writer(), largeBodies);
        this.submissions = new RunSubmissions(runs, answers, json, alwaysAsync, keepaliveMillis);
        this.limit = limit;
    }

    @Override
    public void handle(RoutingContext ctx) {
        long receivedAt = System.nanoTime();
        HttpServerRequest request = ctx.request();
        if (!InvokeRequests.isJson(request.getHeader(HttpHeaders.CONTENT_TYPE))) {
            JsonResponses.detail(ctx, 415, "Unsupported media type: the request body must be application/json");
            return;
        }
        RequestBodies.read(ctx, limit, body -> process(ctx, body, receivedAt));
    }

    private void process(RoutingContext ctx, Buffer body, long receivedAt) {
        if (body != null && body.length() > RequestBodies.OFF_LOOP_SIZE) {
            new LargeBody(ctx, body, receivedAt).start();
            return;
        }
        Object parsed = requests.parse(body, receivedAt);
        if (parsed instanceof InvocationRequest invocation) {
            submissions.submit(ctx, invocation, body, false, null);
        } else {
            answers.answer((Problem) parsed).send(ctx);
        }
    }

    /**
     * A body over {@link RequestBodies#OFF_LOOP_SIZE}: parsed and checked on a worker thread (its parameters bound
     * there too for the built-in service), then back on the request's context for the hand-off to the service (or
     * the 422).
     */
    private final class LargeBody implements Callable<Object>, Handler<AsyncResult<Object>> {
        private final RoutingContext ctx;
        private final Buffer body;
        private final long receivedAt;
        private Context context;
        private ParameterBinder.Bound bound;

        LargeBody(RoutingContext ctx, Buffer body, long receivedAt) {
            this.ctx = ctx;
            this.body = body;
            this.receivedAt = receivedAt;
        }

        void start() {
            context = Vertx.currentContext();
            if (context == null) {
                // Not on a Vert.x context (cannot happen for a routed request): parse in place
                handle(Future.succeededFuture(call()));
                return;
            }
            largeBodies.executeBlocking(this, false).onComplete(this);
        }

        @Override
        public Object call() {
            Object parsed = requests.parse(body, receivedAt);
            if (builtIn != null && parsed instanceof InvocationRequest invocation) {
                try {
                    bound = builtIn.binder().bind(invocation.parameters());
                } catch (InvalidParametersException e) {
                    return Problem.invalid(e.errors());
                }
            }
            return parsed;
        }

        @Override
        public void handle(AsyncResult<Object> result) {
            if (context != null && Vertx.currentContext() != context) {
                // The service is handed the request on the request's context, as for a small body
                context.runOnContext(ignored -> handle(result));
                return;
            }
            if (result.failed()) {
                LOG.errorf(result.cause(), "Failed to read an invoke request body");
                JsonResponses.send(ctx, 500, InvokeAnswers.INTERNAL_ERROR);
            } else if (result.result() instanceof InvocationRequest invocation) {
                // With the parameters already bound: what the built-in service's invoke does
                submissions.submit(ctx, invocation, body, true,
                        bound != null ? PipelineRun.start(builtIn, invocation, bound) : null);
            } else {
                answers.answer((Problem) result.result()).send(ctx);
            }
        }
    }
}
