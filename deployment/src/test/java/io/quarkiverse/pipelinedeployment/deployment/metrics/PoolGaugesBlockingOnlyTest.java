package io.quarkiverse.pipelinedeployment.deployment.metrics;

import static io.quarkiverse.pipelinedeployment.deployment.PipelineTests.invoke;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.Pipeline;
import io.quarkiverse.pipelinedeployment.deployment.PipelineTests;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.common.annotation.NonBlocking;

/**
 * The invocation pool's gauges ({@code pipeline_pool_threads_busy}, {@code pipeline_pool_threads_max},
 * {@code pipeline_pool_queue_size}) exist only for a pipeline that runs on the pool: an event-loop
 * ({@code @NonBlocking}) pipeline has none, while its other series are there. (The blocking case is asserted by
 * {@code RetryAfterTest}, {@code UninterruptiblePipelineTest} and {@code TimedOutQueuedRunFreesSlotTest}.)
 */
public class PoolGaugesBlockingOnlyTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(EventLoopPipeline.class, PipelineTests.class));

    @Test
    void eventLoopPipelineHasNoPoolGauges() {
        invoke("/invoke", Map.of("text", "a")).statusCode(200);
        String scrape = when().get("/metrics").then().statusCode(200).extract().asString();
        assertThat(scrape).contains("pipeline_invocations_total{pipeline=\"shout\",status=\"success\",} 1.0");
        assertThat(scrape).contains("pipeline_invocations_rejected_total{pipeline=\"shout\",}");
        assertThat(scrape).doesNotContain("pipeline_pool_");
    }

    public static class EventLoopPipeline {
        @NonBlocking
        @Pipeline
        public String shout(String text) {
            return text.toUpperCase();
        }
    }
}
