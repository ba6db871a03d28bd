package io.quarkiverse.pipelinedeployment.deployment.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkus.test.QuarkusUnitTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.Tuple;
import net.jqwik.api.sessions.JqwikSession;

/**
 * 10,000 generated bodies (jqwik generators, a fixed seed): random JSON, wrong types, deep nesting, huge numbers,
 * invalid UTF-8 and truncated bodies. Every one gets an answer in time: 200, or a 4xx with a JSON {@code detail};
 * never a 5xx, and the server stays healthy.
 */
public class InvokeFuzzTest {

    static final long SEED = 20261129L;
    static final int BODIES = 10_000;

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class))
            .overrideRuntimeConfigKey("quarkus.pipeline.max-request-size", "1M");

    @TestHTTPResource("/invoke")
    URI invoke;

    @TestHTTPResource("/health")
    URI health;

    @Test
    void everyBodyGetsADocumentedAnswer() throws Exception {
        List<byte[]> bodies = new ArrayList<>(BODIES);
        JqwikSession.start(String.valueOf(SEED));
        try {
            RandomGenerator<byte[]> generator = bodies().generator(1000);
            Random random = new Random(SEED);
            for (int i = 0; i < BODIES; i++) {
                bodies.add(generator.next(random).value());
            }
        } finally {
            JqwikSession.finish();
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Semaphore inFlight = new Semaphore(32);
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        List<String> wrong = java.util.Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<Void>> pending = new ArrayList<>(BODIES);
        for (byte[] body : bodies) {
            inFlight.acquire();
            HttpRequest request = HttpRequest.newBuilder(invoke).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            pending.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .handle((response, failure) -> {
                        inFlight.release();
                        if (failure != null) {
                            wrong.add("no answer (" + failure + ") to " + preview(body));
                            return null;
                        }
                        statuses.computeIfAbsent(response.statusCode(), s -> new AtomicInteger()).incrementAndGet();
                        String problem = check(response);
                        if (problem != null) {
                            wrong.add(problem + " for " + preview(body));
                        }
                        return null;
                    }));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
        System.out.println("InvokeFuzzTest: " + BODIES + " bodies, answers by status " + new java.util.TreeMap<>(statuses));
        assertThat(wrong).as("answers by status: %s", statuses).isEmpty();
        assertThat(statuses.values().stream().mapToInt(AtomicInteger::get).sum()).isEqualTo(BODIES);
        // Both kinds were generated: some bodies ran the pipeline, others were refused
        assertThat(statuses).containsKeys(200, 422);
        assertThat(client.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(200);
    }

    /** {@code null} when the answer is a documented one. */
    static String check(HttpResponse<String> response) {
        int status = response.statusCode();
        JsonObject json;
        try {
            json = new JsonObject(response.body());
        } catch (RuntimeException e) {
            return status + " with a body that is not a JSON object: " + response.body();
        }
        if (status == 200) {
            return json.containsKey("success") && json.containsKey("metadata") ? null : "200 without the envelope";
        }
        if (status >= 400 && status < 500) {
            return json.containsKey("detail") ? null : status + " without detail: " + response.body();
        }
        return "status " + status + ": " + response.body();
    }

    static String preview(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, 120), StandardCharsets.UTF_8);
        return body.length + " bytes: " + text;
    }

    static Arbitrary<byte[]> bodies() {
        Arbitrary<String> features = Arbitraries.doubles().between(-1e6, 1e6).list().ofMaxSize(6)
                .map(l -> l.stream().map(String::valueOf).collect(Collectors.joining(",", "[", "]")));
        Arbitrary<String> valid = Combinators.combine(features, Arbitraries.doubles().between(-2, 2))
                .as((f, t) -> "{\"parameters\": {\"features\": " + f + ", \"threshold\": " + t + "}}");
        Arbitrary<String> wrongTypes = Combinators.combine(json(2), json(1))
                .as((f, t) -> "{\"parameters\": {\"features\": " + f + ", \"threshold\": " + t + "}}");
        Arbitrary<String> envelope = Combinators.combine(json(3), json(0), json(0))
                .as((p, t, n) -> "{\"parameters\": " + p + ", \"timeout\": " + t + ", \"run_name\": " + n + "}");
        Arbitrary<String> deep = Arbitraries.integers().between(1, 20_000).map(n -> "{\"parameters\": {\"features\": "
                + "[".repeat(n) + "1" + "]".repeat(n) + "}}");
        Arbitrary<String> huge = Arbitraries.integers().between(1, 5_000).map(n -> "{\"parameters\": {\"features\": [1"
                + "9".repeat(n) + "], \"threshold\": 1e" + n + "}}");
        Arbitrary<byte[]> text = Arbitraries.frequencyOf(
                Tuple.of(3, valid), Tuple.of(3, wrongTypes), Tuple.of(3, envelope), Tuple.of(2, json(4)),
                Tuple.of(1, deep), Tuple.of(1, huge))
                .map(s -> s.getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> invalidUtf8 = Combinators.combine(valid.map(s -> s.getBytes(StandardCharsets.UTF_8)),
                Arbitraries.of(new byte[] { (byte) 0xC3, 0x28 }, new byte[] { (byte) 0xFF },
                        new byte[] { (byte) 0xE2, (byte) 0x82 }, new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80 }),
                Arbitraries.integers().between(0, 1000))
                .as((body, bad, at) -> splice(body, bad, at % (body.length + 1)));
        Arbitrary<byte[]> truncated = Combinators.combine(text, Arbitraries.integers().between(0, 1000))
                .as((body, at) -> Arrays.copyOf(body, at % (body.length + 1)));
        return Arbitraries.frequencyOf(Tuple.of(8, text), Tuple.of(1, invalidUtf8), Tuple.of(1, truncated));
    }

    /** Random JSON of at most {@code depth} levels. */
    static Arbitrary<String> json(int depth) {
        Arbitrary<String> scalar = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(12).map(Json::encode),
                Arbitraries.integers().map(String::valueOf),
                Arbitraries.doubles().map(String::valueOf),
                Arbitraries.of("true", "false", "null"));
        if (depth == 0) {
            return scalar;
        }
        Arbitrary<String> inner = json(depth - 1);
        Arbitrary<String> array = inner.list().ofMaxSize(4).map(l -> String.join(",", l)).map(s -> "[" + s + "]");
        Arbitrary<String> object = Combinators.combine(Arbitraries.strings().ofMaxLength(8).map(Json::encode), inner)
                .as((k, v) -> k + ":" + v).list().ofMaxSize(4).map(l -> "{" + String.join(",", l) + "}");
        return Arbitraries.frequencyOf(Tuple.of(3, scalar), Tuple.of(1, array), Tuple.of(1, object));
    }

    static byte[] splice(byte[] body, byte[] insert, int at) {
        byte[] out = new byte[body.length + insert.length];
        System.arraycopy(body, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(body, at, out, at + insert.length, body.length - at);
        return out;
    }
}
