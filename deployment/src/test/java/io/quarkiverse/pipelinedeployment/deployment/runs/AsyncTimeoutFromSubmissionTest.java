package io.quarkiverse.pipelinedeployment.deployment.runs;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.Pipeline;
import io.quarkus.test.QuarkusUnitTest;

/**
 * An asynchronous run's {@code timeout} counts from its submission: a run that waits in the queue past it ends
 * {@code timed_out} without ever starting, and its result is the 504 envelope.
 */
public class AsyncTimeoutFromSubmissionTest {

    static final CountDownLatch RELEASE = new CountDownLatch(1);
    static final AtomicInteger STARTED = new AtomicInteger();

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Held.class))
            .overrideRuntimeConfigKey("quarkus.pipeline.thread-pool-size", "1");

    @Test
    void aQueuedRunTimesOutWithoutStarting() {
        String holder = given().contentType("application/json").body("{\"parameters\": {\"hold\": true}}")
                .post("/runs").then().statusCode(202).extract().path("run_id");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                .until(() -> "running".equals(when().get("/runs/" + holder).path("status")));
        String queued = given().contentType("application/json")
                .body("{\"parameters\": {\"hold\": false}, \"timeout\": 0.5}")
                .post("/runs").then().statusCode(202).extract().path("run_id");

        when().get("/runs/" + queued + "/result?wait=20").then().statusCode(504)
                .body("success", equalTo(false))
                .body("error", startsWith("Pipeline execution timed out after 0.5"));
        when().get("/runs/" + queued).then().statusCode(200)
                .body("status", equalTo("timed_out"))
                .body("started", nullValue());
        RELEASE.countDown();
        when().get("/runs/" + holder + "/result?wait=20").then().statusCode(200);
        org.assertj.core.api.Assertions.assertThat(STARTED.get()).as("only the holder started").isEqualTo(1);
    }

    public static class Held {
        @Pipeline
        public String held(boolean hold) throws InterruptedException {
            STARTED.incrementAndGet();
            if (hold) {
                RELEASE.await(60, TimeUnit.SECONDS);
            }
            return "done";
        }
    }
}
