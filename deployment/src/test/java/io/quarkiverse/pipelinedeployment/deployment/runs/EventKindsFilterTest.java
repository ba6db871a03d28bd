package io.quarkiverse.pipelinedeployment.deployment.runs;

import static io.quarkiverse.pipelinedeployment.deployment.runs.Events.ids;
import static io.quarkiverse.pipelinedeployment.deployment.runs.Events.kinds;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;
import io.quarkus.test.common.http.TestHTTPResource;

/**
 * {@code ?kinds=a,b} sends only the events of those kinds, keeping their ids; a {@code gap} is always sent; the stream
 * still ends after the terminal event, also when the terminal event is filtered out. The answer's status and headers
 * come at once, also when no event of those kinds has come yet.
 */
public class EventKindsFilterTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Publisher.class, Sse.class, Sse.Event.class, Events.class))
            .overrideRuntimeConfigKey("quarkus.pipeline.runs.max-events", "6")
            // No keepalive comes to the rescue: the answer's head must be sent before any event is
            .overrideRuntimeConfigKey("quarkus.pipeline.runs.keepalive-interval", "10m");

    @TestHTTPResource("/runs")
    URI runs;

    @Test
    void onlyTheNamedKinds() throws Exception {
        String id = submit("named");
        // run_queued 1, run_started 2, ticks 3..4, run_completed 5
        Publisher.publish("named", 2);
        Publisher.finish("named");
        given().get("/runs/" + id + "/result?wait=20").then().statusCode(200);

        List<Sse.Event> ticks = read(id, "?kinds=tick");
        assertThat(ids(ticks)).containsExactly(3L, 4L);
        assertThat(kinds(ticks)).containsExactly("tick", "tick");

        List<Sse.Event> some = read(id, "?kinds=run_started,%20run_completed,");
        assertThat(ids(some)).containsExactly(2L, 5L);
        assertThat(kinds(some)).containsExactly("run_started", "run_completed");

        assertThat(read(id, "?kinds=nothing-of-that-kind")).isEmpty();
    }

    @Test
    void theFilteredStreamOfALiveRunEndsWithTheRun() throws Exception {
        String id = submit("live");
        List<Sse.Event> ticks = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            try (Sse sse = Sse.get(URI.create(runs + "/" + id + "/events?kinds=tick"), Map.of())) {
                Publisher.publish("live", 1);
                Sse.Event first = sse.next();
                Publisher.publish("live", 1);
                Publisher.finish("live");
                List<Sse.Event> rest = sse.all();
                rest.add(0, first);
                return rest;
            }
        });
        assertThat(ids(ticks)).containsExactly(3L, 4L);
    }

    @Test
    void aGapIsAlwaysSent() throws Exception {
        String id = submit("gap");
        // run_queued 1, run_started 2, ticks 3..12, run_completed 13: 8..13 are retained
        Publisher.publish("gap", 10);
        Publisher.finish("gap");
        given().get("/runs/" + id + "/result?wait=20").then().statusCode(200);

        List<Sse.Event> events = read(id, "?kinds=run_completed&since=3");
        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isEqualTo(new Sse.Event(null, "gap", "{\"first_available\":8}"));
        assertThat(events.get(1).id()).isEqualTo(13L);
        assertThat(events.get(1).kind()).isEqualTo("run_completed");
    }

    private String submit(String channel) {
        return given().contentType("application/json")
                .body("{\"parameters\": {\"channel\": \"" + channel + "\", \"size\": 0}}").post("/runs")
                .then().statusCode(202).extract().jsonPath().getString("run_id");
    }

    private List<Sse.Event> read(String id, String query) {
        return assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            try (Sse sse = Sse.get(URI.create(runs + "/" + id + "/events" + query), Map.of())) {
                assertThat(sse.response.statusCode()).isEqualTo(200);
                return sse.all();
            }
        });
    }
}
