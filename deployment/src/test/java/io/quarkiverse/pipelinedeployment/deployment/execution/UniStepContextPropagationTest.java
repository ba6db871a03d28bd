package io.quarkiverse.pipelinedeployment.deployment.execution;

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
import java.util.function.IntFunction;

import jakarta.enterprise.context.ApplicationScoped;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.pipelinedeployment.Pipeline;
import io.quarkiverse.pipelinedeployment.Step;
import io.quarkus.test.QuarkusUnitTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * A {@code Uni} pipeline that moves its steps to worker threads ({@code emitOn}): Mutiny propagates the run's context,
 * and each of many concurrent runs lists exactly its own steps.
 */
public class UniStepContextPropagationTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(EmitOnPipeline.class));

    @TestHTTPResource("/invoke")
    URI invoke;

    @Test
    void concurrentRunsListTheirOwnSteps() throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        List<CompletableFuture<HttpResponse<String>>> pending = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            String step = i % 2 == 0 ? "alpha" : "beta";
            pending.add(client.sendAsync(HttpRequest.newBuilder(invoke).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"parameters\": {\"step\": \"" + step + "\", \"count\": " + (1 + i % 5) + "}}"))
                    .build(), HttpResponse.BodyHandlers.ofString()));
        }
        ObjectMapper json = new ObjectMapper();
        for (int i = 0; i < 16; i++) {
            HttpResponse<String> response = pending.get(i).get(30, TimeUnit.SECONDS);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode body = json.readTree(response.body());
            List<String> names = new ArrayList<>();
            body.at("/metadata/steps").forEach(s -> names.add(s.get("name").asText()));
            assertThat(names).as(response.body()).hasSize(1 + i % 5).containsOnly(i % 2 == 0 ? "alpha" : "beta");
            body.at("/outputs/output").forEach(thread -> assertThat(thread.asText()).doesNotContain("eventloop"));
        }
    }

    @ApplicationScoped
    public static class EmitOnPipeline {

        @Step
        String alpha(int i) {
            return Thread.currentThread().getName();
        }

        @Step
        String beta(int i) {
            return Thread.currentThread().getName();
        }

        @Pipeline
        public Uni<List<String>> fanOut(String step, int count) {
            IntFunction<String> call = step.equals("alpha") ? this::alpha : this::beta;
            List<Uni<String>> calls = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                calls.add(Uni.createFrom().item(n).onItem().delayIt().by(Duration.ofMillis(5))
                        .emitOn(Infrastructure.getDefaultWorkerPool())
                        .map(call::apply));
            }
            return Uni.join().all(calls).andFailFast();
        }
    }
}
