package io.quarkiverse.pipelinedeployment.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
import io.quarkiverse.pipelinedeployment.ValidationError;
import io.smallrye.mutiny.subscription.UniSubscriber;
import io.smallrye.mutiny.subscription.UniSubscription;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Serves {@code POST <root><api><invoke>}: reads and checks the body on the event loop, hands the request to the
 * {@link DeploymentService}, and writes its single answer back on the request's context.
 */
public final class InvokeHandler implements Handler<RoutingContext> {

    private static final Logger LOG = Logger.getLogger(InvokeHandler.class);

    private final DeploymentService service;
    private final ObjectReader reader;
    private final ObjectWriter writer;
    private final RequestBodies.Limit limit;

    InvokeHandler(DeploymentService service, ObjectMapper mapper, RequestBodies.Limit limit) {
        this.service = service;
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
        JsonNode root;
        try {
            root = body == null || body.length() == 0 ? null : reader.readTree(body.getBytes());
        } catch (Exception e) {
            root = null;
        }
        if (root == null || root.isMissingNode()) {
            unprocessable(ctx, List.of(new ValidationError(ValidationError.JSON_INVALID, List.of("body"),
                    "JSON decode error", Map.of())));
            return;
        }
        if (!root.isObject()) {
            unprocessable(ctx, List.of(new ValidationError(ValidationError.TYPE_ERROR, List.of("body"),
                    "Input should be a valid dictionary or object to extract fields from", root)));
            return;
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
            unprocessable(ctx, errors);
            return;
        }
        InvocationRequest invocation = new InvocationRequest((ObjectNode) parameters,
                runName == null || runName.isNull() ? null : runName.asText(),
                timeout == null || timeout.isNull() ? null : Duration.ofNanos((long) (timeout.asDouble() * 1e9)),
                receivedAt);
        try {
            service.invoke(invocation).subscribe().withSubscriber(new Responder(ctx, Vertx.currentContext()));
        } catch (Throwable t) {
            respondFailure(ctx, t);
        }
    }

    /**
     * Answers the request once the service's {@code Uni} ends, back on the request's Vert.x context: one object per
     * invocation, for the callback and the hop alike.
     */
    private final class Responder implements UniSubscriber<InvocationResponse>, Handler<Void> {
        private final RoutingContext ctx;
        private final Context context;
        private InvocationResponse response;
        private Throwable failure;

        Responder(RoutingContext ctx, Context context) {
            this.ctx = ctx;
            this.context = context;
        }

        @Override
        public void onSubscribe(UniSubscription subscription) {
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
            if (context == null || Vertx.currentContext() == context) {
                handle(null);
            } else {
                // runOnContext publishes the fields to the event loop
                context.runOnContext(this);
            }
        }

        @Override
        public void handle(Void ignored) {
            if (failure != null) {
                respondFailure(ctx, failure);
            } else {
                respond(ctx, response);
            }
        }
    }

    private void respond(RoutingContext ctx, InvocationResponse response) {
        byte[] bytes;
        try {
            bytes = writer.writeValueAsBytes(response);
        } catch (Exception e) {
            LOG.errorf(e, "Failed to write the outputs of pipeline run %s as JSON",
                    response.metadata() == null ? "?" : response.metadata().runId());
            JsonResponses.detail(ctx, 500, "Failed to write the pipeline's outputs as JSON: " + e.getMessage());
            return;
        }
        int status = response.outcome() == InvocationResponse.Outcome.TIMEOUT ? 504 : 200;
        JsonResponses.send(ctx, status, Buffer.buffer(bytes));
    }

    private void respondFailure(RoutingContext ctx, Throwable failure) {
        if (failure instanceof InvalidParametersException invalid) {
            unprocessable(ctx, invalid.errors());
        } else if (failure instanceof InvocationRejectedException rejected) {
            ctx.response().headers().set(HttpHeaders.RETRY_AFTER, Integer.toString(rejected.retryAfterSeconds()));
            JsonResponses.detail(ctx, 503, rejected.getMessage());
        } else {
            LOG.errorf(failure, "The deployment service failed to invoke the pipeline");
            JsonResponses.detail(ctx, 500, "Internal Server Error");
        }
    }

    private void unprocessable(RoutingContext ctx, List<ValidationError> errors) {
        byte[] bytes;
        try {
            bytes = writer.writeValueAsBytes(Map.of("detail", errors));
        } catch (Exception e) {
            ctx.fail(e);
            return;
        }
        JsonResponses.send(ctx, 422, Buffer.buffer(bytes));
    }
}
