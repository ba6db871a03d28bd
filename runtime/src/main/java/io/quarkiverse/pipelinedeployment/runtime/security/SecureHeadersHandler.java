package io.quarkiverse.pipelinedeployment.runtime.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.quarkiverse.pipelinedeployment.runtime.PipelineRuntimeConfig;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Sets the security headers on every response, just before its headers are written, so each is present exactly
 * once whatever handler answered (errors, 404s, preflights and static pages included).
 */
final class SecureHeadersHandler implements Handler<RoutingContext> {

    static final String HSTS = "max-age=63072000; includeSubdomains";
    static final String XFO = "SAMEORIGIN";
    static final String CONTENT = "nosniff";
    static final String CSP = "default-src 'none'; script-src 'self' 'unsafe-inline'; connect-src 'self'; "
            + "img-src 'self' data:; style-src 'self' 'unsafe-inline'; base-uri 'self'; form-action 'self'; "
            + "font-src 'self'; frame-src 'self'";
    static final String REFERRER = "no-referrer-when-downgrade";
    static final String CACHE = "no-store, no-cache, must-revalidate";
    static final String PERMISSIONS = "accelerometer=(), autoplay=(), camera=(), encrypted-media=(), geolocation=(), "
            + "gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), sync-xhr=(), usb=()";

    private static final Set<String> ON = Set.of("true", "enabled", "yes", "on");
    private static final Set<String> OFF = Set.of("false", "disabled", "no", "none", "off");

    private final CharSequence[] names;
    private final CharSequence[] values;
    private final String unsecuredPrefix;

    SecureHeadersHandler(PipelineRuntimeConfig.SecureHeaders config, String deploymentId,
            String unsecuredPrefix) {
        this.unsecuredPrefix = unsecuredPrefix;
        List<CharSequence> n = new ArrayList<>();
        List<CharSequence> v = new ArrayList<>();
        add(n, v, "Server", config.server(), deploymentId);
        add(n, v, "Strict-Transport-Security", config.hsts(), HSTS);
        add(n, v, "X-Frame-Options", config.xfo(), XFO);
        add(n, v, "X-Content-Type-Options", config.content(), CONTENT);
        add(n, v, "Content-Security-Policy", config.csp(), CSP);
        add(n, v, "Referrer-Policy", config.referrer(), REFERRER);
        add(n, v, "Cache-Control", config.cache(), CACHE);
        add(n, v, "Permissions-Policy", config.permissions(), PERMISSIONS);
        this.names = n.toArray(new CharSequence[0]);
        this.values = v.toArray(new CharSequence[0]);
    }

    /**
     * The value a key stands for: the default for {@code true} and its synonyms, none for {@code false} and its
     * synonyms, the string itself otherwise.
     */
    static String resolve(String configured, String defaultValue) {
        String word = configured.trim().toLowerCase(Locale.ROOT);
        if (ON.contains(word)) {
            return defaultValue;
        }
        if (OFF.contains(word)) {
            return null;
        }
        return configured.trim();
    }

    private static void add(List<CharSequence> names, List<CharSequence> values, String name, String configured,
            String defaultValue) {
        String value = resolve(configured, defaultValue);
        if (value != null) {
            names.add(HttpHeaders.createOptimized(name));
            values.add(HttpHeaders.createOptimized(value));
        }
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (names.length > 0 && (unsecuredPrefix == null || !ctx.normalizedPath().startsWith(unsecuredPrefix))) {
            ctx.addHeadersEndHandler(ignored -> {
                MultiMap headers = ctx.response().headers();
                for (int i = 0; i < names.length; i++) {
                    headers.set(names[i], values[i]);
                }
            });
        }
        ctx.next();
    }
}
