package io.quarkiverse.pipelinedeployment.deployment.guides;

import static io.quarkiverse.pipelinedeployment.deployment.PipelineTests.invoke;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.acme.FraudScoring;
import org.acme.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.deployment.PipelineTests;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The "Pipelines and steps" example of the programming-model page ({@code FraudScoring} and {@code Verdict}, included
 * from {@code docs/modules/ROOT/examples/java}): deployed as shown, it scores, records both steps and applies the
 * threshold's default.
 */
public class ProgrammingModelExampleTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(FraudScoring.class, Verdict.class, PipelineTests.class));

    @Test
    void scoresWithTheDefaultThreshold() {
        invoke("/invoke", Map.of("features", List.of(1.0, 2.0, 3.0))).statusCode(200)
                .body("success", equalTo(true))
                .body("metadata.pipeline_name", equalTo("fraud_scoring"))
                .body("outputs.score", equalTo((float) (2.0 / 3)))
                .body("outputs.flagged", equalTo(true))
                .body("metadata.steps.name", contains("normalize", "score"));
        invoke("/invoke", Map.of("features", List.of(1.0, 2.0, 3.0), "threshold", 0.9)).statusCode(200)
                .body("outputs.flagged", equalTo(false));
    }
}
