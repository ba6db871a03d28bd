package io.quarkiverse.pipelinedeployment.deployment.runs;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.Pipeline;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.response.Response;

/**
 * A large body (parsed and bound off the event loop) is checked before a run exists on {@code POST <runs>} and
 * {@code POST <invoke>} with {@code Prefer: respond-async} too: the invoke's 422, or 202 for a run of the bound
 * parameters, once per {@code Idempotency-Key}.
 */
public class RunSubmissionChecksLargeBodyTest {

    static final AtomicInteger EXECUTIONS = new AtomicInteger();

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Sum.class));

    /** {@code {"parameters": {"values": [1, 1, ...], ...}}} of about 200 KiB. */
    private static String body(String extra) {
        StringBuilder sb = new StringBuilder("{\"parameters\": {\"values\": [1");
        for (int i = 1; i < 100_000; i++) {
            sb.append(",1");
        }
        return sb.append("]").append(extra).append("}}").toString();
    }

    @Test
    void invalidLargeBodies() {
        int executions = EXECUTIONS.get();
        List<String> before = when().get("/runs").then().extract().path("runs.run_id");
        String unknown = body(", \"extra\": true");
        Response sync = given().contentType("application/json").body(unknown).post("/invoke");
        sync.then().statusCode(422)
                .body("detail[0].type", equalTo("extra_forbidden"))
                .body("detail[0].loc", contains("body", "parameters", "extra"));
        for (boolean runs : new boolean[] { true, false }) {
            var request = given().contentType("application/json").body(unknown);
            Response async = runs ? request.post("/runs") : request.header("Prefer", "respond-async").post("/invoke");
            assertThat(async.statusCode()).isEqualTo(422);
            assertThat(async.asString()).isEqualTo(sync.asString());
        }
        assertThat(EXECUTIONS.get()).isEqualTo(executions);
        List<String> after = when().get("/runs").then().statusCode(200).extract().path("runs.run_id");
        assertThat(after).isEqualTo(before);
    }

    @Test
    void validLargeBodiesRunOnce() {
        String valid = body("");
        int before = EXECUTIONS.get();
        String id = null;
        for (boolean runs : new boolean[] { true, false, true }) {
            var request = given().contentType("application/json").header("Idempotency-Key", "large").body(valid);
            Response async = runs ? request.post("/runs") : request.header("Prefer", "respond-async").post("/invoke");
            async.then().statusCode(202);
            if (id == null) {
                id = async.jsonPath().getString("run_id");
            }
            assertThat(async.jsonPath().getString("run_id")).isEqualTo(id);
        }
        when().get("/runs/" + id + "/result?wait=10").then().statusCode(200).body("outputs.output", equalTo(100_000));
        when().get("/runs/" + id).then().statusCode(200).body("parameters_used.values.size()", equalTo(100_000));
        assertThat(EXECUTIONS.get()).isEqualTo(before + 1);
        List<String> listed = when().get("/runs").then().extract().path("runs.run_id");
        assertThat(listed).containsOnlyOnce(id);
    }

    public static class Sum {
        @Pipeline
        public int sum(List<Integer> values) {
            EXECUTIONS.incrementAndGet();
            int sum = 0;
            for (int v : values) {
                sum += v;
            }
            return sum;
        }
    }
}
