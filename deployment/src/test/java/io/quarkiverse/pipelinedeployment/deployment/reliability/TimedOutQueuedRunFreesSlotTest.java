package io.quarkiverse.pipelinedeployment.deployment.reliability;

import static io.quarkiverse.pipelinedeployment.deployment.PipelineTests.invokeRaw;
import static io.quarkiverse.pipelinedeployment.deployment.PipelineTests.metric;
import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.Pipeline;
import io.quarkiverse.pipelinedeployment.deployment.PipelineTests;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.response.Response;

/**
 * One invocation thread, one queue place: a queued run that times out gives its place back at once, so the next
 * invocation is queued rather than turned away with 503.
 */
public class TimedOutQueuedRunFreesSlotTest {

    static final CountDownLatch STARTED = new CountDownLatch(1);
    static final CountDownLatch RELEASE = new CountDownLatch(1);

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Gate.class, PipelineTests.class))
            .overrideRuntimeConfigKey("quarkus.pipeline.thread-pool-size", "1")
            .overrideRuntimeConfigKey("quarkus.pipeline.max-queued-invocations", "1");

    @Test
    void timedOutQueuedRunFreesItsPlace() throws Exception {
        CompletableFuture<Response> occupying = CompletableFuture.supplyAsync(() -> post("{\"parameters\": {\"wait\": true}}"));
        CompletableFuture<Response> third = null;
        try {
            assertThat(STARTED.await(10, TimeUnit.SECONDS)).isTrue();
            // Queued behind the occupying run, out of time after a second
            invokeRaw("/invoke", "{\"parameters\": {\"wait\": false}, \"timeout\": 1}").statusCode(504)
                    .body("success", equalTo(false));
            third = CompletableFuture.supplyAsync(() -> post("{\"parameters\": {\"wait\": false}}"));
            CompletableFuture<Response> queued = third;
            await().atMost(10, TimeUnit.SECONDS).until(() -> queued.isDone()
                    || metric(when().get("/metrics").asString(), "pipeline_pool_queue_size", "gate") == 1.0);
            if (queued.isDone()) {
                assertThat(queued.get().statusCode()).as(queued.get().asString()).isNotEqualTo(503);
            }
        } finally {
            RELEASE.countDown();
        }
        assertThat(occupying.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        Response answer = third.get(10, TimeUnit.SECONDS);
        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(200);
    }

    private static Response post(String body) {
        return given().contentType("application/json").body(body).post("/invoke");
    }

    public static class Gate {
        @Pipeline
        public String gate(boolean wait) throws InterruptedException {
            if (wait) {
                STARTED.countDown();
                RELEASE.await(20, TimeUnit.SECONDS);
            }
            return "passed";
        }
    }
}
