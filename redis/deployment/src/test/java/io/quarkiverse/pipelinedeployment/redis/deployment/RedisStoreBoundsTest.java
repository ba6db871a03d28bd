package io.quarkiverse.pipelinedeployment.redis.deployment;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.test.RedisServer;
import io.quarkiverse.pipelinedeployment.test.RequiresRedis;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The Redis store's bounds: a run's stream is trimmed to {@code runs.max-events} ({@code MAXLEN}), so a client
 * resuming before the retained events first gets {@code gap}; beyond {@code runs.max-records}, the oldest ended runs
 * are deleted (checked every 256 runs).
 */
@RequiresRedis
public class RedisStoreBoundsTest {

    static final RedisServer REDIS = RedisServer.of(RedisStoreBoundsTest.class);

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Gated.class, RedisEvents.class))
            .overrideConfigKey("quarkus.pipeline.runs.store", "redis")
            .overrideConfigKey("quarkus.redis.hosts", REDIS.url())
            .overrideConfigKey("quarkus.pipeline.runs.max-events", "3")
            .overrideConfigKey("quarkus.pipeline.runs.max-records", "50");

    @AfterAll
    static void stopRedis() {
        REDIS.close();
    }

    static String invoke(String word) {
        return given().contentType("application/json").body("{\"parameters\": {\"word\": \"" + word + "\"}}")
                .post("/invoke").then().statusCode(200).extract().path("metadata.run_id");
    }

    @Test
    void aRunsStreamIsTrimmedToMaxEvents() throws InterruptedException {
        String id = invoke("trimmed");
        String stream = "pipeline:{gated}:events:" + id;
        long deadline = System.currentTimeMillis() + 10_000;
        while (!"0-7".equals(lastId(stream))) {
            assertThat(System.currentTimeMillis()).as("the terminal event of %s", id).isLessThan(deadline);
            Thread.sleep(20);
        }
        assertThat((Long) REDIS.command("XLEN", stream)).isEqualTo(3L);
        Thread.sleep(200); // read from Redis from now on
        String events = given().queryParam("since", "0").get("/runs/" + id + "/events").then().statusCode(200)
                .extract().asString();
        assertThat(events).contains("event: gap\ndata: {\"first_available\":5}", "id: 5\n", "id: 6\n",
                "id: 7\nevent: run_completed\n").doesNotContain("id: 4\n");
        assertThat(events.indexOf("event: gap")).isLessThan(events.indexOf("id: 5\n"));
    }

    @Test
    void theOldestEndedRunsGoBeyondMaxRecords() throws InterruptedException {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            ids.add(invoke("r" + i));
        }
        long deadline = System.currentTimeMillis() + 10_000;
        while ((Long) REDIS.command("ZCARD", "pipeline:{gated}:runs") > 300 - 256 + 50 + 2) {
            assertThat(System.currentTimeMillis()).as("the runs trimmed").isLessThan(deadline);
            Thread.sleep(50);
        }
        when().get("/runs/" + ids.get(0)).then().statusCode(404).body("detail", equalTo("Run not found"));
        assertThat(REDIS.command("EXISTS", "pipeline:{gated}:events:" + ids.get(0))).isEqualTo(0L);
        when().get("/runs/" + ids.get(299)).then().statusCode(200).body("status", equalTo("completed"));
    }

    @SuppressWarnings("unchecked")
    static String lastId(String stream) {
        List<Object> last = (List<Object>) REDIS.command("XREVRANGE", stream, "+", "-", "COUNT", "1");
        return last.isEmpty() ? null : (String) ((List<Object>) last.get(0)).get(0);
    }
}
