package io.quarkiverse.pipelinedeployment.deployment.runs;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.Pipeline;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.response.Response;

/**
 * {@code runs.max-records=3}, one invocation thread: the store is filled past its bound with finished runs while one
 * run is running and one queued. The oldest finished runs are dropped first (their lookups answer 404), the running
 * and the queued run are kept although they are older, and the list never holds more than the bound once they end.
 */
public class BoundsMaxRecordsTest {

    static final CountDownLatch HOLDING = new CountDownLatch(1);
    static final CountDownLatch RELEASE = new CountDownLatch(1);

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Gate.class, RunCalls.class, Sse.class))
            .overrideRuntimeConfigKey("quarkus.pipeline.runs.max-records", "3")
            .overrideRuntimeConfigKey("quarkus.pipeline.thread-pool-size", "1");

    @Test
    void evictionDropsTheOldestFinishedRunsOnly() {
        String first;
        String second;
        String running;
        String queued;
        String another;
        String more;
        List<String> cancelled;
        try {
            // Two finished runs, synchronous invocations
            first = finishedSync("first");
            second = finishedSync("second");
            running = RunCalls.submit("{\"name\": \"running\"}");
            await(HOLDING);
            queued = RunCalls.submit("{\"name\": \"queued\"}");
            // 4 records for 3 places: the oldest finished one goes
            when().get("/runs/" + first).then().statusCode(404).body("detail", equalTo("Run not found"));
            when().get("/runs/" + second).then().statusCode(200);

            // Three more runs, each cancelled while queued: finished runs, newer than the running and the queued one
            cancelled = List.of(queuedThenCancelled("c1"), queuedThenCancelled("c2"), queuedThenCancelled("c3"));
            when().get("/runs/" + second).then().statusCode(404);
            when().get("/runs/" + cancelled.get(0)).then().statusCode(404);
            when().get("/runs/" + cancelled.get(1)).then().statusCode(404);
            when().get("/runs/" + cancelled.get(2)).then().statusCode(200).body("status", equalTo("cancelled"));
            when().get("/runs/" + running).then().statusCode(200).body("status", equalTo("running"));
            when().get("/runs/" + queued).then().statusCode(200).body("status", equalTo("queued"));
            assertThat(listed()).containsExactly(cancelled.get(2), queued, running);

            // A new unfinished run takes the place of the last finished one
            another = RunCalls.submit("{\"name\": \"another\"}");
            when().get("/runs/" + cancelled.get(2)).then().statusCode(404);
            assertThat(listed()).containsExactly(another, queued, running);
            // With only unfinished runs left, none is dropped: the store holds more than the bound for a while
            more = RunCalls.submit("{\"name\": \"more\"}");
            assertThat(listed()).as("queued and running runs are never dropped").containsExactly(more, another,
                    queued, running);
        } finally {
            RELEASE.countDown();
        }
        // As they finish, the bound holds again: the oldest finished run (the one that was running) goes first
        when().get("/runs/" + more + "/result?wait=10").then().statusCode(200).body("outputs.output",
                equalTo("more"));
        assertThat(listed()).containsExactly(more, another, queued);
        when().get("/runs/" + running).then().statusCode(404);
        String last = finishedSync("last");
        assertThat(listed()).containsExactly(last, more, another);
        when().get("/runs/" + queued).then().statusCode(404);
        when().get("/runs/" + queued + "/result").then().statusCode(404).body("detail", equalTo("Run not found"));
    }

    private static String finishedSync(String name) {
        Response answer = given().contentType("application/json")
                .body("{\"parameters\": {\"name\": \"" + name + "\"}}").post("/invoke");
        answer.then().statusCode(200).body("success", equalTo(true));
        return answer.jsonPath().getString("metadata.run_id");
    }

    private static String queuedThenCancelled(String name) {
        String id = RunCalls.submit("{\"name\": \"" + name + "\"}");
        given().post("/runs/" + id + "/cancel").then().statusCode(202).body("status", equalTo("cancelled"));
        return id;
    }

    /** The ids the list shows, newest first. */
    private static List<String> listed() {
        return when().get("/runs?limit=1000").then().statusCode(200).extract().jsonPath().getList("runs.run_id");
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    public static class Gate {
        @Pipeline
        public String gate(String name) throws InterruptedException {
            if (name.equals("running")) {
                HOLDING.countDown();
                RELEASE.await(30, TimeUnit.SECONDS);
            }
            return name;
        }
    }
}
