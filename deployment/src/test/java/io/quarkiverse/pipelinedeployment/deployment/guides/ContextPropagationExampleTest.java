package io.quarkiverse.pipelinedeployment.deployment.guides;

import static io.quarkiverse.pipelinedeployment.deployment.PipelineTests.invoke;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.acme.ParallelScoring;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.deployment.PipelineTests;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The "Steps on other threads" example of the programming-model page ({@code ParallelScoring}, included from
 * {@code docs/modules/ROOT/examples/java}): the steps run on a {@code ManagedExecutor} and in a parallel stream
 * wrapped by {@code ThreadContext} are all recorded for the run.
 */
public class ContextPropagationExampleTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ParallelScoring.class, PipelineTests.class));

    @Test
    void stepsOnOtherThreadsBelongToTheRun() {
        List<Map<String, Object>> items = List.of(Map.of("id", "a", "amount", 50.0), Map.of("id", "b", "amount", 25.0));
        invoke("/invoke", Map.of("items", items)).statusCode(200)
                .body("success", equalTo(true))
                .body("outputs.output", contains(0.5f, 0.25f, 0.5f, 0.25f))
                .body("metadata.steps.name", contains("score", "score", "score", "score"));
    }
}
