package io.quarkiverse.pipelinedeployment.deployment.execution;

import java.net.URI;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.Pipeline;
import io.quarkiverse.pipelinedeployment.Step;
import io.quarkiverse.pipelinedeployment.deployment.PipelineTests;
import io.quarkus.test.QuarkusUnitTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.smallrye.common.annotation.NonBlocking;

/**
 * A @NonBlocking pipeline runs on the Vert.x event loop, with no thread hop: 64 concurrent invocations all succeed,
 * each with its own run id and steps.
 */
public class NonBlockingConcurrencyTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(EventLoopPipeline.class, PipelineTests.class));

    @TestHTTPResource("/invoke")
    URI invoke;

    @Test
    void concurrentInvocations() throws Exception {
        PipelineTests.assertConcurrentRuns(invoke, 64, "vert.x-eventloop-thread-");
    }

    @ApplicationScoped
    public static class EventLoopPipeline {

        @Step
        int tick(int i) {
            return i;
        }

        @NonBlocking
        @Pipeline
        public Map<String, Object> run(int count) {
            for (int i = 0; i < count; i++) {
                tick(i);
            }
            return Map.of("thread", Thread.currentThread().getName(), "count", count);
        }
    }
}
