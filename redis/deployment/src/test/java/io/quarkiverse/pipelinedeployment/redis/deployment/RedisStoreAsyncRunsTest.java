package io.quarkiverse.pipelinedeployment.redis.deployment;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.test.RedisServer;
import io.quarkiverse.pipelinedeployment.test.RequiresRedis;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Asynchronous runs with the Redis store: the result and the events of a finished run come from Redis; a cancel
 * published on the {@code cancels} channel (as any replica's cancel endpoint publishes it) cancels the run this
 * replica executes; an idempotency key lives in Redis and replays its run.
 */
@RequiresRedis
public class RedisStoreAsyncRunsTest {

    static final RedisServer REDIS = RedisServer.of(RedisStoreAsyncRunsTest.class);

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Gated.class, RedisEvents.class))
            .overrideConfigKey("quarkus.pipeline.runs.store", "redis")
            .overrideConfigKey("quarkus.redis.hosts", REDIS.url());

    @AfterAll
    static void stopRedis() {
        REDIS.close();
    }

    static String submit(String word) {
        return given().contentType("application/json").body("{\"parameters\": {\"word\": \"" + word + "\"}}")
                .post("/runs").then().statusCode(202).extract().path("run_id");
    }

    @Test
    void resultAndEventsOfAFinishedRun() throws InterruptedException {
        String id = submit("wait-result");
        when().get("/runs/" + id).then().statusCode(200).body("status", equalTo("running"));
        Gated.release("wait-result");
        when().get("/runs/" + id + "/result?wait=10").then().statusCode(200)
                .body("outputs.output", equalTo("WAIT-RESULT!"));
        RedisEvents.await(REDIS, "pipeline:{gated}:events:" + id, 7);
        Thread.sleep(200);
        String events = given().queryParam("since", "0").get("/runs/" + id + "/events").then().statusCode(200)
                .extract().asString();
        assertThat(events).startsWith("id: 1\nevent: run_queued\ndata: {\"run_id\":\"" + id + "\"")
                .contains("id: 2\nevent: run_started\n", "id: 3\nevent: step_started\ndata: {\"step\":\"upper\"",
                        "id: 7\nevent: run_completed\ndata: {\"success\":true");
    }

    @Test
    void aCancelPublishedByAnyReplicaCancelsTheRunHere() {
        String id = submit("wait-cancel");
        when().get("/runs/" + id).then().statusCode(200).body("status", equalTo("running"));
        assertThat((Long) REDIS.command("PUBLISH", "pipeline:{gated}:cancels", id)).isEqualTo(1L);
        when().get("/runs/" + id + "/result?wait=10").then().statusCode(200)
                .body("success", equalTo(false))
                .body("error", equalTo("Run cancelled"));
        when().get("/runs/" + id).then().statusCode(200).body("status", equalTo("cancelled"));
    }

    @Test
    void anIdempotencyKeyLivesInRedis() {
        String body = "{\"parameters\": {\"word\": \"keyed\"}}";
        String id = given().contentType("application/json").header("Idempotency-Key", "order-1").body(body)
                .post("/runs").then().statusCode(202).extract().path("run_id");
        given().contentType("application/json").header("Idempotency-Key", "order-1").body(body).post("/runs")
                .then().statusCode(202).header("Idempotent-Replayed", "true").body("run_id", equalTo(id));
        given().contentType("application/json").header("Idempotency-Key", "order-1")
                .body("{\"parameters\": {\"word\": \"other\"}}").post("/runs")
                .then().statusCode(422).body("detail", equalTo("Idempotency-Key was used with a different request"));
        assertThat(REDIS.command("KEYS", "pipeline:{gated}:key:*").toString()).contains("order-1");
    }
}
