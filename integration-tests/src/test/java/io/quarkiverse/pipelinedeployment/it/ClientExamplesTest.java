package io.quarkiverse.pipelinedeployment.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

/**
 * The docs' client examples ({@code docs/modules/ROOT/examples/clients}), run as written against the example service
 * with API keys on: Python's {@code requests} (invoking, and following a run's events to its result) and curl, each
 * with {@code Authorization: Bearer <key>}.
 */
@QuarkusTest
@TestProfile(ApiKeyProfile.class)
public class ClientExamplesTest {

    static final Path CLIENTS = Path.of("../docs/modules/ROOT/examples/clients");
    static final ObjectMapper JSON = new ObjectMapper();

    record Run(int exit, String output) {
    }

    @Test
    @RealClient(RealClient.Tool.PYTHON_REQUESTS)
    void pythonRequestsInvokesWithBearerKey() throws Exception {
        Run run = run(List.of(RealClient.Tool.PYTHON_REQUESTS.path().toString(), "invoke.py"), ApiKeyProfile.KEY);
        assertThat(run.exit()).as(run.output()).isZero();
        // score, flagged, run id
        assertThat(run.output().strip()).matches("0\\.7556\\d* True [0-9a-f-]{36}");
    }

    @Test
    @RealClient(RealClient.Tool.PYTHON_REQUESTS)
    void pythonRequestsExitsWithTheDetailOnAWrongKey() throws Exception {
        Run run = run(List.of(RealClient.Tool.PYTHON_REQUESTS.path().toString(), "invoke.py"), "not-a-key");
        assertThat(run.exit()).as(run.output()).isNotZero();
        assertThat(run.output().strip()).isEqualTo("401: Invalid authentication token");
    }

    @Test
    @RealClient(RealClient.Tool.PYTHON_REQUESTS)
    void pythonStartsARunFollowsItsEventsAndReadsItsResult() throws Exception {
        Run run = run(List.of(RealClient.Tool.PYTHON_REQUESTS.path().toString(), "follow_run.py"), ApiKeyProfile.KEY);
        assertThat(run.exit()).as(run.output()).isZero();
        List<String> lines = run.output().strip().lines().toList();
        // Every event once, in order, ids 1, 2, 3...: queued, started, two steps, completed
        assertThat(lines.subList(0, lines.size() - 1)).extracting(line -> line.split(" ")[0] + " " + line.split(" ")[1])
                .containsExactly("1 run_queued", "2 run_started", "3 step_started", "4 step_completed",
                        "5 step_started", "6 step_completed", "7 run_completed");
        assertThat(lines.get(3)).contains("\"step\":\"normalize\"");
        assertThat(lines.get(lines.size() - 1)).matches("0\\.7556\\d* True [0-9a-f-]{36}");
    }

    @Test
    @RealClient(RealClient.Tool.CURL)
    void curlInvokesWithBearerKey() throws Exception {
        Run run = run(List.of("sh", "invoke.sh"), ApiKeyProfile.KEY);
        assertThat(run.exit()).as(run.output()).isZero();
        JsonNode body = JSON.readTree(run.output());
        assertThat(body.path("success").asBoolean()).as(run.output()).isTrue();
        assertThat(body.path("outputs").path("flagged").asBoolean()).isTrue();
        assertThat(body.path("metadata").path("pipeline_name").asText()).isEqualTo("fraud_scoring");
    }

    @Test
    @RealClient(RealClient.Tool.CURL)
    void curlShowsThe401BodyOnAWrongKey() throws Exception {
        Run run = run(List.of("sh", "invoke.sh"), "not-a-key");
        // curl --fail-with-body: exit 22 on an HTTP error, the body still printed
        assertThat(run.exit()).as(run.output()).isEqualTo(22);
        assertThat(run.output()).contains("\"detail\"");
    }

    static Run run(List<String> command, String key) throws IOException, InterruptedException {
        assertThat(Files.isDirectory(CLIENTS)).as(CLIENTS.toAbsolutePath().toString()).isTrue();
        ProcessBuilder builder = new ProcessBuilder(command).directory(CLIENTS.toFile()).redirectErrorStream(true);
        builder.environment().put("PIPELINE_URL", "http://localhost:" + RestAssured.port);
        builder.environment().put("PIPELINE_API_KEY", key);
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the client finished").isTrue();
        return new Run(process.exitValue(), output);
    }
}
