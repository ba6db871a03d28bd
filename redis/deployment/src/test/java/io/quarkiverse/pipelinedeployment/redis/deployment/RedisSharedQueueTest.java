package io.quarkiverse.pipelinedeployment.redis.deployment;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.test.RedisServer;
import io.quarkiverse.pipelinedeployment.test.RequiresRedis;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Asynchronous runs go into the shared queue in Redis: a replica with one invocation thread takes one run at a time
 * (the next waits in Redis, {@code queued}); {@code max-queued-invocations} bounds the shared queue (503 with
 * {@code Retry-After} beyond it); a run cancelled while in the queue ends {@code cancelled} at once and is never
 * taken; a run whose lease expired is ended {@code failed}, {@code Run lost: deployment <id> stopped}, by the reaper.
 */
@RequiresRedis
public class RedisSharedQueueTest {

    static final RedisServer REDIS = RedisServer.of(RedisSharedQueueTest.class);

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Gated.class, RedisEvents.class))
            .overrideConfigKey("quarkus.pipeline.runs.store", "redis")
            .overrideConfigKey("quarkus.redis.hosts", REDIS.url())
            .overrideConfigKey("quarkus.pipeline.thread-pool-size", "1")
            .overrideConfigKey("quarkus.pipeline.max-queued-invocations", "1");

    @AfterAll
    static void stopRedis() {
        REDIS.close();
    }

    static String submit(String word) {
        return given().contentType("application/json").body("{\"parameters\": {\"word\": \"" + word + "\"}}")
                .post("/runs").then().statusCode(202).extract().path("run_id");
    }

    static String field(String id, String field) {
        Object value = REDIS.command("HGET", "pipeline:{gated}:run:" + id, field);
        return value == null ? null : value.toString();
    }

    static void awaitField(String id, String field, String expected) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (!expected.equals(field(id, field))) {
            assertThat(System.currentTimeMillis()).as("%s of %s is %s", field, id, expected).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @Test
    void oneAtATimeBoundedQueueAndCancelWhileQueued() throws InterruptedException {
        String first = submit("wait-first");
        awaitField(first, "st", "running");
        String deployment = when().get("/info").then().extract().path("deployment.id");
        assertThat(field(first, "own")).isEqualTo(deployment);

        // The only thread is busy: the next run waits in Redis; the one after finds the shared queue full
        String second = submit("wait-second");
        Thread.sleep(300);
        assertThat(field(second, "st")).isEqualTo("queued");
        assertThat((Long) REDIS.command("XLEN", "pipeline:{gated}:queue")).isEqualTo(1L);
        given().contentType("application/json").body("{\"parameters\": {\"word\": \"third\"}}").post("/runs")
                .then().statusCode(503).header("Retry-After", notNullValue())
                .body("detail", containsString("max-queued-invocations"));

        // Cancelled while queued: it ends at once, and is never taken
        given().post("/runs/" + second + "/cancel").then().statusCode(202);
        awaitField(second, "st", "cancelled");
        when().get("/runs/" + second + "/result?wait=5").then().statusCode(200)
                .body("success", equalTo(false)).body("error", equalTo("Run cancelled"));

        Gated.release("wait-first");
        when().get("/runs/" + first + "/result?wait=10").then().statusCode(200)
                .body("outputs.output", equalTo("WAIT-FIRST!"));
        awaitField(first, "st", "completed");
        Thread.sleep(1500); // the cancelled run's entry is read and dropped, not executed
        assertThat(field(second, "st")).isEqualTo("cancelled");
        assertThat((Long) REDIS.command("XLEN", "pipeline:{gated}:queue")).isEqualTo(0L);
        assertThat(REDIS.command("ZSCORE", "pipeline:{gated}:leases", first)).isNull();
    }

    @Test
    void aRunWhoseLeaseExpiredIsLost() throws InterruptedException {
        String id = submit("wait-lost");
        awaitField(id, "st", "running");
        String deployment = field(id, "own");
        // As if its replica had stopped renewing it
        REDIS.command("ZADD", "pipeline:{gated}:leases", "1", id);
        awaitField(id, "st", "failed");
        @SuppressWarnings("unchecked")
        List<Object> last = (List<Object>) REDIS.command("XREVRANGE", "pipeline:{gated}:events:" + id, "+", "-",
                "COUNT", "1");
        assertThat(((List<?>) last.get(0)).get(1)).isEqualTo(List.of("k", "run_failed"));
        assertThat(REDIS.command("ZSCORE", "pipeline:{gated}:leases", id)).isNull();
        // The record (its envelope is JSON inside it) says why
        assertThat(field(id, "rec")).contains("\"error\":\"Run lost: deployment " + deployment + " stopped\"");
        Gated.release("wait-lost");
    }
}
