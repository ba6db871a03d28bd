package io.quarkiverse.pipelinedeployment.deployment.runs;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.AppRunner;
import io.quarkiverse.pipelinedeployment.EndpointDescriptor;
import io.quarkiverse.pipelinedeployment.Pipeline;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.response.Response;

/**
 * The {@code api} group of {@code quarkus.pipeline.endpoints} includes the runs endpoint: it is served, listed by
 * {@code /info} and {@code AppRunner.endpoints()}, and protected by default.
 */
public class RunsEndpointApiGroupTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Echo.class))
            .overrideConfigKey("quarkus.pipeline.endpoints", "api")
            .overrideRuntimeConfigKey("quarkus.pipeline.auth.api-keys", "k1");

    @Inject
    AppRunner runner;

    @Test
    void runsAreServed() {
        Response submitted = given().header("Authorization", "Bearer k1").contentType("application/json")
                .body("{\"parameters\": {\"word\": \"api\"}}").post("/runs");
        submitted.then().statusCode(202);
        String id = submitted.jsonPath().getString("run_id");
        assertThat(submitted.header("Location")).isEqualTo("/runs/" + id);
        given().header("Authorization", "Bearer k1").get("/runs/" + id + "/result?wait=10").then().statusCode(200)
                .body("outputs.output", equalTo("api"));
        when().get("/runs").then().statusCode(401);
        when().get("/docs").then().statusCode(404);
    }

    @Test
    void listed() {
        when().get("/info").then().statusCode(200)
                .body("app.runs_url_path", equalTo("/runs"))
                .body("app.invoke_url_path", equalTo("/invoke"));
        assertThat(runner.endpoints()).extracting(EndpointDescriptor::name).containsExactly("invoke", "runs",
                "health", "info", "metrics");
        EndpointDescriptor runs = runner.endpoints().get(1);
        assertThat(runs.path()).isEqualTo("/runs");
        assertThat(runs.methods()).containsExactly("GET", "HEAD", "POST");
    }

    public static class Echo {
        @Pipeline
        public String echo(String word) {
            return word;
        }
    }
}
