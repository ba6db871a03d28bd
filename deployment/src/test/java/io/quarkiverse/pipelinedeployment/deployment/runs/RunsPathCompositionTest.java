package io.quarkiverse.pipelinedeployment.deployment.runs;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.Pipeline;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.response.Response;

/**
 * {@code root-path} {@code /pipeline}, {@code api-path} {@code /api} and {@code runs-path} {@code /jobs} compose to
 * {@code /pipeline/api/jobs}: the routes, {@code Location}, the links and {@code /info} use it.
 */
public class RunsPathCompositionTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Echo.class))
            .overrideConfigKey("quarkus.pipeline.root-path", "/pipeline")
            .overrideConfigKey("quarkus.pipeline.api-path", "/api")
            .overrideConfigKey("quarkus.pipeline.runs-path", "jobs/");

    @Test
    void composedPath() {
        for (boolean viaInvoke : new boolean[] { false, true }) {
            var request = given().contentType("application/json").body("{\"parameters\": {\"word\": \"jobs\"}}");
            Response submitted = viaInvoke ? request.header("Prefer", "respond-async").post("/pipeline/api/invoke")
                    : request.post("/pipeline/api/jobs");
            submitted.then().statusCode(202);
            String id = submitted.jsonPath().getString("run_id");
            String self = "/pipeline/api/jobs/" + id;
            assertThat(submitted.header("Location")).isEqualTo(self);
            assertThat(submitted.jsonPath().getString("links.self")).isEqualTo(self);
            assertThat(submitted.jsonPath().getString("links.result")).isEqualTo(self + "/result");
            assertThat(submitted.jsonPath().getString("links.events")).isEqualTo(self + "/events");
            assertThat(submitted.jsonPath().getString("links.cancel")).isEqualTo(self + "/cancel");
            when().get(self + "/result?wait=10").then().statusCode(200).body("outputs.output", equalTo("jobs"));
            when().get(self).then().statusCode(200).body("status", equalTo("completed"));
            when().get("/pipeline/api/jobs").then().statusCode(200).body("runs[0].run_id", equalTo(id));
        }
        when().get("/pipeline/api/info").then().statusCode(200)
                .body("app.runs_url_path", equalTo("/pipeline/api/jobs"));
    }

    @Test
    void nothingAtTheDefaultPath() {
        when().get("/pipeline/api/runs").then().statusCode(404).body("detail", equalTo("Not Found"));
        when().get("/runs").then().statusCode(404);
        when().get("/pipeline/api/jobs/nope").then().statusCode(404).body("detail", equalTo("Run not found"));
    }

    public static class Echo {
        @Pipeline
        public String echo(String word) {
            return word;
        }
    }
}
