package io.quarkiverse.pipelinedeployment.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * A bounded load: 64 connections, each sending 100 invocations one after the other over keep-alive. Every request
 * gets exactly one answer, and every answer is a 200. (Throughput is the benchmark module's business, not this
 * test's: nothing here is timed.)
 */
@QuarkusTest
public class LoadTest {

    static final int CONNECTIONS = 64;
    static final int REQUESTS_PER_CONNECTION = 100;

    @Test
    void everyRequestGetsOneOkAnswer() throws Exception {
        URI invoke = URI.create("http://localhost:" + RestAssured.port + "/invoke");
        ExecutorService clients = Executors.newFixedThreadPool(CONNECTIONS);
        List<Future<Map<Integer, Integer>>> connections = new ArrayList<>();
        for (int c = 0; c < CONNECTIONS; c++) {
            int connection = c;
            connections.add(clients.submit(() -> {
                // One client per thread, requests one after the other: one keep-alive connection each
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(10)).build();
                Map<Integer, Integer> statuses = new TreeMap<>();
                for (int i = 0; i < REQUESTS_PER_CONNECTION; i++) {
                    String body = "{\"parameters\": {\"features\": [" + connection + ", " + i + ", 1.5]}}";
                    HttpResponse<String> response = client.send(HttpRequest.newBuilder(invoke)
                            .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    statuses.merge(response.statusCode(), 1, Integer::sum);
                }
                return statuses;
            }));
        }
        clients.shutdown();
        assertThat(clients.awaitTermination(5, TimeUnit.MINUTES)).isTrue();
        Map<Integer, Integer> total = new TreeMap<>();
        for (Future<Map<Integer, Integer>> connection : connections) {
            connection.get().forEach((status, count) -> total.merge(status, count, Integer::sum));
        }
        assertThat(total).isEqualTo(Map.of(200, CONNECTIONS * REQUESTS_PER_CONNECTION));
    }
}
