package io.quarkiverse.pipelinedeployment.runtime.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkiverse.pipelinedeployment.DeploymentService;
import io.quarkiverse.pipelinedeployment.InvalidParametersException;
import io.quarkiverse.pipelinedeployment.InvocationRejectedException;
import io.quarkiverse.pipelinedeployment.InvocationRequest;
import io.quarkiverse.pipelinedeployment.InvocationResponse;
import io.quarkiverse.pipelinedeployment.PipelineDeploymentService;
import io.quarkiverse.pipelinedeployment.ValidationError;
import io.quarkiverse.pipelinedeployment.runtime.engine.ParameterBinder;
import io.quarkiverse.pipelinedeployment.runtime.engine.PipelineRun;
import io.quarkiverse.pipelinedeployment.runtime.engine.PipelineRuntime;
import io.quarkus.arc.ClientProxy;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniSubscriber;
import io.smallrye.mutiny.subscription.UniSubscription;
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
 * Serves {@code POST <root><api><invoke>}: reads and checks the body, hands the request to the
 * {@link DeploymentService} on the request's Vert.x context, and writes its single answer back on that context.
 * <p>
 * Bodies up to {@link RequestBodies#OFF_LOOP_SIZE} are parsed and answered on the event loop, with no thread hop.
 * Larger ones are parsed (and, for the built-in service, their parameters bound) on a worker thread, and the request
 * goes back to its context for the hand-off; their answers are serialized on a worker thread too. An answer that
 * completes on an invocation thread is serialized there.
 */
final class InvokeHandler implements Handler<RoutingContext> {

    private static final Logger LOG = Logger.getLogger(InvokeHandler.class);

    private static final Buffer INTERNAL_ERROR = JsonResponses.detailBody("Internal Server Error");
    private static final Buffer OUTPUTS_NOT_WRITABLE = JsonResponses.detailBody(
            "Failed to write the pipeline's outputs as JSON");

    private final DeploymentService service;
    /** The built-in service's runtime, to bind a large body's parameters off the event loop; else {@code null}. */
    private final PipelineRuntime builtIn;
    private final ObjectReader reader;
    private final ObjectWriter writer;
    private final RequestBodies.Limit limit;
    /** Parses large bodies and writes large answers: as many threads as CPUs, so their memory stays bounded. */
    private final WorkerExecutor largeBodies;

    /**
     * @param runtime the pipeline runtime, used when {@code service} is the built-in service itself (not a subclass,
     *        which may do its own binding): a large body's parameters are then bound off the event loop too
     */
    InvokeHandler(DeploymentService service, PipelineRuntime runtime, ObjectMapper mapper,
            RequestBodies.Limit limit, WorkerExecutor largeBodies) {
        this.largeBodies = largeBodies;
        this.service = service;
        this.builtIn = ClientProxy.unwrap(service).getClass() == PipelineDeploymentService.class ? runtime : null;
        this.reader = mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.writer = mapper.writer();
        this.limit = limit;
    }

    @Override
    public void handle(RoutingContext ctx) {
        long receivedAt = System.nanoTime();
        HttpServerRequest request = ctx.request();
        if (!isJson(request.getHeader(HttpHeaders.CONTENT_TYPE))) {
            JsonResponses.detail(ctx, 415, "Unsupported media type: the request body must be application/json");
            return;
        }
        RequestBodies.read(ctx, limit, body -> process(ctx, body, receivedAt));
    }

    /** Content types {@code application/json} and {@code application/*+json}; a missing one is taken as JSON. */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return true;
        }
        int end = contentType.indexOf(';');
        String mime = (end < 0 ? contentType : contentType.substring(0, end)).trim();
        if (mime.isEmpty() || mime.equalsIgnoreCase("application/json")) {
            return true;
        }
        int slash = mime.indexOf('/');
        return slash > 0 && mime.regionMatches(true, 0, "application", 0, slash)
                && mime.regionMatches(true, mime.length() - 5, "+json", 0, 5);
    }

    private void process(RoutingContext ctx, Buffer body, long receivedAt) {
        if (body != null && body.length() > RequestBodies.OFF_LOOP_SIZE) {
            new LargeBody(ctx, body, receivedAt).start();
            return;
        }
        Object parsed = parse(body, receivedAt);
        if (parsed instanceof InvocationRequest invocation) {
            invoke(ctx, invocation, false);
        } else {
            ((Answer) parsed).send(ctx);
        }
    }

    /**
     * Parses and checks a body: the request to hand to the service, or the 422 {@link Answer} listing its problems.
     */
    private Object parse(Buffer body, long receivedAt) {
        JsonNode root;
        try {
            root = body == null || body.length() == 0 ? null : RequestBodies.readTree(reader, body);
        } catch (Exception e) {
            root = null;
        }
        if (root == null || root.isMissingNode()) {
            return unprocessable(List.of(new ValidationError(ValidationError.JSON_INVALID, List.of("body"),
                    "JSON decode error", Map.of())));
        }
        if (!root.isObject()) {
            return unprocessable(List.of(new ValidationError(ValidationError.TYPE_ERROR, List.of("body"),
                    "Input should be a valid dictionary or object to extract fields from", root)));
        }
        List<ValidationError> errors = new ArrayList<>(0);
        JsonNode parameters = root.get("parameters");
        if (parameters == null) {
            errors.add(new ValidationError(ValidationError.MISSING, List.of("body", "parameters"), "Field required",
                    root));
        } else if (!parameters.isObject()) {
            errors.add(new ValidationError(ValidationError.TYPE_ERROR, List.of("body", "parameters"),
                    "Input should be a valid dictionary", parameters));
        }
        JsonNode runName = root.get("run_name");
        if (runName != null && !runName.isNull() && !runName.isTextual()) {
            errors.add(new ValidationError(ValidationError.TYPE_ERROR, List.of("body", "run_name"),
                    "Input should be a valid string", runName));
        }
        JsonNode timeout = root.get("timeout");
        if (timeout != null && !timeout.isNull() && (!timeout.isNumber() || timeout.asDouble() <= 0)) {
            errors.add(new ValidationError(ValidationError.TYPE_ERROR, List.of("body", "timeout"),
                    "Input should be a number of seconds greater than 0", timeout));
        }
        if (!errors.isEmpty()) {
            return unprocessable(errors);
        }
        return new InvocationRequest((ObjectNode) parameters,
                runName == null || runName.isNull() ? null : runName.asText(),
                timeout == null || timeout.isNull() ? null : Duration.ofNanos((long) (timeout.asDouble() * 1e9)),
                receivedAt);
    }

    /** Hands the request to the service; must run on the request's Vert.x context. */
    private void invoke(RoutingContext ctx, InvocationRequest invocation, boolean large) {
        Uni<InvocationResponse> run;
        try {
            run = service.invoke(invocation);
        } catch (Throwable t) {
            answer(t).send(ctx);
            return;
        }
        subscribe(ctx, run, large);
    }

    private void subscribe(RoutingContext ctx, Uni<InvocationResponse> run, boolean large) {
        try {
            run.subscribe().withSubscriber(new Responder(ctx, Vertx.currentContext(), large));
        } catch (Throwable t) {
            answer(t).send(ctx);
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
            Object parsed = parse(body, receivedAt);
            if (builtIn != null && parsed instanceof InvocationRequest invocation) {
                try {
                    bound = builtIn.binder().bind(invocation.parameters());
                } catch (InvalidParametersException e) {
                    return unprocessable(e.errors());
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
                JsonResponses.send(ctx, 500, INTERNAL_ERROR);
            } else if (result.result() instanceof InvocationRequest invocation) {
                if (bound != null) {
                    // What the built-in service's invoke does, with the parameters already bound
                    subscribe(ctx, PipelineRun.start(builtIn, invocation, bound), true);
                } else {
                    invoke(ctx, invocation, true);
                }
            } else {
                ((Answer) result.result()).send(ctx);
            }
        }
    }

    /**
     * Answers the request once the service's {@code Uni} ends, on the request's Vert.x context: one object per
     * invocation, for the callback, the answer and the hop alike. The answer is serialized on the thread that ends
     * the {@code Uni} when that is not an event loop (an invocation thread), on a worker thread when the request's
     * body was large, and on the event loop otherwise.
     */
    private final class Responder
            implements UniSubscriber<InvocationResponse>, Handler<Void>, Callable<Void> {
        private final RoutingContext ctx;
        private final Context context;
        private final boolean large;
        private InvocationResponse response;
        private Throwable failure;
        private int status;
        private Buffer body;
        private String retryAfter;

        Responder(RoutingContext ctx, Context context, boolean large) {
            this.ctx = ctx;
            this.context = context;
            this.large = large;
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
                status = response.outcome() == InvocationResponse.Outcome.TIMEOUT ? 504 : 200;
                body = serialize(response);
                if (body == null) {
                    status = 500;
                    body = OUTPUTS_NOT_WRITABLE;
                }
            } else {
                Answer answer = answer(failure);
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

    /** A prepared answer: status, JSON body and, for a 503, its {@code Retry-After}. */
    private record Answer(int status, Buffer body, String retryAfter) {
        void send(RoutingContext ctx) {
            if (retryAfter != null && !ctx.response().ended()) {
                ctx.response().headers().set(HttpHeaders.RETRY_AFTER, retryAfter);
            }
            JsonResponses.send(ctx, status, body);
        }
    }

    /** The response as JSON, or {@code null} when it cannot be written. */
    private Buffer serialize(InvocationResponse response) {
        try {
            return Buffer.buffer(writer.writeValueAsBytes(response));
        } catch (Exception e) {
            // The details (class names, Jackson's reference chain) are for the log, not for the client
            LOG.errorf(e, "Failed to write the outputs of pipeline run %s as JSON",
                    response.metadata() == null ? "?" : response.metadata().runId());
            return null;
        }
    }

    private Answer answer(Throwable failure) {
        if (failure instanceof InvalidParametersException invalid) {
            return unprocessable(invalid.errors());
        } else if (failure instanceof InvocationRejectedException rejected) {
            return new Answer(503, JsonResponses.detailBody(rejected.getMessage()),
                    Integer.toString(rejected.retryAfterSeconds()));
        } else {
            LOG.errorf(failure, "The deployment service failed to invoke the pipeline");
            return new Answer(500, INTERNAL_ERROR, null);
        }
    }

    private Answer unprocessable(List<ValidationError> errors) {
        try {
            return new Answer(422, Buffer.buffer(writer.writeValueAsBytes(Map.of("detail", errors))), null);
        } catch (Exception e) {
            LOG.errorf(e, "Failed to write a 422 answer as JSON");
            return new Answer(500, INTERNAL_ERROR, null);
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
