package io.quarkiverse.pipelinedeployment.deployment.runs;

import static io.quarkiverse.pipelinedeployment.deployment.PipelineTests.metric;
import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkiverse.pipelinedeployment.InvocationRequest;
import io.quarkiverse.pipelinedeployment.InvocationResponse;
import io.quarkiverse.pipelinedeployment.PipelineDeploymentService;
import io.quarkiverse.pipelinedeployment.deployment.PipelineTests;
import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkus.test.QuarkusUnitTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.smallrye.mutiny.Uni;

/**
 * A replaced deployment service that answers on its own, without the built-in engine: a cancel cancels the
 * subscription to its {@code Uni}, the run ends {@code cancelled}, and a synchronous client waiting for it gets the
 * cancelled envelope. A synchronous client that goes away cancels the run the same way.
 */
public class CancelReplacedServiceRunTest {

    /** Counted down when the service's Uni of the run named like the key is subscribed, then cancelled. */
    static final Map<String, CountDownLatch> SUBSCRIBED = new ConcurrentHashMap<>();
    static final Map<String, CountDownLatch> CANCELLED = new ConcurrentHashMap<>();

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class, Pending.class, RunCalls.class,
                    Sse.class, PipelineTests.class));

    @TestHTTPResource("/")
    URL root;

    @Test
    void anAsynchronousRunIsCancelled() throws Exception {
        expect("async");
        var submitted = given().contentType("application/json")
                .body("{\"parameters\": {\"features\": [1]}, \"run_name\": \"async\"}").post("/runs");
        submitted.then().statusCode(202);
        String id = submitted.jsonPath().getString("run_id");
        assertThat(SUBSCRIBED.get("async").await(10, TimeUnit.SECONDS)).isTrue();
        when().get("/runs/" + id).then().statusCode(200).body("status", equalTo("running"));

        given().post("/runs/" + id + "/cancel").then().statusCode(202)
                .body("run_id", equalTo(id))
                .body("cancel_requested", equalTo(true));
        assertThat(CANCELLED.get("async").await(10, TimeUnit.SECONDS)).as("the service's Uni was cancelled")
                .isTrue();
        RunCalls.assertCancelled(id, "Run cancelled");
        assertThat(RunCalls.kinds(RunCalls.events(root, id))).endsWith("run_cancelled");
    }

    @Test
    void theSynchronousClientGetsTheCancelledEnvelope() throws Exception {
        expect("sync");
        CompletableFuture<HttpResponse<String>> invoke = HttpClient.newHttpClient().sendAsync(
                HttpRequest.newBuilder(URI.create(root + "invoke")).timeout(Duration.ofSeconds(20))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"parameters\": {\"features\": [1]}, \"run_name\": \"sync\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(SUBSCRIBED.get("sync").await(10, TimeUnit.SECONDS)).isTrue();
        String id = when().get("/runs?status=running").then().statusCode(200).extract().jsonPath()
                .getString("runs.find { it.run_name == 'sync' }.run_id");
        assertThat(id).isNotNull();

        given().post("/runs/" + id + "/cancel").then().statusCode(202).body("cancel_requested", equalTo(true));
        HttpResponse<String> answer = invoke.get(10, TimeUnit.SECONDS);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode envelope = RunCalls.json(answer.body());
        assertThat(envelope.get("success").asBoolean()).isFalse();
        assertThat(envelope.get("error").asText()).isEqualTo("Run cancelled");
        assertThat(envelope.at("/metadata/run_id").asText()).isEqualTo(id);
        assertThat(CANCELLED.get("sync").await(10, TimeUnit.SECONDS)).as("the service's Uni was cancelled").isTrue();
        RunCalls.assertCancelled(id, "Run cancelled");
    }

    @Test
    void aClientThatGoesAwayCancelsTheRun() throws Exception {
        expect("gone");
        try (Socket socket = RunCalls.connect(root)) {
            RunCalls.post(socket, "/invoke", "{\"parameters\": {\"features\": [1]}, \"run_name\": \"gone\"}");
            assertThat(SUBSCRIBED.get("gone").await(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(CANCELLED.get("gone").await(10, TimeUnit.SECONDS)).as("the service's Uni was cancelled").isTrue();
        await().atMost(10, TimeUnit.SECONDS).untilAsserted(() -> when().get("/runs?status=cancelled").then()
                .body("runs.find { it.run_name == 'gone' }.run_id", notNullValue()));
        String id = when().get("/runs?status=cancelled").then().extract().jsonPath()
                .getString("runs.find { it.run_name == 'gone' }.run_id");
        // Cancelled as by the cancel endpoint
        RunCalls.assertCancelled(id, "Run cancelled");
        String scrape = when().get("/metrics").asString();
        assertThat(metric(scrape, "pipeline_runs_queued", "fraud_scoring")).isEqualTo(0.0);
    }

    private static void expect(String name) {
        SUBSCRIBED.put(name, new CountDownLatch(1));
        CANCELLED.put(name, new CountDownLatch(1));
    }

    /** Answers nothing until cancelled. */
    @ApplicationScoped
    public static class Pending extends PipelineDeploymentService {
        @Override
        public Uni<InvocationResponse> invoke(InvocationRequest request) {
            String name = request.runName();
            return Uni.createFrom().<InvocationResponse> emitter(emitter -> SUBSCRIBED.get(name).countDown())
                    .onCancellation().invoke(() -> CANCELLED.get(name).countDown());
        }
    }
}
