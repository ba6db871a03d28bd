package io.quarkiverse.pipelinedeployment.redis.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.pipelinedeployment.test.RedisServer;

/**
 * One replica of the packaged service ({@code target/quarkus-app/quarkus-run.jar}), a JVM of its own on a free port,
 * sharing its runs through the given Redis; stopped by its PID ({@link #kill()} is {@code kill -9}).
 */
final class Replica implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final String name;
    final int port;
    final Process process;
    final String deploymentId;

    private Replica(String name, int port, Process process, String deploymentId) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.deploymentId = deploymentId;
    }

    /** Starts a replica and waits until it answers {@code /info} (60 s at most). */
    static Replica start(String name, RedisServer redis, Map<String, String> config) throws Exception {
        int port = RedisServer.freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-Dquarkus.http.port=" + port, "-Dquarkus.redis.hosts=" + redis.url()));
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(System.getProperty("app.jar", "target/quarkus-app/quarkus-run.jar"));
        Path log = Path.of(System.getProperty("app.logs", "target"), "replica-" + name + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                HttpResponse<String> info = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/info")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (info.statusCode() == 200) {
                    return new Replica(name, port, process, JSON.readTree(info.body()).path("deployment").path("id")
                            .asText());
                }
            } catch (IOException notYet) {
                // starting
            }
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("Replica " + name + " did not start; see " + log);
            }
            Thread.sleep(100);
        }
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(90)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String body, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(90))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Submits an asynchronous run: its id. */
    String submit(String word, long millis, String... headers) throws IOException, InterruptedException {
        HttpResponse<String> submitted = post("/runs",
                "{\"parameters\": {\"word\": \"" + word + "\", \"millis\": " + millis + "}}", headers);
        if (submitted.statusCode() != 202) {
            throw new IllegalStateException(name + " answered " + submitted.statusCode() + ": " + submitted.body());
        }
        return JSON.readTree(submitted.body()).path("run_id").asText();
    }

    JsonNode json(String path) throws IOException, InterruptedException {
        return JSON.readTree(get(path).body());
    }

    /** {@code kill -9}: the replica stops at once, renewing nothing, answering nothing. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            kill();
        }
    }
}
