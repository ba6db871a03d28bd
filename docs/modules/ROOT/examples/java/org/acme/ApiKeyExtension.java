package org.acme;

import java.util.Map;
import java.util.Set;

import io.quarkiverse.pipelinedeployment.AppExtension;
import io.quarkiverse.pipelinedeployment.AppRunner;
import io.vertx.core.json.JsonObject;

/**
 * The ZenML guide's {@code FastAPIAuthExtension}: API-key auth in a header, on every route under a path prefix, answering
 * 401 with {@code WWW-Authenticate: ApiKey}. Its OpenAPI security scheme is added by {@link ApiKeyOpenApiFilter}.
 * (The built-in {@code quarkus.pipeline.auth.api-keys} does the same with bearer tokens, no code needed.)
 */
public class ApiKeyExtension implements AppExtension {

    @Override
    public void install(AppRunner runner, Map<String, String> args) {
        String headerName = args.getOrDefault("header-name", "x-api-key");
        Set<String> validKeys = Set.of(args.getOrDefault("valid-keys", "").split(","));
        String prefix = args.getOrDefault("protect-paths-prefix", "/api");
        // Inside the middleware (Quarkus filters, orders -500 to -300), ahead of the endpoints (from -100)
        runner.router().route(prefix + "/*").order(-200).handler(ctx -> {
            String key = ctx.request().getHeader(headerName);
            if (key == null || !validKeys.contains(key)) {
                ctx.response().setStatusCode(401).putHeader("WWW-Authenticate", "ApiKey")
                        .putHeader("Content-Type", "application/json")
                        .end(new JsonObject().put("detail", "Invalid or missing API key").encode());
                return;
            }
            ctx.next();
        });
    }
}
