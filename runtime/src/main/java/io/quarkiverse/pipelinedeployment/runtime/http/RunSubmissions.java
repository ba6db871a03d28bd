package io.quarkiverse.pipelinedeployment.runtime.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

import org.jboss.logging.Logger;

import io.quarkiverse.pipelinedeployment.InvocationRejectedException;
import io.quarkiverse.pipelinedeployment.InvocationRequest;
import io.quarkiverse.pipelinedeployment.InvocationResponse;
import io.quarkiverse.pipelinedeployment.runtime.engine.Problem;
import io.quarkiverse.pipelinedeployment.runtime.engine.Run;
import io.quarkiverse.pipelinedeployment.runtime.engine.RunSource;
import io.quarkiverse.pipelinedeployment.runtime.runs.Runs;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Hands a checked invoke request to the runs and answers it the way the client asked: synchronously with the envelope
 * (the default of {@code POST <invoke>}), asynchronously with {@code 202} and the run's links ({@code POST <runs>}, or
 * {@code Prefer: respond-async}), or as the run's event stream ({@code Accept: text/event-stream}). An
 * {@code Idempotency-Key} maps the request to one run.
 */
final class RunSubmissions {

    private static final Logger LOG = Logger.getLogger(RunSubmissions.class);
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final int MAX_KEY_LENGTH = 255;
    private static final String BEARER = "bearer ";
    private static final Buffer BAD_KEY = JsonResponses.detailBody(
            "Idempotency-Key must be 1 to 255 printable ASCII characters");
    private static final Buffer KEY_REUSED = JsonResponses.detailBody(
            "Idempotency-Key was used with a different request");
    private static final Buffer IN_PROGRESS = JsonResponses.detailBody(
            "A request with this Idempotency-Key is still in progress");

    /** How the client asked to be answered. */
    enum Mode {
        SYNC,
        ASYNC,
        STREAM
    }

    private final Runs runs;
    private final InvokeAnswers answers;
    /** The runs endpoint's JSON, or {@code null} when the endpoint is not served (no async answers then). */
    private final RunJson json;
    private final boolean alwaysAsync;
    private final long keepaliveMillis;

    /**
     * @param alwaysAsync whether every submission is asynchronous ({@code POST <runs>})
     */
    RunSubmissions(Runs runs, InvokeAnswers answers, RunJson json, boolean alwaysAsync, long keepaliveMillis) {
        this.runs = runs;
        this.answers = answers;
        this.json = json;
        this.alwaysAsync = alwaysAsync;
        this.keepaliveMillis = keepaliveMillis;
    }

    /**
     * Submits the request; must run on the request's Vert.x context.
     *
     * @param body the request's body, the idempotency fingerprint
     * @param invoke the run's {@code Uni} with the parameters already bound, or {@code null} to call the service
     */
    void submit(RoutingContext ctx, InvocationRequest invocation, Buffer body, boolean large,
            Uni<InvocationResponse> invoke) {
        HttpServerRequest request = ctx.request();
        Mode mode = mode(request);
        String key = request.getHeader(IDEMPOTENCY_KEY);
        if (key == null && (mode == Mode.SYNC || !runs.sharesQueue())) {
            Runs.Result result = runs.start(invocation, RunSource.HTTP,
                    mode == Mode.SYNC ? answers.responder(ctx, large) : null, invoke, body == null ? 0 : body.length());
            if (mode != Mode.SYNC) {
                answer(ctx, mode, result);
            }
            return;
        }
        if (key != null && !validKey(key)) {
            JsonResponses.send(ctx, 422, BAD_KEY);
            return;
        }
        // With a key, or into the store's shared queue
        String scoped = key == null ? null : scope(request.getHeader(HttpHeaders.AUTHORIZATION)) + ":" + key;
        runs.submit(invocation, RunSource.HTTP, mode == Mode.SYNC ? answers.responder(ctx, large) : null, scoped,
                key == null ? null : fingerprint(body), invoke, body == null ? 0 : body.length()).subscribe().with(result -> {
                    switch (result.kind()) {
                        case KEY_REUSED -> JsonResponses.send(ctx, 422, KEY_REUSED);
                        case REPLAYED -> replay(ctx, mode, result.run());
                        default -> {
                            if (mode != Mode.SYNC) {
                                answer(ctx, mode, result);
                            }
                        }
                    }
                }, failure -> {
                    if (!(failure instanceof InvocationRejectedException)) { // the store is unavailable: 503
                        LOG.errorf(failure, "Failed to claim an idempotency key");
                    }
                    answers.answer(Problem.of(failure)).send(ctx);
                });
    }

    private Mode mode(HttpServerRequest request) {
        if (json == null) {
            return Mode.SYNC;
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept != null && accept.toLowerCase(Locale.ROOT).contains("text/event-stream")) {
            return Mode.STREAM;
        }
        if (alwaysAsync || respondAsync(request.getHeader("Prefer"))) {
            return Mode.ASYNC;
        }
        return Mode.SYNC;
    }

    /** Whether a {@code Prefer} header holds {@code respond-async}. */
    static boolean respondAsync(String prefer) {
        if (prefer == null) {
            return false;
        }
        for (String preference : prefer.split(",")) {
            String token = preference.split(";", 2)[0].trim();
            if (token.equalsIgnoreCase("respond-async")) {
                return true;
            }
        }
        return false;
    }

    private void answer(RoutingContext ctx, Mode mode, Runs.Result result) {
        if (result.kind() == Runs.Kind.FAILED) {
            answers.answer(Problem.of(result.failure())).send(ctx);
            return;
        }
        accepted(ctx, mode, result.run(), false);
    }

    private void accepted(RoutingContext ctx, Mode mode, Run run, boolean replayed) {
        ctx.response().headers().set(HttpHeaders.LOCATION, json.location(run));
        if (replayed) {
            ctx.response().headers().set("Idempotent-Replayed", "true");
        }
        if (mode == Mode.STREAM) {
            RunEventStream.start(ctx, run, json, 0, null, keepaliveMillis);
            return;
        }
        if (respondAsync(ctx.request().getHeader("Prefer"))) {
            ctx.response().headers().set("Preference-Applied", "respond-async");
        }
        JsonResponses.send(ctx, 202, json.submitted(run, replayed));
    }

    private void replay(RoutingContext ctx, Mode mode, Run run) {
        if (mode != Mode.SYNC) {
            accepted(ctx, mode, run, true);
            return;
        }
        if (!run.status().terminal()) {
            JsonResponses.send(ctx, 409, IN_PROGRESS);
            return;
        }
        ctx.response().headers().set("Idempotent-Replayed", "true");
        answers.replay(ctx, run);
    }

    static boolean validKey(String key) {
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    /**
     * The credentials' scope of a key: a digest of the {@code Authorization} header, of its token for bearer
     * credentials (the scheme is case-insensitive and the token is read trimmed, as the API keys check reads it), or
     * empty without one.
     */
    static String scope(String authorization) {
        if (authorization == null) {
            return "";
        }
        if (authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return digest((BEARER + authorization.substring(BEARER.length()).trim()).getBytes(StandardCharsets.UTF_8));
        }
        return digest(authorization.getBytes(StandardCharsets.UTF_8));
    }

    private static String fingerprint(Buffer body) {
        return digest(body == null ? new byte[0] : body.getBytes());
    }

    private static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
