package io.quarkiverse.pipelinedeployment.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Helpers shared by the deployment tests.
 */
public final class PipelineTests {

    private PipelineTests() {
    }

    /** POSTs {@code {"parameters": parameters}} as JSON to {@code path}. */
    public static ValidatableResponse invoke(String path, Map<String, ?> parameters) {
        return RestAssured.given().contentType(ContentType.JSON).body(Map.of("parameters", parameters))
                .when().post(path).then();
    }

    /**
     * The value of a pipeline's meter in a Prometheus scrape, e.g. {@code pipeline_pool_threads_busy} of pipeline
     * {@code sleep}; {@code NaN} when the scrape does not have it.
     */
    public static double metric(String scrape, String name, String pipeline) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^" + java.util.regex.Pattern.quote(name)
                + "\\{pipeline=\"" + java.util.regex.Pattern.quote(pipeline) + "\",?} (\\S+)$").matcher(scrape);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    /** POSTs a raw JSON body to {@code path}. */
    public static ValidatableResponse invokeRaw(String path, String body) {
        return RestAssured.given().contentType(ContentType.JSON).body(body).when().post(path).then();
    }

    /**
     * Sends {@code count} invocations at once, {@code {"parameters": {"count": 1 + i % 5}}}, to a pipeline that calls
     * its {@code tick} step {@code count} times and returns {@code {"thread": ..., "count": ...}}; checks that each
     * gets its own run id and exactly its own steps, and that it ran on a thread named {@code threadPrefix...}.
     *
     * @return the names of the threads the runs ran on
     */
    public static Set<String> assertConcurrentRuns(URI invoke, int count, String threadPrefix) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        ObjectMapper json = new ObjectMapper();
        List<CompletableFuture<HttpResponse<String>>> pending = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            HttpRequest request = HttpRequest.newBuilder(invoke).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"parameters\": {\"count\": " + (1 + i % 5) + "}}"))
                    .build();
            pending.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }
        Set<String> runIds = new HashSet<>();
        Set<String> threads = new HashSet<>();
        for (int i = 0; i < count; i++) {
            HttpResponse<String> response = pending.get(i).get(60, TimeUnit.SECONDS);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode body = json.readTree(response.body());
            int expectedSteps = 1 + i % 5;
            assertThat(body.get("success").asBoolean()).as(response.body()).isTrue();
            assertThat(body.at("/outputs/output/count").asInt()).isEqualTo(expectedSteps);
            JsonNode steps = body.at("/metadata/steps");
            assertThat(steps.size()).as("steps of run %d: %s", i, steps).isEqualTo(expectedSteps);
            for (JsonNode step : steps) {
                assertThat(step.get("name").asText()).isEqualTo("tick");
                assertThat(step.get("status").asText()).isEqualTo("completed");
            }
            runIds.add(body.at("/metadata/run_id").asText());
            String thread = body.at("/outputs/output/thread").asText();
            assertThat(thread).startsWith(threadPrefix);
            threads.add(thread);
        }
        assertThat(runIds).hasSize(count);
        return threads;
    }
}
