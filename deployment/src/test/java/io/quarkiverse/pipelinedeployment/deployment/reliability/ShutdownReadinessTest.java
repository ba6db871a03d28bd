package io.quarkiverse.pipelinedeployment.deployment.reliability;

import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.pipelinedeployment.deployment.hooks.HookLog;
import io.quarkus.test.QuarkusProdModeTest;
import io.restassured.RestAssured;

/**
 * SIGTERM while a run is in flight, against the packaged application running as a process of its own: while the run
 * drains, readiness answers 503 with the pipeline's check DOWN and the reason in its data, and liveness stays UP.
 */
public class ShutdownReadinessTest {

    static final String LOG = SigtermApp.LOG;

    @RegisterExtension
    static final QuarkusProdModeTest config = SigtermApp.named("shutdown-readiness");

    @Test
    void readinessIsDownWhileRunsDrain() throws Exception {
        HookLog.reset(LOG);
        String base = "http://localhost:" + RestAssured.port;
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        CompletableFuture<HttpResponse<String>> inFlight = client.sendAsync(
                HttpRequest.newBuilder(URI.create(base + "/invoke")).timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"parameters\": {\"millis\": 6000}}")).build(),
                HttpResponse.BodyHandlers.ofString());
        await().atMost(20, TimeUnit.SECONDS).until(() -> HookLog.lines(LOG).contains("started"));
        assertThat(get(client, base + "/health/ready").statusCode()).isEqualTo(200);

        long pid = Long.parseLong(when().get("/pid").asString());
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
        assertThat(process.destroy()).as("SIGTERM sent").isTrue();

        ObjectMapper json = new ObjectMapper();
        AtomicReference<HttpResponse<String>> ready = new AtomicReference<>();
        // Probes still reach the application while the run drains (each answer says Connection: close)
        await().atMost(5, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    ready.set(get(client, base + "/health/ready"));
                    return ready.get().statusCode() == 503;
                });
        assertThat(HookLog.lines(LOG)).as("the run is still draining").doesNotContain("done");
        JsonNode readiness = json.readTree(ready.get().body());
        assertThat(readiness.get("status").asText()).isEqualTo("DOWN");
        JsonNode check = check(readiness, "sleep");
        assertThat(check.get("status").asText()).as(ready.get().body()).isEqualTo("DOWN");
        assertThat(check.at("/data/reason").asText()).isEqualTo("shutting down");
        assertThat(check.at("/data/pipeline_name").asText()).isEqualTo("sleep");
        assertThat(check.at("/data/deployment_id").asText()).matches("[0-9a-f-]{36}");

        HttpResponse<String> live = get(client, base + "/health/live");
        assertThat(live.statusCode()).as(live.body()).isEqualTo(200);
        JsonNode liveness = json.readTree(live.body());
        assertThat(liveness.get("status").asText()).isEqualTo("UP");
        assertThat(check(liveness, "sleep").get("status").asText()).isEqualTo("UP");

        HttpResponse<String> drained = inFlight.get(60, TimeUnit.SECONDS);
        assertThat(drained.statusCode()).as(drained.body()).isEqualTo(200);
        assertThat(process.onExit().get(60, TimeUnit.SECONDS).isAlive()).isFalse();
    }

    private static HttpResponse<String> get(HttpClient client, String uri) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode check(JsonNode health, String name) {
        for (JsonNode check : health.get("checks")) {
            if (check.get("name").asText().equals(name)) {
                return check;
            }
        }
        throw new AssertionError("No check named " + name + " in " + health);
    }
}
