package io.quarkiverse.pipelinedeployment.deployment.runs;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkiverse.pipelinedeployment.Pipeline;
import io.quarkiverse.pipelinedeployment.RunContext;
import io.quarkus.test.QuarkusUnitTest;
import io.quarkus.test.common.http.TestHTTPResource;

/**
 * A synchronous invoke whose run is cancelled through the runs endpoint answers at once: 200 with the cancelled
 * envelope, the same bytes as the run's result.
 */
public class CancelSyncInvokeTest {

    static final CountDownLatch STARTED = new CountDownLatch(1);
    static final CountDownLatch NEVER = new CountDownLatch(1);
    static final AtomicReference<String> RUN_ID = new AtomicReference<>();

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Waiting.class, RunCalls.class, Sse.class));

    @TestHTTPResource("/")
    URL root;

    @Test
    void theWaitingClientGetsTheCancelledEnvelope() throws Exception {
        CompletableFuture<HttpResponse<String>> invoke = HttpClient.newHttpClient().sendAsync(
                HttpRequest.newBuilder(URI.create(root + "invoke")).timeout(Duration.ofSeconds(20))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"parameters\": {}, \"run_name\": \"waited\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(STARTED.await(10, TimeUnit.SECONDS)).isTrue();
        String id = RUN_ID.get();
        when().get("/runs/" + id).then().statusCode(200).body("status", equalTo("running"))
                .body("run_name", equalTo("waited"));

        given().post("/runs/" + id + "/cancel").then().statusCode(202).body("cancel_requested", equalTo(true));

        HttpResponse<String> answer = invoke.get(10, TimeUnit.SECONDS);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode envelope = RunCalls.json(answer.body());
        assertThat(envelope.get("success").asBoolean()).isFalse();
        assertThat(envelope.get("error").asText()).isEqualTo("Run cancelled");
        assertThat(envelope.at("/metadata/run_id").asText()).isEqualTo(id);
        assertThat(envelope.at("/metadata/run_name").asText()).isEqualTo("waited");
        RunCalls.assertCancelled(id, "Run cancelled");
        assertThat(when().get("/runs/" + id + "/result").asString()).isEqualTo(answer.body());
    }

    @ApplicationScoped
    public static class Waiting {

        @Inject
        RunContext run;

        @Pipeline
        public String waiting() throws InterruptedException {
            RUN_ID.set(run.id());
            STARTED.countDown();
            NEVER.await(30, TimeUnit.SECONDS);
            return "never";
        }
    }
}
