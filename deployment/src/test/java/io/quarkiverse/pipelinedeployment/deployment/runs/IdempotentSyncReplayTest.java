package io.quarkiverse.pipelinedeployment.deployment.runs;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.Pipeline;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.response.Response;

/**
 * A repeated synchronous invoke with the same {@code Idempotency-Key} and body: 409 while the first one runs, then the
 * first one's status and body, byte for byte (a 200 and a 504 alike); the pipeline runs once per key.
 */
public class IdempotentSyncReplayTest {

    static final CountDownLatch STARTED = new CountDownLatch(1);
    static final CountDownLatch RELEASE = new CountDownLatch(1);
    static final CountDownLatch NEVER = new CountDownLatch(1);
    static final AtomicInteger EXECUTIONS = new AtomicInteger();

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Gated.class));

    private static Response invoke(String key, String body) {
        return given().contentType("application/json").header("Idempotency-Key", key).body(body).post("/invoke");
    }

    @Test
    void inProgressThenTheSameAnswer() throws Exception {
        String body = "{\"parameters\": {\"word\": \"wait\"}, \"run_name\": \"sync-replay\"}";
        int before = EXECUTIONS.get();
        CompletableFuture<Response> first = CompletableFuture.supplyAsync(() -> invoke("sync-1", body));
        assertThat(STARTED.await(10, TimeUnit.SECONDS)).isTrue();
        try {
            invoke("sync-1", body).then().statusCode(409)
                    .contentType("application/json")
                    .body("detail", equalTo("A request with this Idempotency-Key is still in progress"));
        } finally {
            RELEASE.countDown();
        }
        Response answered = first.get(20, TimeUnit.SECONDS);
        assertThat(answered.statusCode()).isEqualTo(200);
        assertThat(answered.jsonPath().getString("outputs.output")).isEqualTo("WAIT");

        Response replayed = invoke("sync-1", body);
        assertThat(replayed.statusCode()).isEqualTo(200);
        assertThat(replayed.asByteArray()).isEqualTo(answered.asByteArray());
        assertThat(EXECUTIONS.get()).isEqualTo(before + 1);
        List<String> listed = when().get("/runs").then().statusCode(200).extract().path("runs.run_id");
        assertThat(listed).containsOnlyOnce(answered.jsonPath().getString("metadata.run_id"));
    }

    @Test
    void aTimedOutAnswerIsReplayedToo() {
        String body = "{\"parameters\": {\"word\": \"slow\"}, \"timeout\": 0.3}";
        int before = EXECUTIONS.get();
        Response answered = invoke("sync-timeout", body);
        assertThat(answered.statusCode()).isEqualTo(504);
        assertThat(answered.jsonPath().getBoolean("success")).isFalse();
        Response replayed = invoke("sync-timeout", body);
        assertThat(replayed.statusCode()).isEqualTo(504);
        assertThat(replayed.asByteArray()).isEqualTo(answered.asByteArray());
        assertThat(EXECUTIONS.get()).isEqualTo(before + 1);
    }

    public static class Gated {
        @Pipeline
        public String gated(String word) throws InterruptedException {
            EXECUTIONS.incrementAndGet();
            if (word.equals("slow")) {
                // Outlasts its timeout, then ends when it is interrupted
                NEVER.await(30, TimeUnit.SECONDS);
            }
            STARTED.countDown();
            if (!RELEASE.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
            return word.toUpperCase();
        }
    }
}
