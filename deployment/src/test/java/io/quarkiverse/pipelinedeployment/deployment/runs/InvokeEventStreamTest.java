package io.quarkiverse.pipelinedeployment.deployment.runs;

import static io.quarkiverse.pipelinedeployment.deployment.runs.Events.assertDense;
import static io.quarkiverse.pipelinedeployment.deployment.runs.Events.json;
import static io.quarkiverse.pipelinedeployment.deployment.runs.Events.kinds;
import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.Pipeline;
import io.quarkiverse.pipelinedeployment.Step;
import io.quarkus.test.QuarkusUnitTest;
import io.quarkus.test.common.http.TestHTTPResource;

/**
 * {@code POST <invoke>} with {@code Accept: text/event-stream} starts a run and answers with its event stream (and the
 * run's {@code Location}), in the format of {@code GET <runs>/<id>/events}; a request that is turned away before a run
 * exists gets the invoke's JSON error.
 */
public class InvokeEventStreamTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Twice.class, Sse.class, Sse.Event.class, Events.class));

    @TestHTTPResource("/invoke")
    URI invoke;

    @TestHTTPResource("/runs")
    URI runs;

    @Test
    void invokeStreamsTheRunsEvents() throws Exception {
        List<Sse.Event> events;
        String location;
        try (Sse sse = Sse.post(invoke, Map.of("Accept", "text/event-stream"),
                "{\"parameters\": {\"word\": \"ab\"}, \"run_name\": \"streamed\"}")) {
            assertThat(sse.response.statusCode()).isEqualTo(200);
            assertThat(sse.response.headers().firstValue("Content-Type")).hasValue("text/event-stream");
            location = sse.response.headers().firstValue("Location").orElseThrow();
            events = assertTimeoutPreemptively(Duration.ofSeconds(30), sse::all);
        }
        assertThat(location).matches("/runs/[0-9a-f-]{36}");
        String id = location.substring("/runs/".length());

        assertDense(events);
        assertThat(kinds(events)).containsExactly("run_queued", "run_started", "step_started", "step_completed",
                "step_started", "step_completed", "run_completed");
        assertThat(json(events.get(0)).get("run_id").asText()).isEqualTo(id);
        assertThat(json(events.get(0)).get("run_name").asText()).isEqualTo("streamed");
        String result = when().get(location + "/result").then().statusCode(200).extract().asString();
        assertThat(events.get(6).data()).isEqualTo(result);
        assertThat(json(events.get(6)).get("outputs").get("output").asText()).isEqualTo("abab!");

        // The same events as GET <runs>/<id>/events gives
        try (Sse again = Sse.get(URI.create(runs + "/" + id + "/events"), Map.of())) {
            assertThat(assertTimeoutPreemptively(Duration.ofSeconds(30), again::all)).isEqualTo(events);
        }
    }

    @Test
    void invalidRequestsGetTheJsonErrorBeforeARunExists() {
        int before = when().get("/runs").then().statusCode(200).extract().jsonPath().getList("runs").size();
        given().contentType("application/json").accept("text/event-stream")
                .body("{\"parameters\": {\"word\": 3, \"extra\": 1}}").post("/invoke")
                .then().statusCode(422).contentType("application/json")
                .body("detail.loc", hasItems(List.of("body", "parameters", "word"),
                        List.of("body", "parameters", "extra")))
                .body("detail.type", hasItems("type_error", "extra_forbidden"));
        given().contentType("application/json").accept("text/event-stream").body("{").post("/invoke")
                .then().statusCode(422).contentType("application/json")
                .body("detail[0].type", equalTo("json_invalid"));
        when().get("/runs").then().statusCode(200).body("runs.size()", equalTo(before));
    }

    public static class Twice {
        @Step
        String twice(String word) {
            return word + word;
        }

        @Step
        String bang(String word) {
            return word + "!";
        }

        @Pipeline
        public String streamed(String word) {
            return bang(twice(word));
        }
    }
}
