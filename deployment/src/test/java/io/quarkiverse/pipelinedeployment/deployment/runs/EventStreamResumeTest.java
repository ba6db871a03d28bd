package io.quarkiverse.pipelinedeployment.deployment.runs;

import static io.quarkiverse.pipelinedeployment.deployment.runs.Events.ids;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;
import io.quarkus.test.common.http.TestHTTPResource;

/**
 * {@code Last-Event-ID: n} and {@code ?since=n} resume a run's event stream right after event {@code n}: the events
 * read before and after the reconnect are exactly 1..N, with no gap and no duplicate, also when the run published
 * more while the client was away and goes on after the reconnect. An id that is not a whole number of 0 or more gets
 * {@code 422}.
 */
public class EventStreamResumeTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Publisher.class, Sse.class, Sse.Event.class, Events.class))
            // No keepalive comes to the rescue: the answer's head must be sent before any event is
            .overrideRuntimeConfigKey("quarkus.pipeline.runs.keepalive-interval", "10m");

    @TestHTTPResource("/runs")
    URI runs;

    @Test
    void reconnectWithLastEventIdWhileTheRunGoesOn() throws Exception {
        reconnectWhileTheRunGoesOn("last-event-id", id -> Map.of("Last-Event-ID", Long.toString(id)), "");
    }

    @Test
    void reconnectWithSinceWhileTheRunGoesOn() throws Exception {
        reconnectWhileTheRunGoesOn("since", id -> Map.of(), "?since=");
    }

    @Test
    void lastEventIdWinsOverSince() throws Exception {
        // A browser's EventSource reconnects to the same URL (with its ?since) and sends Last-Event-ID
        String id = submit("header-wins");
        Publisher.publish("header-wins", 3);
        Publisher.finish("header-wins");
        List<Sse.Event> events = read(URI.create(runs + "/" + id + "/events?since=1"), Map.of("Last-Event-ID", "4"),
                Integer.MAX_VALUE);
        assertThat(ids(events)).containsExactly(5L, 6L);
        assertThat(events.get(1).kind()).isEqualTo("run_completed");
    }

    @Test
    void resumingAtTheLatestEventOfARunningRunAnswersAtOnce() throws Exception {
        String id = submit("latest");
        Publisher.publish("latest", 1);
        List<Sse.Event> events = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            // Nothing to replay after event 3: the status and headers still come now, not with the next event
            try (Sse sse = Sse.get(URI.create(runs + "/" + id + "/events"), Map.of("Last-Event-ID", "3"))) {
                assertThat(sse.response.statusCode()).isEqualTo(200);
                assertThat(sse.response.headers().firstValue("Content-Type")).hasValue("text/event-stream");
                Publisher.publish("latest", 1);
                List<Sse.Event> read = new ArrayList<>(sse.next(1));
                Publisher.finish("latest");
                read.addAll(sse.all());
                return read;
            }
        });
        assertThat(ids(events)).containsExactly(4L, 5L);
        assertThat(Events.kinds(events)).containsExactly("tick", "run_completed");
    }

    @Test
    void resumingAfterTheLastEventOfAnEndedRunGivesAnEmptyStreamThatEnds() throws Exception {
        String id = submit("after-last");
        Publisher.finish("after-last");
        given().get("/runs/" + id + "/result?wait=20").then().statusCode(200);
        // run_queued, run_started, run_completed
        assertThat(read(URI.create(runs + "/" + id + "/events?since=3"), Map.of(), Integer.MAX_VALUE)).isEmpty();
        assertThat(ids(read(URI.create(runs + "/" + id + "/events?since=2"), Map.of(), Integer.MAX_VALUE)))
                .containsExactly(3L);
        assertThat(ids(read(URI.create(runs + "/" + id + "/events?since=0"), Map.of(), Integer.MAX_VALUE)))
                .containsExactly(1L, 2L, 3L);
    }

    @Test
    void invalidResumePointsAre422() throws Exception {
        String id = submit("invalid");
        Publisher.finish("invalid");
        for (String since : new String[] { "abc", "-1", "1.5", "99999999999999999999" }) {
            given().queryParam("since", since).get("/runs/" + id + "/events").then().statusCode(422)
                    .contentType("application/json")
                    .body("detail", hasSize(1))
                    .body("detail[0].type", equalTo("type_error"))
                    .body("detail[0].loc", equalTo(List.of("query", "since")))
                    .body("detail[0].input", equalTo(since))
                    .body("detail[0].msg", equalTo("Input should be the id of an event: a whole number, 0 or more"));
        }
        given().header("Last-Event-ID", "x7").get("/runs/" + id + "/events").then().statusCode(422)
                .contentType("application/json")
                .body("detail", hasSize(1))
                .body("detail[0].type", equalTo("type_error"))
                .body("detail[0].loc", equalTo(List.of("header", "Last-Event-ID")))
                .body("detail[0].input", equalTo("x7"));
    }

    private void reconnectWhileTheRunGoesOn(String channel, LongFunction<Map<String, String>> headers,
            String query) throws Exception {
        String id = submit(channel);
        Publisher.publish(channel, 3);
        // run_queued 1, run_started 2, ticks 3..5: read 4 of them and go away
        List<Sse.Event> seen = new ArrayList<>(read(URI.create(runs + "/" + id + "/events"), Map.of(), 4));
        assertThat(ids(seen)).containsExactly(1L, 2L, 3L, 4L);
        // Published while the client is away: ticks 6..8
        Publisher.publish(channel, 3);

        long last = seen.get(seen.size() - 1).id();
        URI resume = URI.create(runs + "/" + id + "/events" + (query.isEmpty() ? "" : query + last));
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            try (Sse sse = Sse.get(resume, headers.apply(last))) {
                assertThat(sse.response.statusCode()).isEqualTo(200);
                // Replayed: 5..8
                seen.addAll(sse.next(4));
                // Live, after the reconnect: 9, 10, then the terminal event
                Publisher.publish(channel, 2);
                seen.addAll(sse.next(2));
                Publisher.finish(channel);
                seen.addAll(sse.all());
            }
        });

        assertThat(ids(seen)).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L);
        assertThat(Events.kinds(seen)).containsExactly("run_queued", "run_started", "tick", "tick",
                "tick", "tick", "tick", "tick", "tick", "tick", "run_completed");
        for (int n = 1; n <= 8; n++) {
            assertThat(Events.json(seen.get(n + 1)).get("n").asInt()).isEqualTo(n);
        }
    }

    private String submit(String channel) {
        return given().contentType("application/json")
                .body("{\"parameters\": {\"channel\": \"" + channel + "\", \"size\": 0}}").post("/runs")
                .then().statusCode(202).extract().jsonPath().getString("run_id");
    }

    /** Reads at most {@code count} events (all until the end for {@code MAX_VALUE}), then closes the connection. */
    private static List<Sse.Event> read(URI uri, Map<String, String> headers, int count) {
        return assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            try (Sse sse = Sse.get(uri, headers)) {
                assertThat(sse.response.statusCode()).isEqualTo(200);
                return sse.next(count);
            }
        });
    }
}
