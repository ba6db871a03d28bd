package io.quarkiverse.pipelinedeployment.bench.vertx;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;

import io.quarkiverse.pipelinedeployment.bench.scoring.Envelope;
import io.quarkiverse.pipelinedeployment.bench.scoring.HandWrittenService;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * The ceiling: {@code POST /invoke} on a raw Vert.x route, Jackson on the event loop, the secure headers and CORS set
 * by a route filter.
 */
@ApplicationScoped
public class Routes {

    private static final String CSP = "default-src 'none'; script-src 'self' 'unsafe-inline'; connect-src 'self'; "
            + "img-src 'self' data:; style-src 'self' 'unsafe-inline'; base-uri 'self'; form-action 'self'; "
            + "font-src 'self'; frame-src 'self'";
    private static final String PERMISSIONS = "accelerometer=(), autoplay=(), camera=(), encrypted-media=(), "
            + "geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), sync-xhr=(), usb=()";

    private final HandWrittenService service = new HandWrittenService("bench-vertx");

    void routes(@Observes Router router, ObjectMapper mapper) {
        ObjectReader reader = mapper.readerFor(Envelope.Request.class);
        ObjectWriter writer = mapper.writer();
        router.route().order(-1000).handler(ctx -> {
            MultiMap headers = ctx.response().headers();
            headers.set("Server", "bench-vertx");
            headers.set("Strict-Transport-Security", "max-age=63072000; includeSubdomains");
            headers.set("X-Frame-Options", "SAMEORIGIN");
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("Content-Security-Policy", CSP);
            headers.set("Referrer-Policy", "no-referrer-when-downgrade");
            headers.set("Cache-Control", "no-store, no-cache, must-revalidate");
            headers.set("Permissions-Policy", PERMISSIONS);
            String origin = ctx.request().getHeader("Origin");
            if (origin != null) {
                headers.set("Access-Control-Allow-Origin", "*");
            }
            ctx.next();
        });
        router.post("/invoke").handler(BodyHandler.create()).handler(ctx -> {
            HandWrittenService.Result result;
            try {
                result = service.invoke(reader.readValue(ctx.body().buffer().getBytes()), (step, nanos) -> {
                });
                ctx.response().setStatusCode(result.status()).putHeader("Content-Type", "application/json")
                        .end(Buffer.buffer(writer.writeValueAsBytes(result.body())));
            } catch (Exception e) {
                ctx.response().setStatusCode(422).putHeader("Content-Type", "application/json")
                        .end("{\"detail\": \"JSON decode error\"}");
            }
        });
    }
}
