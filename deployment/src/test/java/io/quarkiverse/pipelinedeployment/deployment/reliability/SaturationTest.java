package io.quarkiverse.pipelinedeployment.deployment.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.deployment.PipelineTests;
import io.quarkiverse.pipelinedeployment.deployment.pipelines.SlowPipeline;
import io.quarkus.test.QuarkusUnitTest;
import io.quarkus.test.common.http.TestHTTPResource;

/**
 * Backpressure: with two invocation threads and two queue places, 20 concurrent one-second invocations get only 200s
 * and 503s, each 503 with {@code Retry-After}; health answers in under 200 ms all along; the rejections are counted.
 */
public class SaturationTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(SlowPipeline.class, PipelineTests.class))
            .overrideRuntimeConfigKey("quarkus.pipeline.thread-pool-size", "2")
            .overrideRuntimeConfigKey("quarkus.pipeline.max-queued-invocations", "2");

    @TestHTTPResource("/invoke")
    URI invoke;

    @TestHTTPResource("/health")
    URI health;

    @TestHTTPResource("/metrics")
    URI metrics;

    @Test
    void onlyOkOrServiceUnavailable() throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpClient healthClient = HttpClient.newHttpClient();
        // warm the health connection
        assertThat(healthClient.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(200);
        List<CompletableFuture<HttpResponse<String>>> pending = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            pending.add(client.sendAsync(HttpRequest.newBuilder(invoke).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"parameters\": {\"millis\": 3000}}")).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        long slowestHealth = 0;
        while (!CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).isDone()) {
            long start = System.nanoTime();
            HttpResponse<String> h = healthClient.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(h.statusCode()).isEqualTo(200);
            slowestHealth = Math.max(slowestHealth, (System.nanoTime() - start) / 1_000_000);
            Thread.sleep(20);
        }
        // A health answer that waited for an invocation thread would take at least one run (3 s)
        assertThat(slowestHealth).as("slowest health answer, ms").isLessThan(2_500);
        int ok = 0;
        int rejected = 0;
        for (CompletableFuture<HttpResponse<String>> f : pending) {
            HttpResponse<String> response = f.get(30, TimeUnit.SECONDS);
            if (response.statusCode() == 200) {
                ok++;
            } else {
                assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
                // The expected wait for a queue place, in whole seconds: 1 s runs on two threads
                assertThat(response.headers().firstValue("Retry-After")).hasValueSatisfying(
                        seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 2));
                assertThat(response.body()).contains("\"detail\"");
                rejected++;
            }
        }
        assertThat(ok + rejected).isEqualTo(20);
        assertThat(ok).as("two running and two queued at least").isGreaterThanOrEqualTo(4);
        assertThat(rejected).isGreaterThan(0);
        String prometheus = healthClient.send(HttpRequest.newBuilder(metrics).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(PipelineTests.metric(prometheus, "pipeline_invocations_rejected_total", "sleep"))
                .isEqualTo(rejected);
    }
}
