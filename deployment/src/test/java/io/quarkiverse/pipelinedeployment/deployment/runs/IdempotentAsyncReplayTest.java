package io.quarkiverse.pipelinedeployment.deployment.runs;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.Pipeline;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.response.Response;

/**
 * A repeated asynchronous submission with the same {@code Idempotency-Key} and body gets 202 for the run of the first
 * one, with {@code Idempotent-Replayed: true}, while it runs and after it has ended; the pipeline runs once.
 */
public class IdempotentAsyncReplayTest {

    static final CountDownLatch RELEASE = new CountDownLatch(1);
    static final AtomicInteger EXECUTIONS = new AtomicInteger();
    static final String BODY = "{\"parameters\": {\"word\": \"once\"}}";

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Gated.class));

    private static Response submit(String path) {
        var request = given().contentType("application/json").header("Idempotency-Key", "order-42").body(BODY);
        if (path.equals("/invoke")) {
            request = request.header("Prefer", "respond-async");
        }
        return request.post(path);
    }

    @Test
    void oneRunForRepeatedSubmissions() {
        Response first = submit("/runs");
        first.then().statusCode(202)
                .header("Idempotent-Replayed", nullValue())
                .body("status", equalTo("queued"));
        String id = first.jsonPath().getString("run_id");

        for (String path : new String[] { "/runs", "/invoke", "/runs" }) {
            submit(path).then().statusCode(202)
                    .header("Idempotent-Replayed", "true")
                    .header("Location", "/runs/" + id)
                    .body("run_id", equalTo(id))
                    .body("run_name", equalTo(first.jsonPath().getString("run_name")))
                    .body("created", equalTo(first.jsonPath().getString("created")))
                    .body("links.self", equalTo("/runs/" + id));
        }

        RELEASE.countDown();
        when().get("/runs/" + id + "/result?wait=10").then().statusCode(200).body("outputs.output", equalTo("ONCE"));
        // After the end too: the same run, with its status now
        submit("/runs").then().statusCode(202)
                .header("Idempotent-Replayed", "true")
                .body("run_id", equalTo(id))
                .body("status", equalTo("completed"));
        submit("/invoke").then().statusCode(202)
                .header("Idempotent-Replayed", "true")
                .header("Preference-Applied", "respond-async")
                .body("run_id", equalTo(id));

        assertThat(EXECUTIONS.get()).isEqualTo(1);
        List<String> listed = when().get("/runs").then().statusCode(200).extract().path("runs.run_id");
        assertThat(listed).containsExactly(id);
        when().get("/info").then().body("total_executions", equalTo(1));
    }

    public static class Gated {
        @Pipeline
        public String gated(String word) throws InterruptedException {
            EXECUTIONS.incrementAndGet();
            if (!RELEASE.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
            return word.toUpperCase();
        }
    }
}
