package io.quarkiverse.pipelinedeployment.deployment.runs;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.Pipeline;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.response.Response;

/**
 * An {@code Idempotency-Key} maps to one run whichever submission used it: a key of a synchronous
 * {@code POST <invoke>} replays on {@code POST <runs>}, and a key of {@code POST <runs>} answers a synchronous
 * {@code POST <invoke>} (409 while the run goes on, then its envelope).
 */
public class IdempotencyAcrossEndpointsTest {

    static final CountDownLatch RELEASE = new CountDownLatch(1);
    static final AtomicInteger EXECUTIONS = new AtomicInteger();

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Gated.class));

    private static Response post(String path, String key, String body) {
        return given().contentType("application/json").header("Idempotency-Key", key).body(body).post(path);
    }

    @Test
    void invokeThenRuns() {
        String body = "{\"parameters\": {\"word\": \"sync-first\"}}";
        int before = EXECUTIONS.get();
        Response sync = post("/invoke", "across-1", body);
        sync.then().statusCode(200).body("outputs.output", equalTo("SYNC-FIRST"));
        String id = sync.jsonPath().getString("metadata.run_id");
        post("/runs", "across-1", body).then().statusCode(202)
                .header("Idempotent-Replayed", "true")
                .header("Location", "/runs/" + id)
                .body("run_id", equalTo(id))
                .body("status", equalTo("completed"));
        given().contentType("application/json").header("Idempotency-Key", "across-1").header("Prefer", "respond-async")
                .body(body).post("/invoke").then().statusCode(202)
                .header("Idempotent-Replayed", "true")
                .body("run_id", equalTo(id));
        assertThat(EXECUTIONS.get()).isEqualTo(before + 1);
    }

    @Test
    void runsThenInvoke() {
        String body = "{\"parameters\": {\"word\": \"gated\"}}";
        int before = EXECUTIONS.get();
        Response submitted = post("/runs", "across-2", body);
        submitted.then().statusCode(202);
        String id = submitted.jsonPath().getString("run_id");
        try {
            post("/invoke", "across-2", body).then().statusCode(409)
                    .body("detail", equalTo("A request with this Idempotency-Key is still in progress"));
        } finally {
            RELEASE.countDown();
        }
        byte[] result = when().get("/runs/" + id + "/result?wait=10").then().statusCode(200).extract().asByteArray();
        Response sync = post("/invoke", "across-2", body);
        assertThat(sync.statusCode()).isEqualTo(200);
        assertThat(sync.asByteArray()).isEqualTo(result);
        assertThat(sync.jsonPath().getString("metadata.run_id")).isEqualTo(id);
        assertThat(EXECUTIONS.get()).isEqualTo(before + 1);
    }

    public static class Gated {
        @Pipeline
        public String gated(String word) throws InterruptedException {
            EXECUTIONS.incrementAndGet();
            if (word.equals("gated") && !RELEASE.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
            return word.toUpperCase();
        }
    }
}
