package io.quarkiverse.pipelinedeployment.deployment.runs;

import static io.quarkiverse.pipelinedeployment.deployment.runs.Events.assertDense;
import static io.quarkiverse.pipelinedeployment.deployment.runs.Events.json;
import static io.quarkiverse.pipelinedeployment.deployment.runs.Events.kinds;
import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.pipelinedeployment.Pipeline;
import io.quarkiverse.pipelinedeployment.RunContext;
import io.quarkiverse.pipelinedeployment.Step;
import io.quarkus.test.QuarkusUnitTest;
import io.quarkus.test.common.http.TestHTTPResource;

/**
 * The events of a run: ids 1, 2, 3, ... with no gap, the built-in kinds in order (queued, started, each step's start
 * and end, one terminal event whose data is the envelope of {@code GET <runs>/<id>/result}), and the stream ends after
 * the terminal event, for a completed, a failed and a timed-out run.
 */
public class RunEventSequenceTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Flow.class, Sse.class, Sse.Event.class, Events.class));

    @TestHTTPResource("/runs")
    URI runs;

    @Test
    void aCompletedTwoStepRun() throws Exception {
        String id = submit("{\"parameters\": {\"word\": \"hi\", \"mode\": \"ok\"}}");
        List<Sse.Event> events = allEvents(id);

        assertDense(events);
        assertThat(kinds(events)).containsExactly("run_queued", "run_started", "step_started", "step_completed",
                "step_started", "step_completed", "run_completed");
        JsonNode queued = json(events.get(0));
        assertThat(queued.get("run_id").asText()).isEqualTo(id);
        assertThat(json(events.get(1)).get("started").asText()).endsWith("Z");
        assertThat(json(events.get(2)).get("step").asText()).isEqualTo("prepare");
        assertThat(json(events.get(2)).get("start").asText()).endsWith("Z");
        assertThat(json(events.get(3)).get("step").asText()).isEqualTo("prepare");
        assertThat(json(events.get(3)).get("duration").isNumber()).isTrue();
        assertThat(json(events.get(3)).has("error")).isFalse();
        assertThat(json(events.get(4)).get("step").asText()).isEqualTo("shout");
        assertThat(json(events.get(5)).get("step").asText()).isEqualTo("shout");

        String result = when().get("/runs/" + id + "/result").then().statusCode(200).extract().asString();
        assertThat(events.get(6).data()).isEqualTo(result);
        assertThat(json(events.get(6)).get("outputs").get("output").asText()).isEqualTo("HI!");
    }

    @Test
    void aFailingStep() throws Exception {
        String id = submit("{\"parameters\": {\"word\": \"hi\", \"mode\": \"fail\"}}");
        List<Sse.Event> events = allEvents(id);

        assertDense(events);
        assertThat(kinds(events)).containsExactly("run_queued", "run_started", "step_started", "step_completed",
                "step_started", "step_failed", "run_failed");
        JsonNode failed = json(events.get(5));
        assertThat(failed.get("step").asText()).isEqualTo("explode");
        assertThat(failed.get("duration").isNumber()).isTrue();
        assertThat(failed.get("error").asText()).isEqualTo("IllegalStateException: boom");

        String result = when().get("/runs/" + id + "/result").then().statusCode(200).extract().asString();
        assertThat(events.get(6).data()).isEqualTo(result);
        assertThat(json(events.get(6)).get("success").asBoolean()).isFalse();
    }

    @Test
    void aTimedOutRun() throws Exception {
        String id = submit("{\"parameters\": {\"word\": \"hi\", \"mode\": \"hang\"}, \"timeout\": 1}");
        List<Sse.Event> events = allEvents(id);

        assertDense(events);
        assertThat(kinds(events)).containsExactly("run_queued", "run_started", "step_started", "step_completed",
                "run_timed_out");
        String result = when().get("/runs/" + id + "/result").then().statusCode(504).extract().asString();
        assertThat(events.get(4).data()).isEqualTo(result);
    }

    @Test
    void aSynchronousInvocationIsFollowedAfterTheFact() throws Exception {
        String body = given().contentType("application/json")
                .body("{\"parameters\": {\"word\": \"yo\", \"mode\": \"ok\"}}").post("/invoke")
                .then().statusCode(200).extract().asString();
        String id = MAPPER.readTree(body).get("metadata").get("run_id").asText();
        List<Sse.Event> events = allEvents(id);

        assertDense(events);
        assertThat(kinds(events)).containsExactly("run_queued", "run_started", "step_started", "step_completed",
                "step_started", "step_completed", "run_completed");
        assertThat(events.get(6).data()).isEqualTo(body);
    }

    @Test
    void concurrentPublishersStillGiveDenseIds() throws Exception {
        String id = submit("{\"parameters\": {\"word\": \"hi\", \"mode\": \"fan-out\"}}");
        List<Sse.Event> events = allEvents(id);

        assertDense(events);
        // 4 threads x 50 events, each exactly once
        Set<String> published = new HashSet<>();
        for (Sse.Event event : events) {
            if (event.kind().equals("tick")) {
                assertThat(published.add(event.data())).as("duplicate %s", event.data()).isTrue();
            }
        }
        assertThat(published).hasSize(200);
        assertThat(kinds(events).get(events.size() - 1)).isEqualTo("run_completed");
    }

    private String submit(String body) {
        return given().contentType("application/json").body(body).post("/runs").then().statusCode(202)
                .extract().jsonPath().getString("run_id");
    }

    /** Every event of the run; the stream must end by itself after the terminal event. */
    private List<Sse.Event> allEvents(String id) {
        return assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            try (Sse sse = Sse.get(URI.create(runs + "/" + id + "/events"), Map.of())) {
                assertThat(sse.response.statusCode()).isEqualTo(200);
                assertThat(sse.response.headers().firstValue("Content-Type")).hasValue("text/event-stream");
                return sse.all();
            }
        });
    }

    public static class Flow {

        @Inject
        RunContext run;

        @Inject
        ManagedExecutor executor;

        @Step
        String prepare(String word) {
            return word.toUpperCase();
        }

        @Step
        String shout(String word) {
            return word + "!";
        }

        @Step
        String explode(String word) {
            throw new IllegalStateException("boom");
        }

        @Pipeline
        public String flow(String word, String mode) throws Exception {
            String prepared = prepare(word);
            switch (mode) {
                case "fail":
                    return explode(prepared);
                case "hang":
                    // Interrupted when the run times out
                    Thread.sleep(60_000);
                    return prepared;
                case "fan-out":
                    List<CompletableFuture<?>> all = new ArrayList<>();
                    for (int t = 0; t < 4; t++) {
                        int thread = t;
                        all.add(executor.runAsync(() -> {
                            for (int i = 0; i < 50; i++) {
                                run.publish("tick", thread + "-" + i);
                            }
                        }));
                    }
                    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get();
                    return prepared;
                default:
                    return shout(prepared);
            }
        }
    }
}
