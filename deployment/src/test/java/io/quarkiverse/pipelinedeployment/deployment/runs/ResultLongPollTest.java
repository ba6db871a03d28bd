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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.Pipeline;
import io.quarkiverse.pipelinedeployment.PipelineParam;
import io.quarkus.test.QuarkusUnitTest;
import io.quarkus.test.common.http.TestHTTPResource;

/**
 * {@code GET <runs>/<id>/result?wait=}: a wait that runs out answers 202 with the record and {@code Retry-After}; many
 * more clients than Quarkus' worker threads and the invocation threads together wait at once (waiting holds no
 * thread); the run's end answers every waiting client; a wait out of 0..60 seconds is a 422.
 */
public class ResultLongPollTest {

    static final CountDownLatch RELEASE = new CountDownLatch(1);
    static final CountDownLatch RELEASE_OTHER = new CountDownLatch(1);
    static final int WAITERS = 150;

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Held.class))
            .overrideRuntimeConfigKey("quarkus.pipeline.thread-pool-size", "2")
            .overrideConfigKey("quarkus.thread-pool.max-threads", "8");

    @TestHTTPResource("/")
    URL root;

    @Test
    void waitsRunOutWithTheRecordThenAllWaitersGetTheEnd() throws Exception {
        String id = given().contentType("application/json").body("{\"parameters\": {}}").post("/runs").then()
                .statusCode(202).extract().path("run_id");

        long before = System.nanoTime();
        when().get("/runs/" + id + "/result?wait=1").then().statusCode(202)
                .header("Retry-After", "1")
                .body("run_id", equalTo(id))
                .body("status", equalTo("running"));
        assertThat(Duration.ofNanos(System.nanoTime() - before)).as("the wait ran its second")
                .isGreaterThanOrEqualTo(Duration.ofMillis(900));

        // 150 waits of 2 s at once, with 8 worker threads and 2 invocation threads: a design that held a thread per
        // wait would answer them 10 at a time (30 s and more); with timers they all end together
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        long start = System.nanoTime();
        List<CompletableFuture<HttpResponse<String>>> brief = waitAll(client, id, 2);
        CompletableFuture.allOf(brief.toArray(new CompletableFuture[0])).get(60, TimeUnit.SECONDS);
        for (CompletableFuture<HttpResponse<String>> answer : brief) {
            assertThat(answer.get().statusCode()).isEqualTo(202);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("150 waits of 2 s ended together")
                .isLessThan(Duration.ofSeconds(20));

        // Waiting clients get the end as soon as the run ends
        List<CompletableFuture<HttpResponse<String>>> waiting = waitAll(client, id, 60);
        RELEASE.countDown();
        CompletableFuture.allOf(waiting.toArray(new CompletableFuture[0])).get(50, TimeUnit.SECONDS);
        for (CompletableFuture<HttpResponse<String>> answer : waiting) {
            assertThat(answer.get().statusCode()).isEqualTo(200);
            assertThat(answer.get().body()).contains("\"output\":\"released\"");
        }
    }

    private List<CompletableFuture<HttpResponse<String>>> waitAll(HttpClient client, String id, int seconds) {
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < WAITERS; i++) {
            answers.add(client.sendAsync(HttpRequest.newBuilder(URI.create(root + "runs/" + id + "/result?wait="
                    + seconds)).timeout(Duration.ofSeconds(90)).build(), HttpResponse.BodyHandlers.ofString()));
        }
        return answers;
    }

    @Test
    void aWaitOutOfRangeIs422() {
        String id = given().contentType("application/json").body("{\"parameters\": {\"other\": true}}")
                .post("/runs").then().statusCode(202).extract().path("run_id");
        for (String wait : new String[] { "61", "-1", "abc", "NaN" }) {
            when().get("/runs/" + id + "/result?wait=" + wait).then().statusCode(422)
                    .body("detail[0].loc[0]", equalTo("query"))
                    .body("detail[0].loc[1]", equalTo("wait"));
        }
        RELEASE_OTHER.countDown();
    }

    public static class Held {
        @Pipeline
        public String held(@PipelineParam(defaultValue = "false") boolean other) throws InterruptedException {
            return (other ? RELEASE_OTHER : RELEASE).await(60, TimeUnit.SECONDS) ? "released" : "never released";
        }
    }
}
