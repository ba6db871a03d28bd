package io.quarkiverse.pipelinedeployment.deployment.runs;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.Pipeline;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.response.Response;

/**
 * A submission turned away before a run exists (422 for its parameters, 503 for a full queue) does not keep its
 * {@code Idempotency-Key}: a retry with the same key runs.
 */
public class IdempotencyKeyFreedAfterRejectionTest {

    static final CountDownLatch STARTED = new CountDownLatch(1);
    static final CountDownLatch RELEASE = new CountDownLatch(1);
    static final AtomicInteger EXECUTIONS = new AtomicInteger();

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Held.class))
            .overrideRuntimeConfigKey("quarkus.pipeline.thread-pool-size", "1")
            .overrideRuntimeConfigKey("quarkus.pipeline.max-queued-invocations", "0");

    private static Response post(String path, String key, String body) {
        return given().contentType("application/json").header("Idempotency-Key", key).body(body).post(path);
    }

    /**
     * POSTs until the single invocation thread takes the request: a run that has just ended may still hold it for a
     * moment, and a 503 keeps no key.
     */
    private static Response whenFree(String path, String key, String body) {
        AtomicReference<Response> answer = new AtomicReference<>();
        await().atMost(10, TimeUnit.SECONDS).until(() -> {
            answer.set(post(path, key, body));
            return answer.get().statusCode() != 503;
        });
        return answer.get();
    }

    @Test
    void afterA422() {
        int executions = EXECUTIONS.get();
        for (String path : new String[] { "/runs", "/invoke" }) {
            String key = "after-422" + path;
            post(path, key, "{\"parameters\": {\"word\": 5, \"hold\": false}}").then().statusCode(422)
                    .body("detail[0].loc[2]", equalTo("word"));
            // The same bad request again: the same 422, not a replay
            post(path, key, "{\"parameters\": {\"word\": 5, \"hold\": false}}").then().statusCode(422)
                    .body("detail[0].loc[2]", equalTo("word"));
            // The corrected request: not "used with a different request"
            Response retried = whenFree(path, key, "{\"parameters\": {\"word\": \"five\", \"hold\": false}}");
            retried.then().statusCode(path.equals("/runs") ? 202 : 200).header("Idempotent-Replayed", nullValue());
        }
        assertThat(EXECUTIONS.get()).isEqualTo(executions + 2);
    }

    @Test
    void afterA503() throws InterruptedException {
        Response held = whenFree("/runs", "held", "{\"parameters\": {\"word\": \"h\", \"hold\": true}}");
        held.then().statusCode(202);
        String heldId = held.jsonPath().getString("run_id");
        assertThat(STARTED.await(10, TimeUnit.SECONDS)).isTrue();
        String body = "{\"parameters\": {\"word\": \"later\", \"hold\": false}}";
        int executions;
        try {
            executions = EXECUTIONS.get();
            post("/runs", "after-503", body).then().statusCode(503).header("Retry-After", notNullValue());
            post("/invoke", "after-503-sync", body).then().statusCode(503);
        } finally {
            RELEASE.countDown();
        }
        when().get("/runs/" + heldId + "/result?wait=10").then().statusCode(200);

        Response retried = whenFree("/runs", "after-503", body);
        retried.then().statusCode(202).header("Idempotent-Replayed", nullValue());
        String id = retried.jsonPath().getString("run_id");
        when().get("/runs/" + id + "/result?wait=10").then().statusCode(200).body("outputs.output", equalTo("later"));
        whenFree("/invoke", "after-503-sync", body).then().statusCode(200).header("Idempotent-Replayed", nullValue())
                .body("outputs.output", equalTo("later"));
        assertThat(EXECUTIONS.get()).isEqualTo(executions + 2);
        List<String> listed = when().get("/runs").then().extract().path("runs.run_id");
        assertThat(listed).contains(id, heldId);
    }

    public static class Held {
        @Pipeline
        public String held(String word, boolean hold) throws InterruptedException {
            EXECUTIONS.incrementAndGet();
            if (hold) {
                STARTED.countDown();
                if (!RELEASE.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("never released");
                }
            }
            return word;
        }
    }
}
