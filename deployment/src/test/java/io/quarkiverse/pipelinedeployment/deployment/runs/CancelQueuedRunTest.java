package io.quarkiverse.pipelinedeployment.deployment.runs;

import static io.quarkiverse.pipelinedeployment.deployment.PipelineTests.metric;
import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.net.URL;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.Pipeline;
import io.quarkiverse.pipelinedeployment.deployment.PipelineTests;
import io.quarkus.test.QuarkusUnitTest;
import io.quarkus.test.common.http.TestHTTPResource;

/**
 * One invocation thread and one queue place: a run queued behind a running one, once cancelled, ends
 * {@code cancelled} at once without ever starting, its pipeline never runs, and it gives its queue place back at
 * once (the next submission is queued, the one after is turned away: still exactly one place).
 */
public class CancelQueuedRunTest {

    static final CountDownLatch HOLDING = new CountDownLatch(1);
    static final CountDownLatch RELEASE = new CountDownLatch(1);
    static final Set<String> RAN = ConcurrentHashMap.newKeySet();

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Gate.class, RunCalls.class, Sse.class, PipelineTests.class))
            .overrideRuntimeConfigKey("quarkus.pipeline.thread-pool-size", "1")
            .overrideRuntimeConfigKey("quarkus.pipeline.max-queued-invocations", "1");

    @TestHTTPResource("/")
    URL root;

    @Test
    void aCancelledQueuedRunNeverStarts() throws Exception {
        String holder;
        String third;
        try {
            holder = RunCalls.submit("{\"name\": \"holder\"}");
            assertThat(HOLDING.await(10, TimeUnit.SECONDS)).as("the holder took the only thread").isTrue();
            String queued = RunCalls.submit("{\"name\": \"queued\"}");
            when().get("/runs/" + queued).then().statusCode(200).body("status", equalTo("queued"));
            assertThat(metric(when().get("/metrics").asString(), "pipeline_pool_queue_size", "gate")).isEqualTo(1.0);

            // Cancelled at once: the answer's record has ended, and never started
            given().post("/runs/" + queued + "/cancel").then().statusCode(202)
                    .body("run_id", equalTo(queued))
                    .body("status", equalTo("cancelled"))
                    .body("cancel_requested", equalTo(true))
                    .body("started", nullValue())
                    .body("finished", notNullValue())
                    .body("error", equalTo("Run cancelled"));
            RunCalls.assertCancelled(queued, "Run cancelled");
            assertThat(RunCalls.kinds(RunCalls.events(root, queued))).containsExactly("run_queued", "run_cancelled");

            // Its queue place is free at once, and there is still exactly one
            String scrape = when().get("/metrics").asString();
            assertThat(metric(scrape, "pipeline_pool_queue_size", "gate")).isEqualTo(0.0);
            assertThat(metric(scrape, "pipeline_pool_threads_busy", "gate")).isEqualTo(1.0);
            assertThat(metric(scrape, "pipeline_pool_threads_max", "gate")).isEqualTo(1.0);
            third = RunCalls.submit("{\"name\": \"third\"}");
            given().contentType("application/json").body("{\"parameters\": {\"name\": \"fourth\"}}").post("/runs")
                    .then().statusCode(503);
        } finally {
            RELEASE.countDown();
        }
        when().get("/runs/" + holder + "/result?wait=10").then().statusCode(200).body("outputs.output",
                equalTo("holder"));
        when().get("/runs/" + third + "/result?wait=10").then().statusCode(200).body("outputs.output",
                equalTo("third"));
        assertThat(RAN).as("the cancelled run's pipeline never ran").containsExactlyInAnyOrder("holder", "third");
        List<Sse.Event> events = RunCalls.events(root, third);
        assertThat(RunCalls.kinds(events)).containsExactly("run_queued", "run_started", "run_completed");
    }

    public static class Gate {
        @Pipeline
        public String gate(String name) throws InterruptedException {
            RAN.add(name);
            if (name.equals("holder")) {
                HOLDING.countDown();
                RELEASE.await(30, TimeUnit.SECONDS);
            }
            return name;
        }
    }
}
