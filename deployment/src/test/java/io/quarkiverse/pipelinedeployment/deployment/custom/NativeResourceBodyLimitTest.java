package io.quarkiverse.pipelinedeployment.deployment.custom;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A native JAX-RS custom endpoint is under quarkus.pipeline.max-request-size too: a Content-Length over it gets the
 * deployment's 413 JSON, not Quarkus' empty one.
 */
public class NativeResourceBodyLimitTest {

    static final String P = "quarkus.pipeline.custom-endpoints.";

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class, EchoResource.class))
            .overrideConfigKey("quarkus.pipeline.root-path", "/svc")
            .overrideConfigKey(P + "echo.path", "/echo")
            .overrideConfigKey(P + "echo.handler", EchoResource.class.getName())
            .overrideConfigKey(P + "echo.native", "true")
            .overrideConfigKey(P + "echo.auth-required", "false")
            .overrideRuntimeConfigKey("quarkus.pipeline.max-request-size", "1K");

    @Test
    void aBodyOverTheLimitGetsTheJsonAnswer() {
        given().contentType("text/plain").body("x".repeat(4096)).post("/svc/echo").then().statusCode(413)
                .contentType("application/json")
                .body("detail", equalTo("Request body too large: the limit is 1024 bytes "
                        + "(quarkus.pipeline.max-request-size)"));
        given().contentType("text/plain").body("x".repeat(100)).post("/svc/echo").then().statusCode(200)
                .body(equalTo("100"));
    }

    public static class EchoResource {
        @POST
        @Consumes(MediaType.TEXT_PLAIN)
        @Produces(MediaType.TEXT_PLAIN)
        public String echo(String body) {
            return Integer.toString(body.length());
        }
    }
}
