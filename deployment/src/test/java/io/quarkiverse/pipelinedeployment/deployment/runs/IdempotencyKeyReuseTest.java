package io.quarkiverse.pipelinedeployment.deployment.runs;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.Pipeline;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.response.Response;

/**
 * An {@code Idempotency-Key} sent again with a different body gets 422, on {@code POST <runs>} and on the synchronous
 * and asynchronous {@code POST <invoke>}; nothing runs for it, and the key still maps to its first run.
 */
public class IdempotencyKeyReuseTest {

    static final AtomicInteger EXECUTIONS = new AtomicInteger();
    static final String REUSED = "{\"detail\":\"Idempotency-Key was used with a different request\"}";

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Echo.class));

    @Test
    void aDifferentBodyIs422() {
        Response first = given().contentType("application/json").header("Idempotency-Key", "reuse-1")
                .body("{\"parameters\": {\"word\": \"a\"}}").post("/runs");
        first.then().statusCode(202);
        String id = first.jsonPath().getString("run_id");
        when().get("/runs/" + id + "/result?wait=10").then().statusCode(200);

        for (String other : new String[] { "{\"parameters\": {\"word\": \"b\"}}",
                "{\"parameters\": {\"word\": \"a\"}, \"run_name\": \"renamed\"}" }) {
            Response viaRuns = given().contentType("application/json").header("Idempotency-Key", "reuse-1")
                    .body(other).post("/runs");
            assertThat(viaRuns.statusCode()).isEqualTo(422);
            assertThat(viaRuns.asString()).isEqualTo(REUSED);
            assertThat(viaRuns.header("Location")).isNull();
            Response viaInvoke = given().contentType("application/json").header("Idempotency-Key", "reuse-1")
                    .body(other).post("/invoke");
            assertThat(viaInvoke.statusCode()).isEqualTo(422);
            assertThat(viaInvoke.asString()).isEqualTo(REUSED);
            given().contentType("application/json").header("Idempotency-Key", "reuse-1")
                    .header("Prefer", "respond-async").body(other).post("/invoke").then()
                    .statusCode(422)
                    .header("Preference-Applied", nullValue())
                    .body("detail", equalTo("Idempotency-Key was used with a different request"));
        }

        // The key still maps to the first run
        given().contentType("application/json").header("Idempotency-Key", "reuse-1")
                .body("{\"parameters\": {\"word\": \"a\"}}").post("/runs").then()
                .statusCode(202)
                .header("Idempotent-Replayed", "true")
                .body("run_id", equalTo(id));
        assertThat(EXECUTIONS.get()).isEqualTo(1);
        List<String> listed = when().get("/runs").then().statusCode(200).extract().path("runs.run_id");
        assertThat(listed).containsExactly(id);
    }

    public static class Echo {
        @Pipeline
        public String echo(String word) {
            EXECUTIONS.incrementAndGet();
            return word;
        }
    }
}
