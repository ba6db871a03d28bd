package io.quarkiverse.pipelinedeployment.deployment.runs;

import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.Pipeline;
import io.quarkiverse.pipelinedeployment.RunCancelledException;
import io.quarkiverse.pipelinedeployment.RunContext;
import io.quarkiverse.pipelinedeployment.Step;
import io.quarkus.test.QuarkusUnitTest;
import io.quarkus.test.common.http.TestHTTPResource;

/**
 * When the client of a synchronous invoke goes away, the run is cancelled as by the cancel endpoint: for a pipeline
 * that goes on anyway (it ignores the interrupt), {@code RunContext.isCancelled()} is true and the next {@code @Step}
 * call throws {@link RunCancelledException}.
 */
public class CancelledOnDisconnectRunContextTest {

    static final CompletableFuture<String> RUN_ID = new CompletableFuture<>();
    static final CountDownLatch RELEASE = new CountDownLatch(1);
    static final Map<String, Object> SEEN = new ConcurrentHashMap<>();

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Stubborn.class));

    @TestHTTPResource("/")
    URL root;

    @Test
    void aRunWhoseClientWentAwayIsCancelledForTheRunContext() throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(root.getHost(), root.getPort()), 10_000);
            byte[] body = "{\"parameters\": {}}".getBytes(StandardCharsets.UTF_8);
            socket.getOutputStream().write(("POST /invoke HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(body);
            socket.getOutputStream().flush();
            RUN_ID.get(30, TimeUnit.SECONDS);
        }
        String id = RUN_ID.get();
        await().atMost(30, TimeUnit.SECONDS)
                .until(() -> "cancelled".equals(when().get("/runs/" + id).jsonPath().getString("status")));

        RELEASE.countDown();
        await().atMost(30, TimeUnit.SECONDS).until(() -> SEEN.containsKey("step"));
        assertThat(SEEN).containsEntry("cancelled", true).containsEntry("step", "refused");
    }

    public static class Stubborn {

        @Inject
        RunContext run;

        @Step
        String next() {
            return "ran";
        }

        @Pipeline
        public String stubborn() {
            RUN_ID.complete(run.id());
            boolean interrupted = false;
            // Ignores the interrupt: waits until the test lets it go on
            while (true) {
                try {
                    if (!RELEASE.await(30, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("never released");
                    }
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            SEEN.put("cancelled", run.isCancelled());
            try {
                SEEN.put("step", next());
            } catch (RunCancelledException e) {
                SEEN.put("step", "refused");
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            return "done";
        }
    }
}
