package io.quarkiverse.pipelinedeployment.deployment.reliability;

import static io.quarkiverse.pipelinedeployment.deployment.PipelineTests.invokeRaw;
import static io.quarkiverse.pipelinedeployment.deployment.PipelineTests.metric;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.deployment.PipelineTests;
import io.quarkiverse.pipelinedeployment.deployment.pipelines.SlowPipeline;
import io.quarkus.test.QuarkusUnitTest;
import io.quarkus.test.common.http.TestHTTPResource;

/**
 * Bodies that arrive slowly, or never completely, are read on the event loop: they hold no invocation thread, so
 * with a single thread the other invocations still run at once.
 */
public class SlowBodyTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(SlowPipeline.class, PipelineTests.class))
            .overrideRuntimeConfigKey("quarkus.pipeline.thread-pool-size", "1")
            .overrideRuntimeConfigKey("quarkus.pipeline.max-queued-invocations", "0");

    @TestHTTPResource("/")
    URL root;

    @Test
    void incompleteBodiesHoldNoThread() throws Exception {
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                Socket socket = new Socket(root.getHost(), root.getPort());
                OutputStream out = socket.getOutputStream();
                out.write(("POST /invoke HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 1000\r\n\r\n{\"parameters\": {\"mil").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                stalled.add(socket);
            }
            // The only invocation thread is free: an invocation runs at once, not 503 (a thread held by a stalled
            // body would hold this one until the stalled requests time out, minutes later)
            invokeRaw("/invoke", "{\"parameters\": {\"millis\": 1}}")
                    .time(lessThan(10_000L), TimeUnit.MILLISECONDS)
                    .statusCode(200).body("outputs.output", equalTo(1));
            assertThat(metric(when().get("/metrics").asString(), "pipeline_pool_threads_busy", "sleep"))
                    .isEqualTo(0.0);
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
        when().get("/health").then().statusCode(200);
    }
}
