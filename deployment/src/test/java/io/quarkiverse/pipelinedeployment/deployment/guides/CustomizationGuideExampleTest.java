package io.quarkiverse.pipelinedeployment.deployment.guides;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.matchesPattern;

import org.acme.AdminRoutes;
import org.acme.Cache;
import org.acme.EchoEndpoint;
import org.acme.ModelCardExtension;
import org.acme.TimingHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The Java examples of the customization guide that the DeploymentSettings page does not run (included from
 * {@code docs/modules/ROOT/examples/java}), configured as the guide shows: a native {@code Consumer<Router>}
 * endpoint, a builder class, a {@code @PipelineEndpoint} bean method, a static-method middleware with init-args and an app
 * extension.
 */
public class CustomizationGuideExampleTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class, AdminRoutes.class, Cache.class,
                    ModelCardExtension.class, TimingHeaders.class, EchoEndpoint.class))
            .overrideConfigKey("quarkus.pipeline.custom-endpoints.echo.path", "/echo")
            .overrideConfigKey("quarkus.pipeline.custom-endpoints.echo.method", "PUT")
            .overrideConfigKey("quarkus.pipeline.custom-endpoints.echo.handler", "org.acme.EchoEndpoint")
            .overrideConfigKey("quarkus.pipeline.custom-endpoints.echo.init-args.prefix", "re:")
            .overrideConfigKey("quarkus.pipeline.custom-endpoints.admin.path", "/admin")
            .overrideConfigKey("quarkus.pipeline.custom-endpoints.admin.handler", "org.acme.AdminRoutes")
            .overrideConfigKey("quarkus.pipeline.custom-endpoints.admin.native", "true")
            .overrideConfigKey("quarkus.pipeline.custom-middlewares.latency.class", "org.acme.TimingHeaders#timingHeader")
            .overrideConfigKey("quarkus.pipeline.custom-middlewares.latency.order", "5")
            .overrideConfigKey("quarkus.pipeline.custom-middlewares.latency.init-args.header-name", "x-latency-ms")
            .overrideConfigKey("quarkus.pipeline.extensions.model-card.class", "org.acme.ModelCardExtension")
            .overrideConfigKey("quarkus.pipeline.extensions.model-card.order", "10")
            .overrideConfigKey("quarkus.pipeline.extensions.model-card.args.owner", "risk-team");

    @Test
    void nativeRouterEndpoint() {
        when().get("/admin/stats").then().statusCode(200)
                .body("processors", greaterThan(0))
                .header("x-latency-ms", matchesPattern("[0-9.]+"));
    }

    @Test
    void builderClassEndpoint() {
        given().contentType("application/json").body("{\"text\": \"hi\"}").put("/echo").then().statusCode(200)
                .body("echo", equalTo("re:hi"));
    }

    @Test
    void beanMethodEndpoint() {
        given().queryParam("name", "fraud").delete("/cache/models").then().statusCode(200)
                .body("name", equalTo("fraud"))
                .body("evicted", equalTo("true"));
        given().delete("/cache/models").then().statusCode(422);
    }

    @Test
    void appExtension() {
        when().get("/model-card").then().statusCode(200)
                .body("owner", equalTo("risk-team"))
                .body("pipeline", equalTo("fraud_scoring"));
    }
}
