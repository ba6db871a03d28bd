package io.quarkiverse.pipelinedeployment.deployment.execution;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.Pipeline;
import io.quarkiverse.pipelinedeployment.Step;
import io.quarkus.test.QuarkusUnitTest;

/**
 * {@code metadata.steps} lists the steps in the order they were called: a step called from inside another one comes
 * after it, though it ends first.
 */
public class NestedStepsOrderTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(NestedPipeline.class, Cleaner.class));

    @Test
    void stepsAreListedInCallOrder() {
        given().contentType("application/json").body("{\"parameters\": {\"text\": \" Hi \"}}").post("/invoke")
                .then().statusCode(200)
                .body("metadata.steps.name", contains("clean", "trim", "shout"));
    }

    @ApplicationScoped
    public static class Cleaner {
        @Step
        public String trim(String text) {
            return text.trim();
        }
    }

    @ApplicationScoped
    public static class NestedPipeline {
        @Inject
        Cleaner cleaner;

        @Step
        String clean(String text) {
            return cleaner.trim(text);
        }

        @Step
        String shout(String text) {
            return text.toUpperCase();
        }

        @Pipeline
        public String run(String text) {
            return shout(clean(text));
        }
    }
}
