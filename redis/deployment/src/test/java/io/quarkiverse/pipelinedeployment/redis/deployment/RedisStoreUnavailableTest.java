package io.quarkiverse.pipelinedeployment.redis.deployment;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.test.RedisServer;
import io.quarkiverse.pipelinedeployment.test.RequiresRedis;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Redis stops: lookups, lists and keyed submissions get 503 {@code Run store unavailable} with {@code Retry-After};
 * synchronous invocations go on (unrecorded), counted by {@code pipeline_run_store_errors_total}; readiness reports the
 * store unavailable (and stays UP). Redis comes back: everything works again, by itself.
 */
@RequiresRedis
public class RedisStoreUnavailableTest {

    static final RedisServer REDIS = RedisServer.of(RedisStoreUnavailableTest.class);

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Gated.class, RedisEvents.class))
            .overrideConfigKey("quarkus.pipeline.runs.store", "redis")
            .overrideConfigKey("quarkus.redis.hosts", REDIS.url())
            .overrideConfigKey("quarkus.redis.timeout", "2s");

    @AfterAll
    static void stopRedis() {
        REDIS.close();
    }

    @Test
    void unavailableThenRecovered() throws InterruptedException {
        String id = given().contentType("application/json").body("{\"parameters\": {\"word\": \"before\"}}")
                .post("/invoke").then().statusCode(200).extract().path("metadata.run_id");
        RedisEvents.await(REDIS, "pipeline:{gated}:events:" + id, 7);
        Thread.sleep(200); // the last write's answer is handled: the run is read from Redis from now on

        when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'pipeline-run-store' }.data.available", equalTo(true));

        REDIS.kill();
        // Readiness reports the store, and stays UP: synchronous invocations still work
        when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'pipeline-run-store' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'pipeline-run-store' }.data.available", equalTo(false));
        when().get("/runs/" + id).then().statusCode(503)
                .header("Retry-After", notNullValue())
                .body("detail", equalTo("Run store unavailable"));
        when().get("/runs").then().statusCode(503).body("detail", equalTo("Run store unavailable"));
        given().contentType("application/json").header("Idempotency-Key", "k1")
                .body("{\"parameters\": {\"word\": \"keyed\"}}").post("/runs")
                .then().statusCode(503).header("Retry-After", notNullValue())
                .body("detail", equalTo("Run store unavailable"));
        given().contentType("application/json").body("{\"parameters\": {\"word\": \"async\"}}").post("/runs")
                .then().statusCode(503).header("Retry-After", notNullValue())
                .body("detail", equalTo("Run store unavailable"));
        given().contentType("application/json").body("{\"parameters\": {\"word\": \"during\"}}").post("/invoke")
                .then().statusCode(200).body("outputs.output", equalTo("DURING!"));
        double errors = metric("pipeline_run_store_errors_total");
        assertThat(errors).isGreaterThan(0);

        REDIS.restart();
        long deadline = System.currentTimeMillis() + 15_000;
        int status;
        while ((status = when().get("/runs").then().extract().statusCode()) != 200
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertThat(status).isEqualTo(200);
        String after = given().contentType("application/json").body("{\"parameters\": {\"word\": \"after\"}}")
                .post("/invoke").then().statusCode(200).extract().path("metadata.run_id");
        RedisEvents.await(REDIS, "pipeline:{gated}:events:" + after, 7);
        Thread.sleep(200);
        when().get("/runs/" + after).then().statusCode(200).body("status", equalTo("completed"));
        // The shared queue is back too (Redis restarted empty: the queue and its group are created again)
        String async = given().contentType("application/json").body("{\"parameters\": {\"word\": \"queued\"}}")
                .post("/runs").then().statusCode(202).extract().path("run_id");
        when().get("/runs/" + async + "/result?wait=15").then().statusCode(200)
                .body("outputs.output", equalTo("QUEUED!"));
    }

    static double metric(String name) {
        String text = when().get("/metrics").then().statusCode(200).extract().asString();
        return text.lines().filter(l -> l.startsWith(name + "{")).mapToDouble(l -> Double.parseDouble(
                l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
