package io.quarkiverse.pipelinedeployment.deployment.reliability;

import static io.quarkiverse.pipelinedeployment.deployment.PipelineTests.invoke;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.Pipeline;
import io.quarkiverse.pipelinedeployment.Step;
import io.quarkiverse.pipelinedeployment.deployment.PipelineTests;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Faults in the pipeline: an exception, a {@code StackOverflowError}, a {@code null} return, an output that cannot
 * be written as JSON, a failing step. Each gets one whole answer, and the server keeps serving after each.
 */
public class PipelineFaultsTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Faulty.class, PipelineTests.class));

    @AfterEach
    void stillServing() {
        when().get("/health").then().statusCode(200).body("status", equalTo("UP"));
        invoke("/invoke", Map.of("fault", "none")).statusCode(200).body("success", equalTo(true))
                .body("outputs.output.fault", equalTo("none"));
    }

    @Test
    void exception() {
        invoke("/invoke", Map.of("fault", "exception")).statusCode(200)
                .body("success", equalTo(false))
                .body("error", equalTo("Failed to execute pipeline: IllegalStateException: asked to fail"));
    }

    @Test
    void stackOverflowError() {
        invoke("/invoke", Map.of("fault", "stack-overflow")).statusCode(200)
                .body("success", equalTo(false))
                .body("error", startsWith("Failed to execute pipeline: StackOverflowError"));
    }

    @Test
    void nullReturn() {
        // A map output is wrapped: {"output": null}
        invoke("/invoke", Map.of("fault", "null")).statusCode(200)
                .body("success", equalTo(true))
                .body("outputs", hasKey("output"))
                .body("outputs.output", nullValue());
    }

    @Test
    void unserializableOutput() {
        // Nothing of Jackson's message (class names, reference chain) reaches the client
        String body = invoke("/invoke", Map.of("fault", "unserializable")).statusCode(500)
                .contentType("application/json")
                .body("detail", equalTo("Failed to write the pipeline's outputs as JSON"))
                .extract().asString();
        assertThat(body).doesNotContain("com.fasterxml", "Exception", "java.",
                "Unserializable", "cannot be written");
    }

    @Test
    void failingStep() {
        invoke("/invoke", Map.of("fault", "step")).statusCode(200)
                .body("success", equalTo(false))
                .body("outputs", nullValue())
                .body("metadata.steps[0].name", equalTo("check"))
                .body("metadata.steps[0].status", equalTo("failed"));
    }

    public static class Faulty {

        @Step
        void check(String fault) {
            if (fault.equals("step")) {
                throw new IllegalArgumentException("the check step failed");
            }
        }

        @Pipeline
        public Map<String, Object> faulty(String fault) {
            check(fault);
            return switch (fault) {
                case "exception" -> throw new IllegalStateException("asked to fail");
                case "stack-overflow" -> Map.of("depth", recurse(0));
                case "null" -> null;
                case "unserializable" -> Map.of("value", new Unserializable());
                default -> {
                    Map<String, Object> out = new HashMap<>();
                    out.put("fault", fault);
                    yield out;
                }
            };
        }

        private static int recurse(int depth) {
            return recurse(depth + 1) + 1;
        }
    }

    /** Jackson reads its getter, which throws. */
    public static class Unserializable {
        public String getValue() {
            throw new IllegalStateException("cannot be written");
        }
    }
}
