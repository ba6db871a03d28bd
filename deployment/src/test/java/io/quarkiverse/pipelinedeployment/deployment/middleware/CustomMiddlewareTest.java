package io.quarkiverse.pipelinedeployment.deployment.middleware;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.response.Response;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * The three middleware forms (a handler class with init-args, a static method, a native handler) run in their order,
 * inside the built-in middleware, on every response.
 */
public class CustomMiddlewareTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class, TimingMiddleware.class,
                    HeaderFunctions.class, NativeMiddleware.class))
            .overrideConfigKey("quarkus.pipeline.custom-middlewares.timing.class", TimingMiddleware.class.getName())
            .overrideConfigKey("quarkus.pipeline.custom-middlewares.timing.order", "10")
            .overrideConfigKey("quarkus.pipeline.custom-middlewares.timing.init-args.header-name", "x-latency-ms")
            .overrideConfigKey("quarkus.pipeline.custom-middlewares.fn.class",
                    HeaderFunctions.class.getName() + "#tag")
            .overrideConfigKey("quarkus.pipeline.custom-middlewares.fn.order", "5")
            .overrideConfigKey("quarkus.pipeline.custom-middlewares.fn.init-args.value", "scoring")
            .overrideConfigKey("quarkus.pipeline.custom-middlewares.raw.class", NativeMiddleware.class.getName())
            .overrideConfigKey("quarkus.pipeline.custom-middlewares.raw.native", "true")
            .overrideConfigKey("quarkus.pipeline.custom-middlewares.raw.order", "-1");

    @Test
    void runInOrderOnEveryResponse() {
        for (Response response : new Response[] {
                given().contentType("application/json").body("{\"parameters\": {\"features\": [1]}}").post("/invoke"),
                given().get("/nope") }) {
            assertThat(response.headers().getValues("X-Chain")).containsExactly("raw", "fn", "timing");
            assertThat(response.header("x-latency-ms")).isNotNull();
            assertThat(response.header("X-Tag")).isEqualTo("scoring");
            // The built-ins are outermost: their headers are there too
            assertThat(response.header("Content-Security-Policy")).isNotNull();
        }
    }

    /** The class form, with init-args. */
    public static class TimingMiddleware implements Handler<RoutingContext> {
        private final String header;

        public TimingMiddleware(Map<String, String> initArgs) {
            this.header = initArgs.get("header-name");
        }

        @Override
        public void handle(RoutingContext ctx) {
            long start = System.nanoTime();
            ctx.response().headers().add("X-Chain", "timing");
            ctx.addHeadersEndHandler(v -> ctx.response().headers()
                    .set(header, Long.toString((System.nanoTime() - start) / 1_000_000)));
            ctx.next();
        }
    }

    /** The static-method form. */
    public static class HeaderFunctions {
        public static void tag(RoutingContext ctx, Map<String, String> initArgs) {
            ctx.response().headers().add("X-Chain", "fn");
            ctx.response().headers().set("X-Tag", initArgs.get("value"));
            ctx.next();
        }
    }

    /** The native form: a Vert.x handler used as is. */
    public static class NativeMiddleware implements Handler<RoutingContext> {
        @Override
        public void handle(RoutingContext ctx) {
            ctx.response().headers().add("X-Chain", "raw");
            ctx.next();
        }
    }
}
