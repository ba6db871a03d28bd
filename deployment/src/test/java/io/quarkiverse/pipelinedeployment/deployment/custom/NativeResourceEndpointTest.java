package io.quarkiverse.pipelinedeployment.deployment.custom;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A native JAX-RS resource (RESTEasy Reactive) as a custom endpoint: served by Quarkus REST under
 * {@code root-path + path}, behind the API keys, with its operations in the OpenAPI document. An open one sits next
 * to it.
 */
public class NativeResourceEndpointTest {

    static final String P = "quarkus.pipeline.custom-endpoints.";

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class, ModelsResource.class, PingResource.class))
            .overrideConfigKey("quarkus.pipeline.root-path", "/svc")
            .overrideRuntimeConfigKey("quarkus.pipeline.auth.api-keys", "k")
            .overrideConfigKey(P + "models.path", "/models")
            .overrideConfigKey(P + "models.handler", ModelsResource.class.getName())
            .overrideConfigKey(P + "models.native", "true")
            .overrideConfigKey(P + "ping.path", "/ping")
            .overrideConfigKey(P + "ping.handler", PingResource.class.getName())
            .overrideConfigKey(P + "ping.native", "true")
            .overrideConfigKey(P + "ping.auth-required", "false");

    @Test
    void servedUnderTheRootPathAndThePath() {
        given().header("Authorization", "Bearer k").get("/svc/models/m1").then().statusCode(200)
                .body(equalTo("model m1"));
        given().header("Authorization", "Bearer k").post("/svc/models").then().statusCode(200)
                .body(equalTo("created"));
        when().get("/svc/ping").then().statusCode(200).body(equalTo("pong"));
    }

    @Test
    void guardedByTheApiKeys() {
        when().get("/svc/models/m1").then().statusCode(401).header("WWW-Authenticate", "Bearer")
                .body("detail", equalTo("Authorization header required"));
        given().header("Authorization", "Bearer nope").post("/svc/models").then().statusCode(401)
                .body("detail", equalTo("Invalid authentication token"));
    }

    @Test
    void notServedAtTheBarePath() {
        when().get("/models/m1").then().statusCode(404);
        when().get("/ping").then().statusCode(404);
    }

    @Test
    void operationsAreInTheOpenApiDocument() {
        when().get("/svc/openapi.json").then().statusCode(200)
                .body("paths.'/svc/models/{id}'.get.parameters[0].name", equalTo("id"))
                .body("paths.'/svc/models/{id}'.get.security[0].keySet()", contains("bearerAuth"))
                .body("paths.'/svc/models'.post.operationId", equalTo("post_svc_models"))
                .body("paths.'/svc/ping'.get.security.size()", equalTo(0));
    }

    public static class ModelsResource {
        @GET
        @Path("/{id: [a-z0-9]+}")
        @Produces(MediaType.TEXT_PLAIN)
        public String get(@PathParam("id") String id) {
            return "model " + id;
        }

        @POST
        @Produces(MediaType.TEXT_PLAIN)
        public String create() {
            return "created";
        }
    }

    public static class PingResource {
        @GET
        @Produces(MediaType.TEXT_PLAIN)
        public String ping() {
            return "pong";
        }
    }
}
