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
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.quarkiverse.pipelinedeployment.Pipeline;
import io.quarkiverse.pipelinedeployment.RunContext;
import io.quarkiverse.pipelinedeployment.Step;
import io.quarkus.jackson.ObjectMapperCustomizer;
import io.quarkus.test.QuarkusUnitTest;
import io.quarkus.test.common.http.TestHTTPResource;

/**
 * An application whose {@code ObjectMapper} indents its output writes event data over several lines: each line is
 * sent as a {@code data:} line of the same event, so a client reads the whole JSON back (the lines joined by a line
 * feed), not its first line.
 */
public class PrettyPrintedEventDataTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Indented.class, Nested.class, Pretty.class, Sse.class,
                    Sse.Event.class, Events.class));

    @TestHTTPResource("/runs")
    URI runs;

    @Test
    void multiLineDataIsSentAsSeveralDataLines() throws Exception {
        String id = given().contentType("application/json").body("{\"parameters\": {\"word\": \"ab\"}}")
                .post("/runs").then().statusCode(202).extract().jsonPath().getString("run_id");
        String result = when().get("/runs/" + id + "/result?wait=20").then().statusCode(200).extract().asString();
        assertThat(result).as("the application indents its JSON").contains("\n");

        List<Sse.Event> events = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            try (Sse sse = Sse.get(URI.create(runs + "/" + id + "/events"), Map.of())) {
                return sse.all();
            }
        });
        assertDense(events);
        assertThat(kinds(events)).containsExactly("run_queued", "run_started", "step_started", "nested",
                "step_completed", "run_completed");
        assertThat(json(events.get(3)).get("inner").get("word").asText()).isEqualTo("ab");
        assertThat(json(events.get(2)).get("step").asText()).isEqualTo("publish");
        assertThat(events.get(5).data()).isEqualTo(result);
    }

    @Singleton
    public static class Pretty implements ObjectMapperCustomizer {
        @Override
        public void customize(ObjectMapper mapper) {
            mapper.enable(SerializationFeature.INDENT_OUTPUT);
        }
    }

    public record Nested(Map<String, String> inner, List<Integer> numbers) {
    }

    public static class Indented {

        @Inject
        RunContext run;

        @Step
        String publish(String word) {
            run.publish("nested", new Nested(Map.of("word", word), List.of(1, 2)));
            return word;
        }

        @Pipeline
        public String indented(String word) {
            return publish(word);
        }
    }
}
