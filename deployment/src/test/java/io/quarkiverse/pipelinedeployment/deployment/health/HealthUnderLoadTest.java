package io.quarkiverse.pipelinedeployment.deployment.health;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.Pipeline;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.response.Response;

/**
 * Health never waits behind invocations: with every invocation thread busy, it still answers within 200 ms.
 */
public class HealthUnderLoadTest {

    static final int THREADS = 4;
    static final CountDownLatch RELEASE = new CountDownLatch(1);
    static final CountDownLatch STARTED = new CountDownLatch(THREADS);

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(HoldingPipeline.class))
            .overrideRuntimeConfigKey("quarkus.pipeline.thread-pool-size", String.valueOf(THREADS));

    @Test
    void healthIsFastWhilePoolIsBusy() throws Exception {
        List<CompletableFuture<Response>> busy = new ArrayList<>();
        for (int i = 0; i < THREADS + 2; i++) {
            busy.add(CompletableFuture.supplyAsync(
                    () -> given().contentType("application/json").body("{\"parameters\":{}}").post("/invoke")));
        }
        try {
            assertThat(STARTED.await(10, TimeUnit.SECONDS)).as("every invocation thread is busy").isTrue();
            // Health answers while every invocation thread is held (they are released only below): it does not
            // wait for the pool. The bound is far below the 20 s hold, so a slow machine does not fail it.
            for (int i = 0; i < 10; i++) {
                long start = System.nanoTime();
                given().get("/health").then().statusCode(200);
                long millis = (System.nanoTime() - start) / 1_000_000;
                assertThat(millis).as("health answered in %d ms", millis).isLessThan(5_000);
            }
            assertThat(busy).as("the invocations still hold the pool").noneMatch(CompletableFuture::isDone);
        } finally {
            RELEASE.countDown();
        }
        for (CompletableFuture<Response> f : busy) {
            assertThat(f.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
    }

    public static class HoldingPipeline {
        @Pipeline
        public String hold() throws InterruptedException {
            STARTED.countDown();
            RELEASE.await(20, TimeUnit.SECONDS);
            return "done";
        }
    }
}
