package io.quarkiverse.pipelinedeployment.deployment.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.Pipeline;
import io.quarkiverse.pipelinedeployment.Step;
import io.quarkiverse.pipelinedeployment.deployment.PipelineTests;
import io.quarkus.test.QuarkusUnitTest;
import io.quarkus.test.common.http.TestHTTPResource;

/**
 * A plain (blocking) pipeline runs on the invocation pool: 64 concurrent invocations on 8 threads all succeed, each
 * with its own run id and steps.
 */
public class BlockingConcurrencyTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(TickingPipeline.class, PipelineTests.class))
            .overrideRuntimeConfigKey("quarkus.pipeline.thread-pool-size", "8");

    @TestHTTPResource("/invoke")
    URI invoke;

    @Test
    void concurrentInvocations() throws Exception {
        Set<String> threads = PipelineTests.assertConcurrentRuns(invoke, 64, "pipeline-invoke-");
        assertThat(threads.size()).as("runs spread over the pool: %s", threads).isBetween(2, 8);
    }

    @ApplicationScoped
    public static class TickingPipeline {

        @Step
        int tick(int i) {
            return i;
        }

        @Pipeline
        public Map<String, Object> run(int count) throws InterruptedException {
            for (int i = 0; i < count; i++) {
                tick(i);
            }
            Thread.sleep(20); // blocking is fine here
            return Map.of("thread", Thread.currentThread().getName(), "count", count);
        }
    }
}
