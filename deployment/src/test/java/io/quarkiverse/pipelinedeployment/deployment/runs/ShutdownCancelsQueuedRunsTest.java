package io.quarkiverse.pipelinedeployment.deployment.runs;

import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkiverse.pipelinedeployment.Pipeline;
import io.quarkiverse.pipelinedeployment.deployment.hooks.HookLog;
import io.quarkus.test.QuarkusProdModeTest;
import io.restassured.RestAssured;

/**
 * SIGTERM with one invocation thread, a synchronous run holding it and two asynchronous runs queued behind it,
 * against the packaged application running as a process of its own: the queued runs end {@code cancelled} with
 * {@code error: "Deployment shutting down"} at the start of the shutdown (a client following one gets its
 * {@code run_cancelled} event, the other's record says so while the running one drains), and never start; the
 * running one completes.
 */
public class ShutdownCancelsQueuedRunsTest {

    static final String LOG = "runs-shutdown-cancels-queued";

    @RegisterExtension
    static final QuarkusProdModeTest config = new QuarkusProdModeTest()
            .withApplicationRoot(jar -> jar.addClasses(Sleeper.class, Pid.class, HookLog.class))
            .setApplicationName("runs-shutdown")
            .setApplicationVersion("1")
            .overrideConfigKey("quarkus.pipeline.custom-endpoints.pid.path", "/pid")
            .overrideConfigKey("quarkus.pipeline.custom-endpoints.pid.handler", Pid.class.getName() + "#pid")
            .overrideConfigKey("quarkus.pipeline.custom-endpoints.pid.auth-required", "false")
            .setRuntimeProperties(Map.of("quarkus.pipeline.thread-pool-size", "1"))
            .setRun(true);

    @Test
    void queuedRunsEndCancelledOnShutdown() throws Exception {
        HookLog.reset(LOG);
        String base = "http://localhost:" + RestAssured.port;
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        CompletableFuture<HttpResponse<String>> running = client.sendAsync(
                HttpRequest.newBuilder(URI.create(base + "/invoke")).timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"parameters\": {\"name\": \"running\"}}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        await().atMost(20, TimeUnit.SECONDS).until(() -> HookLog.lines(LOG).contains("started running"));
        String followed = RunCalls.submit("{\"name\": \"followed\"}");
        String looked = RunCalls.submit("{\"name\": \"looked-up\"}");
        when().get("/runs/" + looked).then().statusCode(200).body("status", equalTo("queued"));

        Sse sse = Sse.get(URI.create(base + "/runs/" + followed + "/events"), Map.of());
        assertThat(sse.next().kind()).isEqualTo("run_queued");
        CompletableFuture<List<Sse.Event>> rest = CompletableFuture.supplyAsync(sse::all);

        long pid = Long.parseLong(when().get("/pid").asString());
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
        assertThat(process.destroy()).as("SIGTERM sent").isTrue();

        List<Sse.Event> events = rest.get(20, TimeUnit.SECONDS);
        sse.close();
        assertThat(RunCalls.kinds(events)).containsExactly("run_cancelled");
        JsonNode envelope = RunCalls.json(events.get(0).data());
        assertThat(envelope.get("success").asBoolean()).isFalse();
        assertThat(envelope.get("error").asText()).isEqualTo("Deployment shutting down");
        assertThat(envelope.at("/metadata/run_id").asText()).isEqualTo(followed);

        // While the running one drains, the other queued run's record says why it ended
        AtomicReference<JsonNode> record = new AtomicReference<>();
        await().atMost(5, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(100)).until(() -> {
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(base + "/runs/" + looked))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                return false;
            }
            record.set(RunCalls.json(answer.body()));
            return true;
        });
        assertThat(HookLog.lines(LOG)).as("the running one is still draining").doesNotContain("done running");
        assertThat(record.get().get("status").asText()).isEqualTo("cancelled");
        assertThat(record.get().get("error").asText()).isEqualTo("Deployment shutting down");
        assertThat(record.get().get("started").isNull()).isTrue();
        assertThat(record.get().get("cancel_requested").asBoolean()).isTrue();

        HttpResponse<String> drained = running.get(60, TimeUnit.SECONDS);
        assertThat(drained.statusCode()).as(drained.body()).isEqualTo(200);
        assertThat(drained.body()).contains("\"success\":true");
        assertThat(process.onExit().get(60, TimeUnit.SECONDS).isAlive()).isFalse();
        assertThat(HookLog.lines(LOG)).as("the queued runs never started")
                .containsExactly("started running", "done running");
    }

    public static class Sleeper {
        @Pipeline
        public String sleeper(String name) throws InterruptedException {
            HookLog.append(LOG, "started " + name);
            if (name.equals("running")) {
                Thread.sleep(6000);
            }
            HookLog.append(LOG, "done " + name);
            return name;
        }
    }

    public static class Pid {
        public static long pid() {
            return ProcessHandle.current().pid();
        }
    }
}
