package io.quarkiverse.pipelinedeployment.deployment.runs;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.Pipeline;
import io.quarkiverse.pipelinedeployment.Step;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.response.Response;

/**
 * {@code POST <runs>} and {@code POST <invoke>} with {@code Prefer: respond-async} answer 202 with the run's links at
 * once; the record follows the run from queued to completed, and the result is the envelope the synchronous invoke
 * gives.
 */
public class AsyncSubmissionTest {

    static final CountDownLatch RELEASE = new CountDownLatch(1);

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Gated.class));

    @Test
    void submitThenFollowTheRecordToTheResult() {
        Response submitted = given().contentType("application/json")
                .body("{\"parameters\": {\"word\": \"hello\"}, \"run_name\": \"first\"}")
                .post("/runs");
        submitted.then().statusCode(202)
                .header("Location", startsWith("/runs/"))
                .header("Preference-Applied", nullValue())
                .body("run_name", equalTo("first"))
                .body("status", equalTo("queued"));
        String id = submitted.jsonPath().getString("run_id");
        assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(submitted.header("Location")).isEqualTo("/runs/" + id);
        assertThat(submitted.jsonPath().getString("links.self")).isEqualTo("/runs/" + id);
        assertThat(submitted.jsonPath().getString("links.result")).isEqualTo("/runs/" + id + "/result");
        assertThat(submitted.jsonPath().getString("links.events")).isEqualTo("/runs/" + id + "/events");
        assertThat(submitted.jsonPath().getString("links.cancel")).isEqualTo("/runs/" + id + "/cancel");

        // Not finished: 202 with the record and Retry-After
        when().get("/runs/" + id + "/result").then().statusCode(202).header("Retry-After", "1")
                .body("run_id", equalTo(id))
                .body("status", equalTo("running"));
        when().get("/runs/" + id).then().statusCode(200)
                .body("run_id", equalTo(id))
                .body("run_name", equalTo("first"))
                .body("pipeline_name", equalTo("gated"))
                .body("source", equalTo("http"))
                .body("status", equalTo("running"))
                .body("parameters_used.word", equalTo("hello"))
                .body("outputs", nullValue())
                .body("finished", nullValue())
                .body("cancel_requested", equalTo(false));

        RELEASE.countDown();
        Response result = when().get("/runs/" + id + "/result?wait=10");
        result.then().statusCode(200)
                .body("success", equalTo(true))
                .body("outputs.output", equalTo("HELLO"))
                .body("metadata.run_id", equalTo(id))
                .body("metadata.steps[0].name", equalTo("upper"));
        when().get("/runs/" + id).then().statusCode(200)
                .body("status", equalTo("completed"))
                .body("outputs.output", equalTo("HELLO"))
                .body("steps[0].status", equalTo("completed"))
                .body("error", nullValue());
    }

    @Test
    void preferRespondAsyncOnInvoke() {
        RELEASE.countDown();
        Response submitted = given().contentType("application/json").header("Prefer", "respond-async, wait=5")
                .body("{\"parameters\": {\"word\": \"x\"}}")
                .post("/invoke");
        submitted.then().statusCode(202)
                .header("Preference-Applied", "respond-async")
                .body("status", equalTo("queued"));
        String id = submitted.jsonPath().getString("run_id");
        when().get("/runs/" + id + "/result?wait=10").then().statusCode(200).body("outputs.output", equalTo("X"));
    }

    @Test
    void theResultIsByteForByteTheSynchronousAnswer() {
        RELEASE.countDown();
        Response sync = given().contentType("application/json").body("{\"parameters\": {\"word\": \"same\"}}")
                .post("/invoke");
        sync.then().statusCode(200);
        String id = sync.jsonPath().getString("metadata.run_id");
        byte[] recorded = when().get("/runs/" + id + "/result").then().statusCode(200).extract().asByteArray();
        assertThat(new String(recorded)).isEqualTo(sync.asString());
    }

    @Test
    void unknownRunsAre404() {
        for (String path : new String[] { "/runs/nope", "/runs/nope/result", "/runs/nope/events" }) {
            when().get(path).then().statusCode(404).body("detail", equalTo("Run not found"));
        }
        given().post("/runs/nope/cancel").then().statusCode(404).body("detail", equalTo("Run not found"));
        given().delete("/runs/nope").then().statusCode(404).body("detail", equalTo("Run not found"));
    }

    public static class Gated {
        @Step
        String upper(String word) {
            return word.toUpperCase();
        }

        @Pipeline
        public String gated(String word) throws InterruptedException {
            if (!RELEASE.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
            return upper(word);
        }
    }
}
