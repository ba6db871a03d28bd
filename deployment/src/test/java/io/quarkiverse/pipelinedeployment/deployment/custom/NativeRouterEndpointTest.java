package io.quarkiverse.pipelinedeployment.deployment.custom;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.equalTo;

import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkus.test.QuarkusUnitTest;
import io.vertx.ext.web.Router;

/**
 * Native {@code Consumer<Router>} custom endpoints: one mounted at {@code /admin} behind the API keys, one at the
 * root path and open. Their routes are relative to the mount; requests they do not route reach the other routes.
 */
public class NativeRouterEndpointTest {

    static final String P = "quarkus.pipeline.custom-endpoints.";

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class, AdminRoutes.class, RootRoutes.class))
            .overrideRuntimeConfigKey("quarkus.pipeline.auth.api-keys", "k")
            .overrideConfigKey(P + "admin.path", "/admin")
            .overrideConfigKey(P + "admin.handler", AdminRoutes.class.getName())
            .overrideConfigKey(P + "admin.native", "true")
            .overrideConfigKey(P + "root.path", "/")
            .overrideConfigKey(P + "root.handler", RootRoutes.class.getName())
            .overrideConfigKey(P + "root.native", "true")
            .overrideConfigKey(P + "root.auth-required", "false");

    @Test
    void routesUnderTheMountAreGuarded() {
        when().get("/admin/stats").then().statusCode(401).header("WWW-Authenticate", "Bearer")
                .body("detail", equalTo("Authorization header required"));
        given().header("Authorization", "Bearer wrong").get("/admin/stats").then().statusCode(401)
                .body("detail", equalTo("Invalid authentication token"));
        given().header("Authorization", "Bearer k").get("/admin/stats").then().statusCode(200)
                .body("admin", equalTo(true));
        given().header("Authorization", "Bearer k").contentType("application/json").body("{}")
                .post("/admin/reset").then().statusCode(204);
    }

    @Test
    void rootRouterIsOpen() {
        when().get("/hello/ada").then().statusCode(200).body(equalTo("hello ada"));
    }

    @Test
    void unroutedRequestsReachTheOtherRoutes() {
        when().get("/health").then().statusCode(200).body("status", equalTo("UP"));
        given().header("Authorization", "Bearer k").get("/admin/nothing-here").then().statusCode(404)
                .body("detail", equalTo("Not Found"));
        when().get("/nothing-here").then().statusCode(404).body("detail", equalTo("Not Found"));
    }

    public static class AdminRoutes implements Consumer<Router> {
        @Override
        public void accept(Router router) {
            router.get("/stats").handler(ctx -> ctx.json(java.util.Map.of("admin", true)));
            router.post("/reset").handler(ctx -> ctx.response().setStatusCode(204).end());
        }
    }

    public static class RootRoutes implements Consumer<Router> {
        @Override
        public void accept(Router router) {
            router.get("/hello/:name").handler(ctx -> ctx.response().end("hello " + ctx.pathParam("name")));
        }
    }
}
