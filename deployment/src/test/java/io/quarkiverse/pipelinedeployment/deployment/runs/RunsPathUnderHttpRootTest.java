package io.quarkiverse.pipelinedeployment.deployment.runs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.Pipeline;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;

/**
 * {@code quarkus.http.root-path} comes first: {@code /app} + {@code /pipeline} + {@code /api} + {@code /jobs}, in the
 * routes, {@code Location}, the links and {@code /info}.
 */
public class RunsPathUnderHttpRootTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Echo.class))
            .overrideConfigKey("quarkus.http.root-path", "/app")
            .overrideConfigKey("quarkus.pipeline.root-path", "/pipeline")
            .overrideConfigKey("quarkus.pipeline.api-path", "/api")
            .overrideConfigKey("quarkus.pipeline.runs-path", "/jobs");

    @Test
    void composedUnderTheHttpRoot() {
        RestAssured.basePath = "";
        Response submitted = given().contentType("application/json").body("{\"parameters\": {\"word\": \"app\"}}")
                .post("/app/pipeline/api/jobs");
        submitted.then().statusCode(202);
        String id = submitted.jsonPath().getString("run_id");
        String self = "/app/pipeline/api/jobs/" + id;
        assertThat(submitted.header("Location")).isEqualTo(self);
        assertThat(submitted.jsonPath().getString("links.result")).isEqualTo(self + "/result");
        given().get(self + "/result?wait=10").then().statusCode(200).body("outputs.output", equalTo("app"));
        given().get("/app/pipeline/api/jobs").then().statusCode(200)
                .body("runs[0].run_id", equalTo(id));

        Response viaInvoke = given().contentType("application/json").header("Prefer", "respond-async")
                .body("{\"parameters\": {\"word\": \"app\"}}").post("/app/pipeline/api/invoke");
        viaInvoke.then().statusCode(202);
        assertThat(viaInvoke.header("Location"))
                .isEqualTo("/app/pipeline/api/jobs/" + viaInvoke.jsonPath().getString("run_id"));
        given().get("/app/pipeline/api/info").then().statusCode(200)
                .body("app.runs_url_path", equalTo("/app/pipeline/api/jobs"));
    }

    public static class Echo {
        @Pipeline
        public String echo(String word) {
            return word;
        }
    }
}
