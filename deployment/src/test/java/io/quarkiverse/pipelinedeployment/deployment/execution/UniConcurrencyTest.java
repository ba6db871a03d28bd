package io.quarkiverse.pipelinedeployment.deployment.execution;

import java.net.URI;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.Pipeline;
import io.quarkiverse.pipelinedeployment.Step;
import io.quarkiverse.pipelinedeployment.deployment.PipelineTests;
import io.quarkus.test.QuarkusUnitTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/**
 * A Uni pipeline is subscribed on the event loop and awaited without blocking; steps called in its asynchronous
 * continuation (after a Vert.x timer) are recorded in their own run: 64 concurrent invocations all succeed.
 */
public class UniConcurrencyTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(AsyncPipeline.class, PipelineTests.class));

    @TestHTTPResource("/invoke")
    URI invoke;

    @Test
    void concurrentInvocations() throws Exception {
        PipelineTests.assertConcurrentRuns(invoke, 64, "vert.x-eventloop-thread-");
    }

    @ApplicationScoped
    public static class AsyncPipeline {

        @Inject
        Vertx vertx;

        @Step
        int tick(int i) {
            return i;
        }

        @Pipeline
        public Uni<Map<String, Object>> run(int count) {
            return Uni.createFrom().<Integer> emitter(em -> vertx.setTimer(5 + count, id -> em.complete(count)))
                    .map(c -> {
                        for (int i = 0; i < c; i++) {
                            tick(i);
                        }
                        return Map.<String, Object> of("thread", Thread.currentThread().getName(), "count", c);
                    });
        }
    }
}
