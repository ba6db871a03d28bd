package io.quarkiverse.pipelinedeployment.deployment.errors;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.Pipeline;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.response.Response;

/**
 * With every invocation thread busy and the queue full, the invoke endpoint answers 503 with Retry-After, and the
 * rejected request is not a run.
 */
public class QueueFullTest {

    static final CountDownLatch RELEASE = new CountDownLatch(1);
    static final CountDownLatch STARTED = new CountDownLatch(1);

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(BlockingPipeline.class))
            .overrideRuntimeConfigKey("quarkus.pipeline.thread-pool-size", "1")
            .overrideRuntimeConfigKey("quarkus.pipeline.max-queued-invocations", "0");

    @Test
    void secondInvocationIsRejected() throws Exception {
        CompletableFuture<Response> first = CompletableFuture.supplyAsync(
                () -> given().contentType("application/json").body("{\"parameters\":{}}").post("/invoke"));
        assertThat(STARTED.await(10, TimeUnit.SECONDS)).isTrue();
        try {
            given().contentType("application/json").body("{\"parameters\":{}}").post("/invoke").then()
                    .statusCode(503)
                    .header("Retry-After", "1")
                    .body("detail", containsString("quarkus.pipeline.max-queued-invocations"));
        } finally {
            RELEASE.countDown();
        }
        assertThat(first.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        when().get("/info").then().body("total_executions", equalTo(1));
    }

    public static class BlockingPipeline {
        @Pipeline
        public String hold() throws InterruptedException {
            STARTED.countDown();
            RELEASE.await(10, TimeUnit.SECONDS);
            return "released";
        }
    }
}
