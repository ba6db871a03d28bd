package io.quarkiverse.pipelinedeployment.deployment.core;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.Pipeline;
import io.quarkiverse.pipelinedeployment.Step;
import io.quarkus.test.QuarkusUnitTest;

/**
 * /info lists the @Step methods that the selected @Pipeline reaches (directly, through a helper method, an injected
 * bean, an interface, a lambda, a method reference, an anonymous Runnable and another step), not every @Step of the
 * application; the step timers are registered for those steps only.
 */
public class PipelineOwnStepsTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(TextPipeline.class, Cleaner.class, Scorer.class,
                    LengthScorer.class, OtherPipeline.class, Unrelated.class))
            .overrideConfigKey("quarkus.pipeline.name", "text");

    static final List<String> OWN_STEPS = List.of("audit", "by_reference", "clean", "direct", "in_lambda", "score",
            "trim", "via_helper");

    @Test
    void infoListsTheStepsThePipelineReaches() {
        // Before any invocation: the step timers exist for the pipeline's own steps only
        String scrape = when().get("/metrics").then().statusCode(200).extract().asString();
        for (String step : OWN_STEPS) {
            assertThat(scrape).contains("step=\"" + step + "\"");
        }
        assertThat(scrape).doesNotContain("step=\"unrelated\"").doesNotContain("step=\"unused\"")
                .doesNotContain("step=\"other_step\"").doesNotContain("step=\"unused_in_cleaner\"");

        when().get("/info").then().statusCode(200)
                .body("pipeline.name", equalTo("text"))
                .body("pipeline.steps", equalTo(OWN_STEPS));

        given().contentType("application/json").body("{\"parameters\":{\"text\":\"  Ab \"}}")
                .post("/invoke").then().statusCode(200)
                .body("outputs.output", equalTo("ab:2"))
                .body("metadata.steps.name", containsInAnyOrder(OWN_STEPS.toArray()));
    }

    @ApplicationScoped
    public static class TextPipeline {

        @Inject
        Cleaner cleaner;

        @Inject
        Scorer scorer;

        @Step
        String direct(String text) {
            return text;
        }

        @Step(name = "via_helper")
        String helped(String text) {
            return text;
        }

        @Step(name = "in_lambda")
        String inLambda(String text) {
            return text;
        }

        @Step(name = "by_reference")
        String byReference(String text) {
            return text;
        }

        @Step(name = "unused")
        String unused(String text) {
            return text;
        }

        String helper(String text) {
            return helped(text);
        }

        @Pipeline(name = "text")
        public String run(String text) {
            String cleaned = cleaner.clean(helper(direct(text)));
            int score = scorer.score(cleaned);
            Runnable audit = new Runnable() {
                @Override
                public void run() {
                    cleaner.audit(cleaned);
                }
            };
            audit.run();
            Supplier<String> later = () -> inLambda(cleaned + ":" + score);
            return List.of(later.get()).stream().map(this::byReference).findFirst().orElseThrow();
        }
    }

    @ApplicationScoped
    public static class Cleaner {

        @Step
        String clean(String text) {
            return trim(text).toLowerCase(Locale.ROOT);
        }

        @Step
        String trim(String text) {
            return text.strip();
        }

        @Step
        void audit(String text) {
        }

        @Step(name = "unused_in_cleaner")
        String unused(String text) {
            return text;
        }
    }

    public interface Scorer {
        int score(String text);
    }

    @ApplicationScoped
    public static class LengthScorer implements Scorer {

        @Step
        @Override
        public int score(String text) {
            return text.length();
        }
    }

    @ApplicationScoped
    public static class OtherPipeline {

        @Step(name = "other_step")
        String otherStep(String who) {
            return who;
        }

        @Pipeline(name = "other")
        public String greet(String who) {
            return "hello " + otherStep(who);
        }
    }

    @ApplicationScoped
    public static class Unrelated {

        @Step
        String unrelated(String text) {
            return text;
        }
    }
}
