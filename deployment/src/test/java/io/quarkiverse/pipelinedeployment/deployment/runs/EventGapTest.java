package io.quarkiverse.pipelinedeployment.deployment.runs;

import static io.quarkiverse.pipelinedeployment.deployment.runs.Events.ids;
import static io.quarkiverse.pipelinedeployment.deployment.runs.Events.kinds;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;
import io.quarkus.test.common.http.TestHTTPResource;

/**
 * With {@code runs.max-events=5}, a client resuming from an event that is no longer retained first gets a {@code gap}
 * event without an id, {@code {"first_available": m}}, then the events from {@code m} on; one resuming from a retained
 * event gets no gap.
 */
public class EventGapTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Publisher.class, Sse.class, Sse.Event.class, Events.class))
            .overrideRuntimeConfigKey("quarkus.pipeline.runs.max-events", "5");

    @TestHTTPResource("/runs")
    URI runs;

    @Test
    void resumingFromADroppedEventOfAnEndedRun() throws Exception {
        String id = submit("ended");
        // run_queued 1, run_started 2, ticks 3..12, run_completed 13: 9..13 are retained
        Publisher.publish("ended", 10);
        Publisher.finish("ended");
        given().get("/runs/" + id + "/result?wait=20").then().statusCode(200);

        for (Map<String, String> headers : List.of(Map.<String, String> of(), Map.of("Last-Event-ID", "3"))) {
            List<Sse.Event> events = read(URI.create(runs + "/" + id + "/events"), headers);
            assertThat(events.get(0)).isEqualTo(new Sse.Event(null, "gap", "{\"first_available\":9}"));
            assertThat(ids(events.subList(1, events.size()))).containsExactly(9L, 10L, 11L, 12L, 13L);
            assertThat(events.get(events.size() - 1).kind()).isEqualTo("run_completed");
        }
        List<Sse.Event> afterSeven = read(URI.create(runs + "/" + id + "/events?since=7"), Map.of());
        assertThat(afterSeven.get(0)).isEqualTo(new Sse.Event(null, "gap", "{\"first_available\":9}"));
        assertThat(ids(afterSeven.subList(1, afterSeven.size()))).containsExactly(9L, 10L, 11L, 12L, 13L);

        // Event 9 is the first retained: resuming after 8 misses nothing
        List<Sse.Event> afterEight = read(URI.create(runs + "/" + id + "/events?since=8"), Map.of());
        assertThat(ids(afterEight)).containsExactly(9L, 10L, 11L, 12L, 13L);
    }

    @Test
    void resumingFromADroppedEventWhileTheRunGoesOn() throws Exception {
        String id = submit("running");
        // run_queued 1, run_started 2, ticks 3..10: 6..10 are retained
        Publisher.publish("running", 8);
        List<Sse.Event> events = new ArrayList<>();
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            try (Sse sse = Sse.get(URI.create(runs + "/" + id + "/events"), Map.of("Last-Event-ID", "2"))) {
                events.addAll(sse.next(6));
                Publisher.publish("running", 2);
                events.addAll(sse.next(2));
                Publisher.finish("running");
                events.addAll(sse.all());
            }
        });
        assertThat(events.get(0)).isEqualTo(new Sse.Event(null, "gap", "{\"first_available\":6}"));
        assertThat(ids(events.subList(1, events.size()))).containsExactly(6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L);
        assertThat(kinds(events.subList(1, events.size()))).containsExactly("tick", "tick", "tick", "tick", "tick",
                "tick", "tick", "run_completed");
    }

    private String submit(String channel) {
        return given().contentType("application/json")
                .body("{\"parameters\": {\"channel\": \"" + channel + "\", \"size\": 0}}").post("/runs")
                .then().statusCode(202).extract().jsonPath().getString("run_id");
    }

    private static List<Sse.Event> read(URI uri, Map<String, String> headers) {
        return assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            try (Sse sse = Sse.get(uri, headers)) {
                assertThat(sse.response.statusCode()).isEqualTo(200);
                return sse.all();
            }
        });
    }
}
