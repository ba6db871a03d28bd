package io.quarkiverse.pipelinedeployment.deployment.reliability;

import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.Pipeline;
import io.quarkiverse.pipelinedeployment.deployment.hooks.HookLog;
import io.quarkus.test.QuarkusProdModeTest;
import io.restassured.RestAssured;

/**
 * SIGTERM with five slow invocations in flight, against the packaged application running as a process of its own:
 * all five complete with 200, a request after the signal is refused cleanly, and the shutdown hook runs after the
 * five. {@code quarkus.shutdown.timeout} is left at the extension's default.
 */
public class GracefulShutdownTest {

    static final String LOG = "graceful-shutdown";

    @RegisterExtension
    static final QuarkusProdModeTest config = new QuarkusProdModeTest()
            .withApplicationRoot(jar -> jar.addClasses(Drained.class, Hooks.class, HookLog.class))
            .setApplicationName("graceful-shutdown")
            .setApplicationVersion("1")
            .overrideConfigKey("quarkus.pipeline.shutdown-hook", Hooks.class.getName() + "#onShutdown")
            .overrideConfigKey("quarkus.pipeline.custom-endpoints.pid.path", "/pid")
            .overrideConfigKey("quarkus.pipeline.custom-endpoints.pid.handler", Hooks.class.getName() + "#pid")
            .overrideConfigKey("quarkus.pipeline.custom-endpoints.pid.auth-required", "false")
            .setRuntimeProperties(Map.of("quarkus.pipeline.thread-pool-size", "8"))
            .setRun(true);

    @Test
    void inFlightInvocationsFinishBeforeTheShutdownHook() throws Exception {
        HookLog.reset(LOG);
        URI invoke = URI.create("http://localhost:" + RestAssured.port + "/invoke");
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            inFlight.add(client.sendAsync(HttpRequest.newBuilder(invoke).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"parameters\": {\"millis\": 3000}}")).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        await().atMost(20, TimeUnit.SECONDS).until(() -> HookLog.lines(LOG).size() == 5);
        assertThat(HookLog.lines(LOG)).as("five runs started").containsOnly("started");

        long pid = Long.parseLong(when().get("/pid").asString());
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
        assertThat(process.destroy()).as("SIGTERM sent").isTrue();

        // After SIGTERM: once the shutdown has begun, a new invocation is refused cleanly (503, or a refused
        // connection once the listener is closed). A probe that still got in before must get its whole answer.
        HttpClient probes = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        await().atMost(10, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(50))
                .until(() -> refused(probes, invoke));

        for (CompletableFuture<HttpResponse<String>> f : inFlight) {
            HttpResponse<String> response = f.get(60, TimeUnit.SECONDS);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.body()).contains("\"success\":true");
        }
        assertThat(process.onExit().get(60, TimeUnit.SECONDS).isAlive()).isFalse();
        List<String> log = HookLog.lines(LOG);
        // The five runs (and any probe that got in before the refusals) ended before the shutdown hook ran, once
        assertThat(log).containsOnlyOnce("shutdown-hook");
        assertThat(log.get(log.size() - 1)).isEqualTo("shutdown-hook");
        assertThat(log.stream().filter("done"::equals).count()).isGreaterThanOrEqualTo(5);
        assertThat(log.stream().filter("done"::equals).count())
                .isEqualTo(log.stream().filter("started"::equals).count());
    }

    /**
     * Sends one late invocation: {@code true} when it is refused cleanly (503 with {@code Retry-After}, or a refused
     * connection); a probe that still got in must get its whole answer.
     */
    static boolean refused(HttpClient probes, URI invoke) throws Exception {
        try {
            HttpResponse<String> late = probes.send(HttpRequest.newBuilder(invoke).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"parameters\": {\"millis\": 1}}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (late.statusCode() == 503) {
                assertThat(late.headers().firstValue("Retry-After")).hasValue("1");
                assertThat(late.body()).contains("shutting down");
                return true;
            }
            assertThat(late.statusCode()).as(late.body()).isEqualTo(200);
            assertThat(late.body()).contains("\"success\":true");
            return false;
        } catch (java.net.ConnectException closed) {
            return true;
        }
    }

    public static class Drained {
        @Pipeline
        public long sleep(long millis) throws InterruptedException {
            HookLog.append(LOG, "started");
            Thread.sleep(millis);
            HookLog.append(LOG, "done");
            return millis;
        }
    }

    public static class Hooks {
        public static void onShutdown() {
            HookLog.append(LOG, "shutdown-hook");
        }

        public static long pid() {
            return ProcessHandle.current().pid();
        }
    }

}
