package io.quarkiverse.pipelinedeployment.deployment.reliability;

import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.deployment.hooks.HookLog;
import io.quarkus.test.QuarkusProdModeTest;
import io.restassured.RestAssured;

/**
 * SIGTERM while a run is in flight, against the packaged application running as a process of its own: a new
 * invocation over HTTP/1.1 is answered {@code 503} with {@code Retry-After: 1}, the JSON {@code detail} and
 * {@code Connection: close}, and the server then closes the connection; a health probe answered during the drain
 * carries {@code Connection: close} too; the run in flight still answers 200.
 */
public class ShutdownRejectionTest {

    static final String LOG = SigtermApp.LOG;

    @RegisterExtension
    static final QuarkusProdModeTest config = SigtermApp.named("shutdown-rejection");

    @Test
    void lateInvocationIsTurnedAwayAndItsConnectionClosed() throws Exception {
        HookLog.reset(LOG);
        URL root = new URL("http://localhost:" + RestAssured.port + "/");
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        CompletableFuture<HttpResponse<String>> inFlight = client.sendAsync(
                HttpRequest.newBuilder(URI.create(root + "invoke")).timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"parameters\": {\"millis\": 6000}}")).build(),
                HttpResponse.BodyHandlers.ofString());
        await().atMost(20, TimeUnit.SECONDS).until(() -> HookLog.lines(LOG).contains("started"));

        long pid = Long.parseLong(when().get("/pid").asString());
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
        assertThat(process.destroy()).as("SIGTERM sent").isTrue();

        // The listener stays open while the run drains; each late invocation goes on a new connection
        AtomicReference<String> rejected = new AtomicReference<>();
        AtomicReference<Boolean> closedByServer = new AtomicReference<>();
        await().atMost(5, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(50)).until(() -> {
            try (Socket socket = RawHttp.connect(root)) {
                RawHttp.post(socket, "/invoke", "{\"parameters\": {\"millis\": 1}}");
                String response = RawHttp.readResponse(socket);
                if (!response.startsWith("HTTP/1.1 503")) {
                    assertThat(response).as("answered before the shutdown began").startsWith("HTTP/1.1 200");
                    return false;
                }
                rejected.set(response);
                closedByServer.set(socket.getInputStream().read() == -1);
                return true;
            }
        });
        assertThat(HookLog.lines(LOG)).as("the run is still draining").doesNotContain("done");
        String response = rejected.get();
        assertThat(header(response, "connection")).isEqualToIgnoringCase("close");
        assertThat(header(response, "retry-after")).isEqualTo("1");
        assertThat(header(response, "content-type")).startsWith("application/json");
        assertThat(body(response))
                .isEqualTo("{\"detail\":\"The service is shutting down; retry on another instance\"}");
        assertThat(closedByServer.get()).as("the server closed the connection after the 503").isTrue();

        try (Socket socket = RawHttp.connect(root)) {
            socket.getOutputStream().write("GET /health/ready HTTP/1.1\r\nHost: localhost\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String ready = RawHttp.readResponse(socket);
            assertThat(ready).startsWith("HTTP/1.1 503");
            assertThat(header(ready, "connection")).isEqualToIgnoringCase("close");
            assertThat(socket.getInputStream().read()).as("the server closed the probe's connection").isEqualTo(-1);
        }

        HttpResponse<String> drained = inFlight.get(60, TimeUnit.SECONDS);
        assertThat(drained.statusCode()).as(drained.body()).isEqualTo(200);
        assertThat(process.onExit().get(60, TimeUnit.SECONDS).isAlive()).isFalse();
    }

    /** The value of a response header (the first), or {@code null}. */
    private static String header(String response, String name) {
        String head = response.substring(0, response.indexOf("\r\n\r\n"));
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }

    private static String body(String response) {
        return response.substring(response.indexOf("\r\n\r\n") + 4);
    }
}
