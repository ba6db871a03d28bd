package io.quarkiverse.pipelinedeployment.deployment.custom;

import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.startsWith;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.deployment.errors.RawHttp;
import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkus.test.QuarkusUnitTest;
import io.quarkus.test.common.http.TestHTTPResource;

/**
 * A custom endpoint method is bounded by quarkus.pipeline.invoke-timeout: past it, 504 with the JSON error body, its
 * thread is interrupted once, and a late result is dropped (one response per request).
 */
public class CustomEndpointTimeoutTest {

    static final String P = "quarkus.pipeline.custom-endpoints.";

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class, Slow.class, RawHttp.class,
                    RawHttp.Response.class))
            .overrideConfigKey(P + "sleep.path", "/sleep")
            .overrideConfigKey(P + "sleep.handler", Slow.class.getName() + "#sleep")
            .overrideConfigKey(P + "sleep.auth-required", "false")
            .overrideConfigKey(P + "spin.path", "/spin")
            .overrideConfigKey(P + "spin.handler", Slow.class.getName() + "#spin")
            .overrideConfigKey(P + "spin.auth-required", "false")
            .overrideRuntimeConfigKey("quarkus.pipeline.invoke-timeout", "1s");

    @TestHTTPResource("/")
    URL root;

    @Test
    void aSlowMethodGets504AndIsInterrupted() {
        when().get("/sleep?millis=20000").then()
                .time(lessThan(10_000L), TimeUnit.MILLISECONDS)
                .statusCode(504)
                .contentType("application/json")
                .body("detail", startsWith("The endpoint did not answer within 1.0 seconds"));
        await().atMost(Duration.ofSeconds(10)).untilTrue(Slow.INTERRUPTED);
        when().get("/sleep?millis=1").then().statusCode(200).body("slept", equalTo(1));
    }

    @Test
    void aLateResultIsDropped() throws Exception {
        int finished = Slow.SPUN.get();
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            // The method ignores the interrupt and returns after the 504
            out.write("GET /spin?millis=2500 HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            RawHttp.Response first = RawHttp.read(in);
            assertThat(first.status()).as(first.toString()).isEqualTo(504);
            await().atMost(Duration.ofSeconds(20)).until(() -> Slow.SPUN.get() > finished);
            // The next answer on the connection is the next request's, not the late one
            out.write("GET /sleep?millis=1 HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            RawHttp.Response second = RawHttp.read(in);
            assertThat(second.status()).as(second.toString()).isEqualTo(200);
            assertThat(second.body()).isEqualTo("{\"slept\":1}");
        }
    }

    public static class Slow {
        static final AtomicBoolean INTERRUPTED = new AtomicBoolean();
        static final AtomicInteger SPUN = new AtomicInteger();

        public static Map<String, Long> sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                INTERRUPTED.set(true);
                Thread.currentThread().interrupt();
            }
            return Map.of("slept", millis);
        }

        public static Map<String, Long> spin(long millis) {
            long end = System.nanoTime() + millis * 1_000_000;
            while (System.nanoTime() - end < 0) {
                Thread.onSpinWait();
            }
            SPUN.incrementAndGet();
            return Map.of("spun", millis);
        }
    }
}
