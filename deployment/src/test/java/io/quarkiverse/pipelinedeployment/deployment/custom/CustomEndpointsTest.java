package io.quarkiverse.pipelinedeployment.deployment.custom;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.AppRunner;
import io.quarkiverse.pipelinedeployment.EndpointMethod;
import io.quarkiverse.pipelinedeployment.PipelineEndpoint;
import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkus.test.QuarkusUnitTest;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * The seed's custom endpoints, in each handler form: direct methods (static and bean), builder classes, builder
 * methods, a native handler and @PipelineEndpoint; binding from query, body and path; auth-required; a custom
 * endpoint replacing the built-in health endpoint.
 */
public class CustomEndpointsTest {

    static final String P = "quarkus.pipeline.custom-endpoints.";

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class, Endpoints.class, Predictor.class,
                    RawHandler.class, EchoEndpoint.class, Builders.class, NativeHandler.class, Annotated.class))
            .overrideRuntimeConfigKey("quarkus.pipeline.auth.api-keys", "k")
            // 1. Direct callable replacing the built-in health endpoint, open
            .overrideConfigKey(P + "health.path", "/health")
            .overrideConfigKey(P + "health.handler", Endpoints.class.getName() + "#healthDetailed")
            .overrideConfigKey(P + "health.auth-required", "false")
            // Direct bean method with a path parameter and an optional query parameter
            .overrideConfigKey(P + "item.path", "/items/{id}")
            .overrideConfigKey(P + "item.handler", Endpoints.class.getName() + "#item")
            .overrideConfigKey(P + "item.auth-required", "false")
            // 2. Builder method returning an object with handle(...), with init-args (auth required by default)
            .overrideConfigKey(P + "predict.path", "/predict/custom")
            .overrideConfigKey(P + "predict.method", "POST")
            .overrideConfigKey(P + "predict.handler", Builders.class.getName() + "#buildPredictEndpoint")
            .overrideConfigKey(P + "predict.init-args.model-path", "/models/model.pkl")
            // 3. Builder method returning a Handler
            .overrideConfigKey(P + "deployment.path", "/deployment")
            .overrideConfigKey(P + "deployment.handler", Builders.class.getName() + "#buildDeploymentInfo")
            .overrideConfigKey(P + "deployment.auth-required", "false")
            // Builder classes
            .overrideConfigKey(P + "raw.path", "/raw")
            .overrideConfigKey(P + "raw.handler", RawHandler.class.getName())
            .overrideConfigKey(P + "raw.init-args.greeting", "hi")
            .overrideConfigKey(P + "raw.auth-required", "false")
            .overrideConfigKey(P + "echo.path", "/echo")
            .overrideConfigKey(P + "echo.method", "PUT")
            .overrideConfigKey(P + "echo.handler", EchoEndpoint.class.getName())
            .overrideConfigKey(P + "echo.auth-required", "false")
            // 4. Native handler
            .overrideConfigKey(P + "native.path", "/native")
            .overrideConfigKey(P + "native.handler", NativeHandler.class.getName())
            .overrideConfigKey(P + "native.native", "true")
            .overrideConfigKey(P + "native.auth-required", "false");

    @Test
    void directMethodReplacesTheBuiltInHealth() {
        when().get("/health").then().statusCode(200).body("status", equalTo("healthy")).body("custom", equalTo(true));
    }

    @Test
    void pathAndQueryBinding() {
        when().get("/items/42").then().statusCode(200).body("id", equalTo(42)).body("verbose", equalTo("no"));
        when().get("/items/42?verbose=yes").then().statusCode(200).body("verbose", equalTo("yes"));
        when().get("/items/abc").then().statusCode(422)
                .body("detail[0].type", equalTo("type_error"))
                .body("detail[0].loc", contains("path", "id"));
    }

    @Test
    void builderMethodWithInitArgsAndAuth() {
        given().contentType("application/json").body("{\"features\": [1.0, 2.0]}").post("/predict/custom").then()
                .statusCode(401).body("detail", equalTo("Authorization header required"));
        given().header("Authorization", "Bearer k").contentType("application/json")
                .body("{\"features\": [1.0, 2.0]}").post("/predict/custom").then().statusCode(200)
                .body("prediction", equalTo(3.0f))
                .body("model", equalTo("/models/model.pkl"));
        given().header("Authorization", "Bearer k").contentType("application/json").body("{}")
                .post("/predict/custom").then().statusCode(422)
                .body("detail[0].type", equalTo("missing"))
                .body("detail[0].loc", contains("body", "features"));
    }

    @Test
    void builderMethodReturningAHandler() {
        when().get("/deployment").then().statusCode(200).body("pipeline", equalTo("fraud_scoring"));
    }

    @Test
    void builderClasses() {
        when().get("/raw").then().statusCode(200).body("greeting", equalTo("hi")).body("flavor", equalTo("vertx"));
        given().contentType("application/json").body("{\"text\": \"abc\"}").put("/echo").then().statusCode(200)
                .body("echo", equalTo("ABC"));
        when().get("/echo").then().statusCode(405);
    }

    @Test
    void nativeHandler() {
        when().get("/native").then().statusCode(200).body(equalTo("native"));
    }

    @Test
    void annotatedEndpoint() {
        when().delete("/cache/models?name=a").then().statusCode(401);
        given().header("Authorization", "Bearer k").delete("/cache/models?name=a").then().statusCode(200)
                .body("evicted", equalTo("a"));
    }

    @Test
    void customEndpointsAreInTheOpenApiDocument() {
        when().get("/openapi.json").then().statusCode(200)
                .body("paths.'/items/{id}'.get.parameters[0].name", equalTo("id"))
                .body("paths.'/items/{id}'.get.parameters[0].in", equalTo("path"))
                .body("paths.'/items/{id}'.get.security.size()", equalTo(0))
                .body("paths.'/predict/custom'.post.security[0].keySet()", contains("bearerAuth"))
                .body("paths.'/cache/models'.delete.operationId", equalTo("delete_cache_models"))
                // The custom health replaces the built-in one in the document too
                .body("paths.'/health'.get.operationId", equalTo("get_health"))
                .body("paths.'/invoke'.post.security[0].keySet()", contains("bearerAuth"))
                .body("components.securitySchemes.bearerAuth.scheme", equalTo("bearer"));
    }

    public static class Endpoints {
        public static Map<String, Object> healthDetailed() {
            return Map.of("status", "healthy", "custom", true);
        }

        public Map<String, Object> item(int id, Optional<String> verbose) {
            return Map.of("id", id, "verbose", verbose.orElse("no"));
        }
    }

    public static class Predictor {
        private final String modelPath;

        Predictor(String modelPath) {
            this.modelPath = modelPath;
        }

        public Map<String, Object> handle(List<Double> features) {
            return Map.of("prediction", features.stream().mapToDouble(Double::doubleValue).sum(), "model", modelPath);
        }
    }

    public static class Builders {
        public static Predictor buildPredictEndpoint(AppRunner runner, Map<String, String> initArgs) {
            return new Predictor(initArgs.get("model-path"));
        }

        public static Handler<RoutingContext> buildDeploymentInfo(AppRunner runner) {
            return ctx -> ctx.json(new JsonObject().put("pipeline", runner.deployment().pipeline().name()));
        }
    }

    public static class RawHandler implements Handler<RoutingContext> {
        private final AppRunner runner;
        private final Map<String, String> initArgs;

        public RawHandler(AppRunner runner, Map<String, String> initArgs) {
            this.runner = runner;
            this.initArgs = initArgs;
        }

        @Override
        public void handle(RoutingContext ctx) {
            ctx.json(new JsonObject().put("greeting", initArgs.get("greeting")).put("flavor", runner.flavor()));
        }
    }

    public static class EchoEndpoint {
        public Map<String, String> handle(String text) {
            return Map.of("echo", text.toUpperCase());
        }
    }

    public static class NativeHandler implements Handler<RoutingContext> {
        @Override
        public void handle(RoutingContext ctx) {
            ctx.response().end("native");
        }
    }

    @ApplicationScoped
    public static class Annotated {
        @PipelineEndpoint(path = "/cache/models", method = EndpointMethod.DELETE)
        public Map<String, String> evict(String name) {
            return Map.of("evicted", name);
        }
    }
}
