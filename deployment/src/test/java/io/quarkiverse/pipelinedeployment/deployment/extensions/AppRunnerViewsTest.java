package io.quarkiverse.pipelinedeployment.deployment.extensions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.AppRunner;
import io.quarkiverse.pipelinedeployment.EndpointDescriptor;
import io.quarkiverse.pipelinedeployment.MiddlewareDescriptor;
import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkus.test.QuarkusUnitTest;
import io.vertx.ext.web.RoutingContext;

/**
 * What {@code AppRunner} shows extensions: the resolved endpoints (a custom endpoint taking over the built-in
 * health), the resolved middleware outermost first, and the effective settings with the API keys masked.
 */
public class AppRunnerViewsTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class, Endpoints.class, Tags.class))
            .overrideConfigKey("quarkus.pipeline.root-path", "/svc")
            .overrideConfigKey("quarkus.pipeline.endpoints", "api")
            .overrideConfigKey("quarkus.pipeline.custom-endpoints.health.path", "/health")
            .overrideConfigKey("quarkus.pipeline.custom-endpoints.health.handler", Endpoints.class.getName() + "#health")
            .overrideConfigKey("quarkus.pipeline.custom-endpoints.item.path", "/items/{id}")
            .overrideConfigKey("quarkus.pipeline.custom-endpoints.item.method", "DELETE")
            .overrideConfigKey("quarkus.pipeline.custom-endpoints.item.handler", Endpoints.class.getName() + "#delete")
            .overrideConfigKey("quarkus.pipeline.custom-middlewares.late.class", Tags.class.getName() + "#tag")
            .overrideConfigKey("quarkus.pipeline.custom-middlewares.late.order", "7")
            .overrideConfigKey("quarkus.pipeline.custom-middlewares.early.class", Tags.class.getName() + "#tag")
            .overrideConfigKey("quarkus.pipeline.custom-middlewares.early.order", "-3")
            .overrideRuntimeConfigKey("quarkus.pipeline.auth.api-keys", "secret-1,secret-2")
            .overrideRuntimeConfigKey("quarkus.pipeline.thread-pool-size", "8");

    @Inject
    AppRunner runner;

    @Test
    void endpointsAreResolved() {
        assertThat(runner.endpoints()).containsExactlyInAnyOrder(
                new EndpointDescriptor("invoke", List.of("POST"), "/svc/invoke"),
                new EndpointDescriptor("runs", List.of("GET", "HEAD", "POST"), "/svc/runs"),
                // The custom health took GET over; the built-in one still answers HEAD
                new EndpointDescriptor("health", List.of("HEAD"), "/svc/health"),
                new EndpointDescriptor("info", List.of("GET", "HEAD"), "/svc/info"),
                new EndpointDescriptor("metrics", List.of("GET", "HEAD"), "/svc/metrics"),
                new EndpointDescriptor("health", List.of("GET"), "/svc/health"),
                new EndpointDescriptor("item", List.of("DELETE"), "/svc/items/{id}"));
        // Built-in ones first, then the custom ones
        assertThat(runner.endpoints().subList(5, 7)).extracting(EndpointDescriptor::name)
                .containsExactlyInAnyOrder("health", "item");
    }

    @Test
    void middlewaresAreResolvedOutermostFirst() {
        assertThat(runner.middlewares()).extracting(MiddlewareDescriptor::name)
                .containsExactly("secure-headers", "cors", "early", "late");
        assertThat(runner.middlewares().get(2)).isEqualTo(
                new MiddlewareDescriptor("early", "method", -3, Tags.class.getName() + "#tag"));
    }

    @Test
    void settingsAreTheEffectiveOnesWithKeysMasked() {
        Map<String, String> settings = runner.settings();
        assertThat(settings).containsEntry("quarkus.pipeline.root-path", "/svc")
                .containsEntry("quarkus.pipeline.thread-pool-size", "8")
                .containsEntry("quarkus.pipeline.auth.api-keys", "***");
        assertThat(settings.values()).noneMatch(v -> v.contains("secret"));
    }

    public static class Endpoints {
        public static Map<String, String> health() {
            return Map.of("status", "healthy");
        }

        public static Map<String, Object> delete(int id) {
            return Map.of("deleted", id);
        }
    }

    public static class Tags {
        public static void tag(RoutingContext ctx, Map<String, String> args) {
            ctx.next();
        }
    }
}
