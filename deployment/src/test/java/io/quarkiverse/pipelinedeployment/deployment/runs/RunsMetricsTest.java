package io.quarkiverse.pipelinedeployment.deployment.runs;

import static io.quarkiverse.pipelinedeployment.deployment.PipelineTests.metric;
import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.Pipeline;
import io.quarkiverse.pipelinedeployment.deployment.PipelineTests;
import io.quarkus.test.QuarkusUnitTest;

/**
 * One invocation thread: {@code pipeline_runs_queued} counts the runs waiting behind the running one and returns to
 * 0; {@code pipeline_invocations_total{status="cancelled"}} counts the cancelled runs, queued or running.
 */
public class RunsMetricsTest {

    static final CountDownLatch HOLDING = new CountDownLatch(1);
    static final CountDownLatch NEVER = new CountDownLatch(1);

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Gate.class, RunCalls.class, PipelineTests.class))
            .overrideRuntimeConfigKey("quarkus.pipeline.thread-pool-size", "1");

    @Test
    void queuedGaugeAndCancelledCount() {
        assertThat(queued()).isEqualTo(0.0);
        String holder = RunCalls.submit("{\"hold\": true}");
        try {
            assertThat(HOLDING.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        String second = RunCalls.submit("{\"hold\": false}");
        String third = RunCalls.submit("{\"hold\": false}");
        String scrape = when().get("/metrics").asString();
        assertThat(metric(scrape, "pipeline_runs_queued", "gate")).as(scrape).isEqualTo(2.0);
        assertThat(metric(scrape, "pipeline_invocations_active", "gate")).isEqualTo(3.0);
        assertThat(RunCalls.invocations(scrape, "gate", "cancelled")).isEqualTo(0.0);

        // A queued run cancelled: one fewer queued, one cancelled
        given().post("/runs/" + second + "/cancel").then().statusCode(202);
        scrape = when().get("/metrics").asString();
        assertThat(metric(scrape, "pipeline_runs_queued", "gate")).as(scrape).isEqualTo(1.0);
        assertThat(RunCalls.invocations(scrape, "gate", "cancelled")).isEqualTo(1.0);

        // The running one cancelled: the queued one starts and completes
        given().post("/runs/" + holder + "/cancel").then().statusCode(202);
        when().get("/runs/" + third + "/result?wait=10").then().statusCode(200);
        await().atMost(10, TimeUnit.SECONDS).untilAsserted(() -> {
            String last = when().get("/metrics").asString();
            assertThat(metric(last, "pipeline_runs_queued", "gate")).as(last).isEqualTo(0.0);
            assertThat(metric(last, "pipeline_invocations_active", "gate")).isEqualTo(0.0);
            assertThat(RunCalls.invocations(last, "gate", "cancelled")).isEqualTo(2.0);
            assertThat(RunCalls.invocations(last, "gate", "success")).isEqualTo(1.0);
            assertThat(RunCalls.invocations(last, "gate", "failure")).isEqualTo(0.0);
        });
        // The Prometheus series carries the status label as documented
        assertThat(when().get("/metrics").asString())
                .contains("pipeline_invocations_total{pipeline=\"gate\",status=\"cancelled\",} 2.0");
    }

    private static double queued() {
        return metric(when().get("/metrics").asString(), "pipeline_runs_queued", "gate");
    }

    public static class Gate {
        @Pipeline
        public boolean gate(boolean hold) throws InterruptedException {
            if (hold) {
                HOLDING.countDown();
                NEVER.await(30, TimeUnit.SECONDS);
            }
            return hold;
        }
    }
}
