package io.quarkiverse.pipelinedeployment.deployment.errors;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.Pipeline;
import io.quarkiverse.pipelinedeployment.deployment.PipelineTests;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.response.Response;

/**
 * One invocation thread, one queue place, runs of about 1.5 s: once a few runs have shown the throughput, a request
 * turned away because the queue is full is told to retry after the expected wait for a free place (about 1.5 s per
 * queued run, rounded up), not after 1 s.
 */
public class RetryAfterTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Steady.class, PipelineTests.class))
            .overrideRuntimeConfigKey("quarkus.pipeline.thread-pool-size", "1")
            .overrideRuntimeConfigKey("quarkus.pipeline.max-queued-invocations", "1");

    @Test
    void retryAfterFollowsTheThroughput() throws Exception {
        for (int i = 0; i < 2; i++) {
            assertThat(post().statusCode()).isEqualTo(200);
        }
        CompletableFuture<Response> running = CompletableFuture.supplyAsync(RetryAfterTest::post);
        await().atMost(5, TimeUnit.SECONDS).until(() -> gauge("pipeline_pool_threads_busy") == 1.0);
        CompletableFuture<Response> queued = CompletableFuture.supplyAsync(RetryAfterTest::post);
        await().atMost(5, TimeUnit.SECONDS).until(() -> gauge("pipeline_pool_queue_size") == 1.0);
        Response rejected = post();
        assertThat(rejected.statusCode()).as(rejected.asString()).isEqualTo(503);
        assertThat(rejected.header("Retry-After")).isNotNull();
        assertThat(Integer.parseInt(rejected.header("Retry-After"))).as(rejected.header("Retry-After"))
                .isBetween(2, 60);
        assertThat(rejected.jsonPath().getString("detail")).contains("quarkus.pipeline.max-queued-invocations");
        assertThat(running.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(queued.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    }

    private static double gauge(String name) {
        return PipelineTests.metric(when().get("/metrics").asString(), name, "steady");
    }

    private static Response post() {
        return given().contentType("application/json").body("{\"parameters\": {}}").post("/invoke");
    }

    public static class Steady {
        @Pipeline
        public String steady() throws InterruptedException {
            Thread.sleep(1500);
            return "done";
        }
    }
}
