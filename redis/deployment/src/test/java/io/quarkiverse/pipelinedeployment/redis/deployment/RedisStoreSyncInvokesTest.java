package io.quarkiverse.pipelinedeployment.redis.deployment;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.test.RedisServer;
import io.quarkiverse.pipelinedeployment.test.RequiresRedis;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.response.Response;

/**
 * With {@code runs.store=redis}, a synchronous invocation is recorded in Redis as it goes: its state in the run's hash,
 * its events in the run's stream ({@code 0-1}, {@code 0-2}, ...), both expiring with {@code runs.retention}, and the
 * run in the {@code runs} index. Once written, the run is read back from Redis: its record, its result (the envelope
 * the invocation answered, byte for byte) and its events, resumed.
 */
@RequiresRedis
public class RedisStoreSyncInvokesTest {

    static final RedisServer REDIS = RedisServer.of(RedisStoreSyncInvokesTest.class);

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Gated.class, RedisEvents.class))
            .overrideConfigKey("quarkus.pipeline.runs.store", "redis")
            .overrideConfigKey("quarkus.redis.hosts", REDIS.url())
            .overrideConfigKey("quarkus.pipeline.runs.retention", "1h");

    @AfterAll
    static void stopRedis() {
        REDIS.close();
    }

    @Test
    void aSyncInvokeIsWrittenToRedisAndReadBack() throws InterruptedException {
        Response invoked = given().contentType("application/json").body("{\"parameters\": {\"word\": \"abc\"}}")
                .post("/invoke");
        invoked.then().statusCode(200).body("outputs.output", equalTo("ABC!"));
        String id = invoked.jsonPath().getString("metadata.run_id");
        String hash = "pipeline:{gated}:run:" + id;
        String stream = "pipeline:{gated}:events:" + id;

        RedisEvents.await(REDIS, stream, 7); // queued, started, two steps started and completed, completed
        @SuppressWarnings("unchecked")
        List<Object> entries = (List<Object>) REDIS.command("XRANGE", stream, "-", "+");
        assertThat(entries).extracting(e -> (Object) ((List<?>) e).get(0)).containsExactly("0-1", "0-2", "0-3", "0-4", "0-5",
                "0-6", "0-7");
        assertThat(((List<?>) entries.get(6)).get(1)).isEqualTo(List.of("k", "run_completed"));
        assertThat((Long) REDIS.command("PTTL", hash)).isBetween(3_500_000L, 3_600_000L);
        assertThat((Long) REDIS.command("PTTL", stream)).isBetween(3_500_000L, 3_600_000L);
        assertThat(REDIS.command("ZSCORE", "pipeline:{gated}:runs", id)).isNotNull();

        when().get("/runs/" + id).then().statusCode(200)
                .body("run_id", equalTo(id))
                .body("status", equalTo("completed"))
                .body("parameters_used.word", equalTo("abc"))
                .body("outputs.output", equalTo("ABC!"))
                .body("steps[1].name", equalTo("exclaim"));
        assertThat(when().get("/runs/" + id + "/result").then().statusCode(200).extract().asString())
                .isEqualTo(invoked.asString());
        String events = given().header("Last-Event-ID", "5").get("/runs/" + id + "/events").then().statusCode(200)
                .extract().asString();
        assertThat(events).startsWith("id: 6\nevent: step_completed\ndata: {\"step\":\"exclaim\",\"duration\":")
                .contains("id: 7\nevent: run_completed\ndata: {")
                .doesNotContain("id: 5\n");
    }

    @Test
    void aBurstOfInvocationsIsRecordedInFull() throws Exception {
        // 2,000 invocations from 64 clients: every one written (one batch in flight for all of them), none failed
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(64);
        List<java.util.concurrent.Future<String>> ids = new java.util.ArrayList<>();
        java.net.URI invoke = java.net.URI.create(io.restassured.RestAssured.baseURI + ":"
                + io.restassured.RestAssured.port + "/invoke");
        for (int i = 0; i < 2000; i++) {
            String body = "{\"parameters\": {\"word\": \"b" + i + "\"}}";
            ids.add(clients.submit(() -> {
                var response = client.send(java.net.http.HttpRequest.newBuilder(invoke)
                        .header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).isEqualTo(200);
                return new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body()).path("metadata")
                        .path("run_id").asText();
            }));
        }
        for (java.util.concurrent.Future<String> id : ids) {
            RedisEvents.await(REDIS, "pipeline:{gated}:events:" + id.get(), 7);
        }
        clients.shutdown();
        String metrics = when().get("/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).containsPattern("pipeline_run_store_errors_total\\{pipeline=\"gated\",?\\} 0\\.0");
    }

    @Test
    void anUnknownRunIsNotFound() {
        when().get("/runs/00000000-0000-4000-8000-000000000000").then().statusCode(404)
                .body("detail", equalTo("Run not found"));
    }
}
