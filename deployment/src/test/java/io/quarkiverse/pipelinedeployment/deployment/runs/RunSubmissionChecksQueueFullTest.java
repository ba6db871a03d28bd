package io.quarkiverse.pipelinedeployment.deployment.runs;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.Pipeline;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.response.Response;

/**
 * With the one invocation thread held by a run and no queue, an asynchronous submission ({@code POST <runs>}, or
 * {@code POST <invoke>} with {@code Prefer: respond-async}) gets 503 with {@code Retry-After} before a run exists: the
 * list shows only the held run.
 */
public class RunSubmissionChecksQueueFullTest {

    static final CountDownLatch STARTED = new CountDownLatch(1);
    static final CountDownLatch RELEASE = new CountDownLatch(1);
    static final AtomicInteger EXECUTIONS = new AtomicInteger();

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Held.class))
            .overrideRuntimeConfigKey("quarkus.pipeline.thread-pool-size", "1")
            .overrideRuntimeConfigKey("quarkus.pipeline.max-queued-invocations", "0");

    @Test
    void fullQueueTurnsSubmissionsAway() throws InterruptedException {
        Response held = given().contentType("application/json").body("{\"parameters\": {}}").post("/runs");
        held.then().statusCode(202);
        String heldId = held.jsonPath().getString("run_id");
        assertThat(STARTED.await(10, TimeUnit.SECONDS)).isTrue();
        try {
            given().contentType("application/json").body("{\"parameters\": {}}").post("/runs").then()
                    .statusCode(503)
                    .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                    .header("Location", nullValue())
                    .body("detail", containsString("quarkus.pipeline.max-queued-invocations"));
            given().contentType("application/json").header("Prefer", "respond-async").body("{\"parameters\": {}}")
                    .post("/invoke").then()
                    .statusCode(503)
                    .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                    .header("Preference-Applied", nullValue())
                    .body("detail", containsString("quarkus.pipeline.max-queued-invocations"));
            List<String> listed = when().get("/runs").then().statusCode(200).extract().path("runs.run_id");
            assertThat(listed).containsExactly(heldId);
        } finally {
            RELEASE.countDown();
        }
        when().get("/runs/" + heldId + "/result?wait=10").then().statusCode(200).body("success", equalTo(true));
        assertThat(EXECUTIONS.get()).isEqualTo(1);
        List<String> listed = when().get("/runs").then().statusCode(200).extract().path("runs.run_id");
        assertThat(listed).containsExactly(heldId);
        when().get("/info").then().body("total_executions", equalTo(1));
    }

    public static class Held {
        @Pipeline
        public String hold() throws InterruptedException {
            EXECUTIONS.incrementAndGet();
            STARTED.countDown();
            if (!RELEASE.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
            return "released";
        }
    }
}
