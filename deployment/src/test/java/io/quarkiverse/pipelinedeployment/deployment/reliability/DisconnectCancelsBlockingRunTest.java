package io.quarkiverse.pipelinedeployment.deployment.reliability;

import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.net.Socket;
import java.net.URL;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.Pipeline;
import io.quarkus.test.QuarkusUnitTest;
import io.quarkus.test.common.http.TestHTTPResource;

/**
 * A client that closes its connection before the answer of a synchronous invoke: the blocking run is cancelled (its
 * thread interrupted) and counted with status {@code cancelled}. A keep-alive connection closed after its answer
 * cancels nothing.
 */
public class DisconnectCancelsBlockingRunTest {

    static final CountDownLatch STARTED = new CountDownLatch(1);
    static final CountDownLatch INTERRUPTED = new CountDownLatch(1);

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Held.class, RawHttp.class))
            .overrideRuntimeConfigKey("quarkus.pipeline.thread-pool-size", "1");

    @TestHTTPResource("/")
    URL root;

    @Test
    void disconnectInterruptsTheRun() throws Exception {
        try (Socket socket = RawHttp.connect(root)) {
            // A first request on the connection is answered: closing the connection later must not cancel it
            RawHttp.post(socket, "/invoke", "{\"parameters\": {\"millis\": 1}}");
            assertThat(RawHttp.readResponse(socket)).startsWith("HTTP/1.1 200").contains("\"success\":true");
            // The second one is still running when the client goes away
            RawHttp.post(socket, "/invoke", "{\"parameters\": {\"millis\": 60000}}");
            assertThat(STARTED.await(10, TimeUnit.SECONDS)).as("the long run started").isTrue();
        }
        assertThat(INTERRUPTED.await(10, TimeUnit.SECONDS)).as("the pipeline thread was interrupted").isTrue();
        await().atMost(10, TimeUnit.SECONDS).untilAsserted(() -> {
            String scrape = when().get("/metrics").asString();
            assertThat(RawHttp.invocations(scrape, "hold", "cancelled")).as(scrape).isEqualTo(1.0);
            assertThat(RawHttp.invocations(scrape, "hold", "success")).isEqualTo(1.0);
            assertThat(RawHttp.invocations(scrape, "hold", "failure")).isEqualTo(0.0);
            assertThat(scrape).contains("pipeline_invocations_active{pipeline=\"hold\",} 0.0");
        });
        // The only invocation thread is free again
        io.restassured.RestAssured.given().contentType("application/json").body("{\"parameters\": {\"millis\": 1}}")
                .post("/invoke").then().statusCode(200).body("outputs.output", equalTo("slept 1 ms"));
        when().get("/info").then().body("total_executions", equalTo(3));
    }

    public static class Held {
        @Pipeline
        public String hold(long millis) {
            if (millis > 1000) {
                STARTED.countDown();
            }
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                INTERRUPTED.countDown();
                Thread.currentThread().interrupt();
                return "interrupted";
            }
            return "slept " + millis + " ms";
        }
    }
}
