package io.quarkiverse.pipelinedeployment.deployment.runs;

import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.net.URL;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.Pipeline;
import io.quarkiverse.pipelinedeployment.RunContext;
import io.quarkus.test.QuarkusUnitTest;
import io.quarkus.test.common.http.TestHTTPResource;

/**
 * {@code runs.max-events=5}: a run that publishes 20 events of its own (23 events with {@code run_queued},
 * {@code run_started} and {@code run_completed}) keeps only its last 5. Reading from the start gives a {@code gap}
 * to the first one kept, then those 5, the terminal event last.
 */
public class BoundsMaxEventsTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Chatty.class, RunCalls.class, Sse.class))
            .overrideRuntimeConfigKey("quarkus.pipeline.runs.max-events", "5");

    @TestHTTPResource("/")
    URL root;

    @Test
    void aRunKeepsAtMostMaxEvents() throws Exception {
        String id = RunCalls.submit("{\"count\": 20}");
        when().get("/runs/" + id + "/result?wait=10").then().statusCode(200).body("outputs.output", equalTo(20));

        List<Sse.Event> events;
        try (Sse sse = Sse.get(URI.create(root + "runs/" + id + "/events?since=0"), Map.of())) {
            events = sse.all();
        }
        assertThat(events).hasSize(6);
        Sse.Event gap = events.get(0);
        assertThat(gap.kind()).isEqualTo("gap");
        assertThat(gap.id()).as("a gap has no id").isNull();
        assertThat(RunCalls.json(gap.data()).get("first_available").asLong()).isEqualTo(19);
        List<Sse.Event> kept = events.subList(1, 6);
        assertThat(kept).extracting(Sse.Event::id).containsExactly(19L, 20L, 21L, 22L, 23L);
        assertThat(RunCalls.kinds(kept)).containsExactly("tick", "tick", "tick", "tick", "run_completed");
        assertThat(RunCalls.json(kept.get(3).data()).asInt()).isEqualTo(20);

        // The events kept do not depend on how the stream is read
        try (Sse sse = Sse.get(URI.create(root + "runs/" + id + "/events"), Map.of("Last-Event-ID", "20"))) {
            assertThat(sse.all()).extracting(Sse.Event::id).containsExactly(21L, 22L, 23L);
        }
    }

    @ApplicationScoped
    public static class Chatty {

        @Inject
        RunContext run;

        @Pipeline
        public int chatty(int count) {
            for (int i = 1; i <= count; i++) {
                run.publish("tick", i);
            }
            return count;
        }
    }
}
