package io.quarkiverse.pipelinedeployment.runtime.security;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.quarkiverse.pipelinedeployment.runtime.PipelineRuntimeConfig;
import io.quarkiverse.pipelinedeployment.runtime.http.JsonResponses;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * Cross-origin resource sharing for the whole application, as the seed framework's middleware does it: preflights
 * are answered here (a disallowed one gets 400 and no {@code Access-Control-Allow-Origin}); allowed actual requests
 * get the allow headers; everything else passes through untouched.
 */
final class CorsHandler implements Handler<RoutingContext> {

    static final String ORIGINS_KEY = "quarkus.pipeline.cors.allow-origins";
    static final String CREDENTIALS_KEY = "quarkus.pipeline.cors.allow-credentials";
    private static final Buffer DISALLOWED = JsonResponses.detailBody("Disallowed CORS request");

    private final boolean anyOrigin;
    private final Set<String> origins;
    private final Set<String> methods;
    private static final CharSequence ANY = HttpHeaders.createOptimized("*");

    private final CharSequence allowMethods;
    private final boolean anyHeader;
    private final Set<String> headers;
    private final CharSequence allowHeaders;
    private final boolean credentials;
    private final CharSequence exposeHeaders;
    private final CharSequence maxAge;

    CorsHandler(PipelineRuntimeConfig.Cors config) {
        List<String> allowedOrigins = entries(config.allowOrigins());
        List<String> allowedMethods = entries(config.allowMethods());
        List<String> allowedHeaders = entries(config.allowHeaders());
        this.anyOrigin = allowedOrigins.contains("*");
        this.credentials = config.allowCredentials();
        if (anyOrigin && credentials) {
            throw new ConfigurationException(CREDENTIALS_KEY + "=true cannot be combined with " + ORIGINS_KEY
                    + "=*: browsers refuse credentials for any origin; list the allowed origins instead",
                    Set.of(CREDENTIALS_KEY, ORIGINS_KEY));
        }
        this.origins = Set.copyOf(allowedOrigins);
        this.methods = upper(allowedMethods);
        this.allowMethods = HttpHeaders.createOptimized(String.join(", ", allowedMethods).toUpperCase(Locale.ROOT));
        this.anyHeader = allowedHeaders.contains("*");
        this.headers = lower(allowedHeaders);
        this.allowHeaders = HttpHeaders.createOptimized(String.join(", ", allowedHeaders));
        List<String> exposed = entries(config.exposeHeaders().orElse(List.of()));
        this.exposeHeaders = exposed.isEmpty() ? null : HttpHeaders.createOptimized(String.join(", ", exposed));
        this.maxAge = HttpHeaders.createOptimized(Long.toString(config.maxAge().toSeconds()));
    }

    /** The entries of a configured list, trimmed, without empty ones ({@code "a, b,,"} is {@code [a, b]}). */
    static List<String> entries(List<String> values) {
        List<String> entries = new ArrayList<>(values.size());
        for (String value : values) {
            String entry = value.trim();
            if (!entry.isEmpty()) {
                entries.add(entry);
            }
        }
        return entries;
    }

    private static Set<String> upper(List<String> values) {
        Set<String> set = new HashSet<>();
        for (String value : values) {
            set.add(value.toUpperCase(Locale.ROOT));
        }
        return set;
    }

    private static Set<String> lower(List<String> values) {
        Set<String> set = new HashSet<>();
        for (String value : values) {
            set.add(value.toLowerCase(Locale.ROOT));
        }
        return set;
    }

    /** What CORS makes of a request. */
    enum Decision {
        /** Not a cross-origin request, or one from an origin that is not allowed: passed on untouched. */
        PASS,
        /** A preflight that asks for a disallowed origin, method or header: answered 400. */
        DENY_PREFLIGHT,
        /** An allowed preflight: answered 200 with the allow headers. */
        ALLOW_PREFLIGHT,
        /** An allowed actual request: passed on with the allow headers. */
        ALLOW
    }

    /**
     * The decision for a request, from its {@code Origin}, method, {@code Access-Control-Request-Method} and
     * {@code Access-Control-Request-Headers} (each {@code null} when absent).
     */
    Decision decide(String origin, HttpMethod method, String requestedMethod, String requestedHeaders) {
        if (origin == null) {
            return Decision.PASS;
        }
        boolean allowedOrigin = anyOrigin || origins.contains(origin);
        if (method == HttpMethod.OPTIONS && requestedMethod != null) {
            return allowedOrigin && methods.contains(requestedMethod.trim().toUpperCase(Locale.ROOT))
                    && headersAllowed(requestedHeaders) ? Decision.ALLOW_PREFLIGHT : Decision.DENY_PREFLIGHT;
        }
        return allowedOrigin ? Decision.ALLOW : Decision.PASS;
    }

    /** The {@code Access-Control-Allow-Origin} of an allowed request from {@code origin}. */
    CharSequence allowedOrigin(String origin) {
        return anyOrigin && !credentials ? ANY : origin;
    }

    @Override
    public void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        String requestedHeaders = origin == null ? null
                : request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS);
        HttpServerResponse response = ctx.response();
        switch (decide(origin, request.method(), origin == null ? null
                : request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD), requestedHeaders)) {
            case DENY_PREFLIGHT:
                response.headers().add(HttpHeaders.VARY, "Origin");
                JsonResponses.send(ctx, 400, DISALLOWED);
                return;
            case ALLOW_PREFLIGHT:
                allowOrigin(response, origin);
                response.headers().set(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, allowMethods);
                if (anyHeader && requestedHeaders != null) {
                    response.headers().set(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, requestedHeaders);
                } else if (!anyHeader) {
                    response.headers().set(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, allowHeaders);
                }
                response.headers().set(HttpHeaders.ACCESS_CONTROL_MAX_AGE, maxAge);
                response.setStatusCode(200).end();
                return;
            case ALLOW:
                allowOrigin(response, origin);
                if (exposeHeaders != null) {
                    response.headers().set(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, exposeHeaders);
                }
                ctx.next();
                return;
            default:
                ctx.next();
        }
    }

    private void allowOrigin(HttpServerResponse response, String origin) {
        CharSequence allowed = allowedOrigin(origin);
        response.headers().set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, allowed);
        if (allowed != ANY) {
            response.headers().add(HttpHeaders.VARY, "Origin");
        }
        if (credentials) {
            response.headers().set(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true");
        }
    }

    private boolean headersAllowed(String requested) {
        if (anyHeader || requested == null || requested.isBlank()) {
            return true;
        }
        for (String header : requested.split(",")) {
            if (!header.isBlank() && !headers.contains(header.trim().toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }
}
