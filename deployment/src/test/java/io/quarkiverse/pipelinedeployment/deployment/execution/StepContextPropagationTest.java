package io.quarkiverse.pipelinedeployment.deployment.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.pipelinedeployment.Pipeline;
import io.quarkiverse.pipelinedeployment.Step;
import io.quarkus.test.QuarkusUnitTest;
import io.quarkus.test.common.http.TestHTTPResource;

/**
 * Steps called from threads the pipeline hands work to, in two runs at once: each run lists exactly its own steps.
 * Supported through context propagation: a {@code ManagedExecutor}, {@code CompletableFuture}s on it, and tasks
 * wrapped by {@code ThreadContext} (a parallel stream, {@code supplyAsync} on the common pool). Without either, a
 * step on another thread is not listed, and never listed in the wrong run.
 */
public class StepContextPropagationTest {

    static final Map<String, CyclicBarrier> BOTH_RUNNING = new ConcurrentHashMap<>();

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(FanOut.class));

    @TestHTTPResource("/invoke")
    URI invoke;

    @ParameterizedTest
    @ValueSource(strings = { "managed-executor", "supply-async-on-managed-executor", "managed-executor-dependent-stage",
            "thread-context-parallel-stream", "thread-context-common-pool" })
    void eachRunListsItsOwnSteps(String form) throws Exception {
        List<JsonNode> answers = concurrentRuns(form);
        assertSteps(answers.get(0), "alpha", 3, true);
        assertSteps(answers.get(1), "beta", 5, true);
    }

    @ParameterizedTest
    @ValueSource(strings = { "plain-parallel-stream", "plain-common-pool", "plain-thread" })
    void unpropagatedStepsAreNeverMisattributed(String form) throws Exception {
        List<JsonNode> answers = concurrentRuns(form);
        assertSteps(answers.get(0), "alpha", 3, false);
        assertSteps(answers.get(1), "beta", 5, false);
    }

    /** Runs the form twice at once: {@code alpha} 3 times and {@code beta} 5 times. */
    private List<JsonNode> concurrentRuns(String form) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        List<CompletableFuture<HttpResponse<String>>> pending = new ArrayList<>();
        for (String run : List.of("\"step\": \"alpha\", \"count\": 3", "\"step\": \"beta\", \"count\": 5")) {
            pending.add(client.sendAsync(HttpRequest.newBuilder(invoke).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"parameters\": {\"form\": \"" + form + "\", " + run + "}}"))
                    .build(), HttpResponse.BodyHandlers.ofString()));
        }
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> answers = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> f : pending) {
            HttpResponse<String> response = f.get(30, TimeUnit.SECONDS);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode body = json.readTree(response.body());
            assertThat(body.get("success").asBoolean()).as(response.body()).isTrue();
            answers.add(body);
        }
        return answers;
    }

    private static void assertSteps(JsonNode answer, String step, int count, boolean all) {
        List<String> names = new ArrayList<>();
        answer.at("/metadata/steps").forEach(s -> names.add(s.get("name").asText()));
        assertThat(names).as(answer.toString()).allMatch(step::equals);
        if (all) {
            assertThat(names).as(answer.toString()).hasSize(count);
        } else {
            assertThat(names.size()).as(answer.toString()).isLessThanOrEqualTo(count);
        }
        // The steps really ran on threads the pipeline handed them to
        assertThat(answer.at("/outputs/output").size()).isEqualTo(count);
    }

    @ApplicationScoped
    public static class FanOut {

        @Inject
        ManagedExecutor executor;

        @Inject
        ThreadContext threadContext;

        @Step
        String alpha(int i) {
            return work();
        }

        @Step
        String beta(int i) {
            return work();
        }

        private static String work() {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Thread.currentThread().getName();
        }

        @Pipeline
        public List<String> fanOut(String form, String step, int count) throws Exception {
            // Both runs of a form are in flight together
            BOTH_RUNNING.computeIfAbsent(form, f -> new CyclicBarrier(2)).await(10, TimeUnit.SECONDS);
            IntFunction<String> call = step.equals("alpha") ? this::alpha : this::beta;
            List<String> threads = new ArrayList<>();
            switch (form) {
                case "managed-executor" -> {
                    List<Future<String>> futures = new ArrayList<>();
                    for (int i = 0; i < count; i++) {
                        int n = i;
                        futures.add(executor.submit(() -> call.apply(n)));
                    }
                    for (Future<String> f : futures) {
                        threads.add(f.get());
                    }
                }
                case "supply-async-on-managed-executor" -> {
                    List<CompletableFuture<String>> futures = new ArrayList<>();
                    for (int i = 0; i < count; i++) {
                        int n = i;
                        futures.add(CompletableFuture.supplyAsync(() -> call.apply(n), executor));
                    }
                    futures.forEach(f -> threads.add(f.join()));
                }
                case "managed-executor-dependent-stage" -> {
                    for (int i = 0; i < count; i++) {
                        threads.add(executor.completedFuture(i).thenApplyAsync(call::apply).toCompletableFuture()
                                .join());
                    }
                }
                case "thread-context-parallel-stream" -> threads.addAll(IntStream.range(0, count).boxed().parallel()
                        .map(threadContext.contextualFunction(call::apply)).toList());
                case "thread-context-common-pool" -> {
                    List<CompletableFuture<String>> futures = new ArrayList<>();
                    for (int i = 0; i < count; i++) {
                        int n = i;
                        futures.add(CompletableFuture.supplyAsync(threadContext.contextualSupplier(() -> call.apply(n))));
                    }
                    futures.forEach(f -> threads.add(f.join()));
                }
                case "plain-parallel-stream" -> threads.addAll(IntStream.range(0, count).boxed().parallel()
                        .map(call::apply).toList());
                case "plain-common-pool" -> {
                    List<CompletableFuture<String>> futures = new ArrayList<>();
                    for (int i = 0; i < count; i++) {
                        int n = i;
                        futures.add(CompletableFuture.supplyAsync(() -> call.apply(n)));
                    }
                    futures.forEach(f -> threads.add(f.join()));
                }
                case "plain-thread" -> {
                    String[] names = new String[count];
                    List<Thread> started = new ArrayList<>();
                    for (int i = 0; i < count; i++) {
                        int n = i;
                        Thread t = new Thread(() -> names[n] = call.apply(n));
                        t.start();
                        started.add(t);
                    }
                    for (Thread t : started) {
                        t.join();
                    }
                    threads.addAll(List.of(names));
                }
                default -> throw new IllegalArgumentException(form);
            }
            return threads;
        }
    }
}
