package io.quarkiverse.pipelinedeployment.deployment.reliability;

import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.Socket;
import java.net.URL;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.Pipeline;
import io.quarkus.test.QuarkusUnitTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.smallrye.mutiny.Uni;

/**
 * A client that closes its connection before the answer of a synchronous invoke of a {@code Uni} pipeline: the
 * pipeline's {@code Uni} is cancelled and the run counted with status {@code cancelled}.
 */
public class DisconnectCancelsUniRunTest {

    static final CountDownLatch SUBSCRIBED = new CountDownLatch(1);
    static final CountDownLatch CANCELLED = new CountDownLatch(1);

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Pending.class, RawHttp.class));

    @TestHTTPResource("/")
    URL root;

    @Test
    void disconnectCancelsTheUni() throws Exception {
        try (Socket socket = RawHttp.connect(root)) {
            RawHttp.post(socket, "/invoke", "{\"parameters\": {}}");
            assertThat(SUBSCRIBED.await(10, TimeUnit.SECONDS)).as("the pipeline's Uni was subscribed").isTrue();
        }
        assertThat(CANCELLED.await(10, TimeUnit.SECONDS)).as("the pipeline's Uni was cancelled").isTrue();
        await().atMost(10, TimeUnit.SECONDS).untilAsserted(() -> {
            String scrape = when().get("/metrics").asString();
            assertThat(RawHttp.invocations(scrape, "never", "cancelled")).as(scrape).isEqualTo(1.0);
            assertThat(RawHttp.invocations(scrape, "never", "failure")).isEqualTo(0.0);
            assertThat(scrape).contains("pipeline_invocations_active{pipeline=\"never\",} 0.0");
        });
    }

    public static class Pending {
        @Pipeline
        public Uni<String> never() {
            return Uni.createFrom().<String> emitter(emitter -> SUBSCRIBED.countDown())
                    .onCancellation().invoke(CANCELLED::countDown);
        }
    }
}
