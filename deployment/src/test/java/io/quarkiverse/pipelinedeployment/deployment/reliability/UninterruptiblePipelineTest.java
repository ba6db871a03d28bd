package io.quarkiverse.pipelinedeployment.deployment.reliability;

import static io.quarkiverse.pipelinedeployment.deployment.PipelineTests.invokeRaw;
import static io.quarkiverse.pipelinedeployment.deployment.PipelineTests.metric;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.Pipeline;
import io.quarkiverse.pipelinedeployment.deployment.PipelineTests;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A pipeline that ignores interruption keeps its thread after its run timed out: the metrics show the busy thread,
 * and the pool recovers once the pipeline returns; nothing leaks.
 */
public class UninterruptiblePipelineTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Spinner.class, PipelineTests.class))
            .overrideRuntimeConfigKey("quarkus.pipeline.thread-pool-size", "1")
            .overrideRuntimeConfigKey("quarkus.pipeline.max-queued-invocations", "0");

    @Test
    void thePoolRecovers() {
        invokeRaw("/invoke", "{\"parameters\": {\"millis\": 1500}, \"timeout\": 0.2}").statusCode(504);
        // The run has ended; its thread is still spinning
        String scrape = when().get("/metrics").asString();
        assertThat(metric(scrape, "pipeline_pool_threads_busy", "spin")).isEqualTo(1.0);
        assertThat(metric(scrape, "pipeline_invocations_active", "spin")).isEqualTo(0.0);
        // ... so the only thread is taken: a new invocation is turned away cleanly
        invokeRaw("/invoke", "{\"parameters\": {\"millis\": 1}}").statusCode(503);
        // Once the pipeline returns, the pool is whole again
        await().atMost(10, TimeUnit.SECONDS).until(
                () -> metric(when().get("/metrics").asString(), "pipeline_pool_threads_busy", "spin") == 0.0);
        invokeRaw("/invoke", "{\"parameters\": {\"millis\": 1}}").statusCode(200)
                .body("outputs.output", equalTo(1));
    }

    public static class Spinner {
        /** Busy for {@code millis}, deaf to interruption. */
        @Pipeline
        public long spin(long millis) {
            long end = System.nanoTime() + millis * 1_000_000;
            long spins = 0;
            while (System.nanoTime() < end) {
                spins++;
            }
            return spins >= 0 ? millis : -1;
        }
    }
}
