package io.quarkiverse.pipelinedeployment.deployment.runs;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.AppRunner;
import io.quarkiverse.pipelinedeployment.EndpointDescriptor;
import io.quarkiverse.pipelinedeployment.Pipeline;
import io.quarkus.test.QuarkusUnitTest;

/**
 * {@code endpoints=invoke,health,info}: no runs endpoint, so no route under {@code /runs} (the JSON 404), and
 * {@code POST <invoke>} answers synchronously even when asked for {@code Prefer: respond-async}.
 */
public class RunsEndpointExcludedTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Echo.class))
            .overrideConfigKey("quarkus.pipeline.endpoints", "invoke,health,info");

    @Inject
    AppRunner runner;

    @Test
    void noRunsRoutes() {
        for (String path : new String[] { "/runs", "/runs/nope", "/runs/nope/result", "/runs/nope/events" }) {
            when().get(path).then().statusCode(404).contentType("application/json")
                    .body("detail", equalTo("Not Found"));
        }
        given().contentType("application/json").body("{\"parameters\": {\"word\": \"x\"}}").post("/runs").then()
                .statusCode(404).body("detail", equalTo("Not Found"));
        given().post("/runs/nope/cancel").then().statusCode(404).body("detail", equalTo("Not Found"));
        given().delete("/runs/nope").then().statusCode(404).body("detail", equalTo("Not Found"));
    }

    @Test
    void respondAsyncIsAnsweredSynchronously() {
        given().contentType("application/json").header("Prefer", "respond-async")
                .body("{\"parameters\": {\"word\": \"sync\"}}").post("/invoke").then()
                .statusCode(200)
                .header("Preference-Applied", nullValue())
                .header("Location", nullValue())
                .body("success", equalTo(true))
                .body("outputs.output", equalTo("sync"));
    }

    @Test
    void notListed() {
        when().get("/info").then().statusCode(200)
                .body("app", not(hasKey("runs_url_path")))
                .body("app.invoke_url_path", equalTo("/invoke"));
        assertThat(runner.endpoints()).extracting(EndpointDescriptor::name).containsExactly("invoke", "health",
                "info");
    }

    public static class Echo {
        @Pipeline
        public String echo(String word) {
            return word;
        }
    }
}
