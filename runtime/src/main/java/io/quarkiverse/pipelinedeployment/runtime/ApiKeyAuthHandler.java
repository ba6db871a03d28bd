package io.quarkiverse.pipelinedeployment.runtime;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Guards a protected endpoint with the configured API keys ({@code Authorization: Bearer <key>}), answering the seed
 * framework's 401 bodies with {@code WWW-Authenticate: Bearer}. Keys are compared as SHA-256 digests with
 * {@link MessageDigest#isEqual}, against every key, so the time taken does not tell which part matched.
 */
public final class ApiKeyAuthHandler implements Handler<RoutingContext> {

    private static final Buffer MISSING = JsonResponses.detailBody("Authorization header required");
    private static final Buffer INVALID = JsonResponses.detailBody("Invalid authentication token");
    private static final String BEARER = "bearer ";

    private final Handler<RoutingContext> delegate;
    private final byte[][] keyDigests;

    public ApiKeyAuthHandler(Handler<RoutingContext> delegate, List<String> keys) {
        this.delegate = delegate;
        this.keyDigests = new byte[keys.size()][];
        for (int i = 0; i < keys.size(); i++) {
            keyDigests[i] = digest(keys.get(i));
        }
    }

    @Override
    public void handle(RoutingContext ctx) {
        String authorization = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || authorization.length() <= BEARER.length()
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            reject(ctx, MISSING);
            return;
        }
        byte[] given = digest(authorization.substring(BEARER.length()).trim());
        boolean valid = false;
        for (byte[] key : keyDigests) {
            valid |= MessageDigest.isEqual(key, given);
        }
        if (!valid) {
            reject(ctx, INVALID);
            return;
        }
        delegate.handle(ctx);
    }

    private static void reject(RoutingContext ctx, Buffer body) {
        ctx.response().headers().set("WWW-Authenticate", "Bearer");
        JsonResponses.send(ctx, 401, body);
    }

    private static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
