package org.acme;

import java.util.Map;

import io.vertx.ext.web.RoutingContext;

/**
 * The ZenML guide's {@code timing_header_middleware}: a static method receiving the request and its init-args.
 */
public class TimingHeaders {

    public static void timingHeader(RoutingContext ctx, Map<String, String> initArgs) {
        String headerName = initArgs.getOrDefault("header-name", "x-process-time-ms");
        long start = System.nanoTime();
        ctx.addHeadersEndHandler(v -> ctx.response().headers()
                .set(headerName, Double.toString((System.nanoTime() - start) / 1e6)));
        ctx.next();
    }
}
