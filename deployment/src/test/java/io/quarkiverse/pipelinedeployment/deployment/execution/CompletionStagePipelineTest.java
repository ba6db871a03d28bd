package io.quarkiverse.pipelinedeployment.deployment.execution;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.Pipeline;
import io.quarkiverse.pipelinedeployment.Step;
import io.quarkus.test.QuarkusUnitTest;
import io.vertx.core.Vertx;

/**
 * A CompletionStage pipeline is called on the event loop and its result awaited; its output type is the stage's.
 */
public class CompletionStagePipelineTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(StagePipeline.class));

    @Test
    void resultIsAwaited() {
        given().contentType("application/json").body("{\"parameters\":{\"word\":\"abc\"}}").post("/invoke").then()
                .statusCode(200)
                .body("outputs.output", equalTo("ABC"))
                .body("metadata.steps.name", contains("upper"));
        given().get("/info").then().body("pipeline.output_schema.properties.output.type", equalTo("string"));
    }

    @Test
    void failedStageIsAFailureEnvelope() {
        given().contentType("application/json").body("{\"parameters\":{\"word\":\"\"}}").post("/invoke").then()
                .statusCode(200)
                .body("success", equalTo(false))
                .body("error", startsWith("Failed to execute pipeline: IllegalArgumentException: empty word"));
    }

    @ApplicationScoped
    public static class StagePipeline {

        @Step
        String upper(String word) {
            if (word.isEmpty()) {
                throw new IllegalArgumentException("empty word");
            }
            return word.toUpperCase();
        }

        @Inject
        Vertx vertx;

        @Pipeline
        public CompletionStage<String> shout(String word) {
            CompletableFuture<String> later = new CompletableFuture<>();
            vertx.setTimer(5, id -> later.complete(word));
            // The step runs in the timer's continuation, on the request's Vert.x context
            return later.thenApply(this::upper);
        }
    }
}
