package io.quarkiverse.pipelinedeployment.deployment.runs;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.Pipeline;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.response.Response;

/**
 * With {@code runs.record=async}, a synchronous invoke is not recorded, unless it has an {@code Idempotency-Key}: the
 * key maps to its run for the retention, so the run is kept (and bounded by {@code runs.max-records}) like any
 * recorded one, and the replay on {@code POST <runs>} points at a run that exists.
 */
public class IdempotencyUnrecordedSyncRunsTest {

    static final AtomicInteger EXECUTIONS = new AtomicInteger();

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Echo.class))
            .overrideRuntimeConfigKey("quarkus.pipeline.runs.record", "async");

    @Test
    void aKeyedSyncRunIsRecorded() {
        given().contentType("application/json").body("{\"parameters\": {\"word\": \"plain\"}}").post("/invoke")
                .then().statusCode(200);
        String body = "{\"parameters\": {\"word\": \"keyed\"}}";
        Response sync = given().contentType("application/json").header("Idempotency-Key", "unrecorded-1").body(body)
                .post("/invoke");
        sync.then().statusCode(200);
        String id = sync.jsonPath().getString("metadata.run_id");

        Response replayed = given().contentType("application/json").header("Idempotency-Key", "unrecorded-1")
                .body(body).post("/runs");
        replayed.then().statusCode(202).header("Idempotent-Replayed", "true").body("run_id", equalTo(id));
        when().get(replayed.header("Location")).then().statusCode(200).body("status", equalTo("completed"));
        byte[] result = when().get("/runs/" + id + "/result").then().statusCode(200).extract().asByteArray();
        assertThat(result).isEqualTo(sync.asByteArray());
        List<String> listed = when().get("/runs").then().statusCode(200).extract().path("runs.run_id");
        assertThat(listed).containsExactly(id);
        assertThat(EXECUTIONS.get()).isEqualTo(2);
    }

    public static class Echo {
        @Pipeline
        public String echo(String word) {
            EXECUTIONS.incrementAndGet();
            return word;
        }
    }
}
