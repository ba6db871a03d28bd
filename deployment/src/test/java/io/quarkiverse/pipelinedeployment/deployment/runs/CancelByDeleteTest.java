package io.quarkiverse.pipelinedeployment.deployment.runs;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.Pipeline;
import io.quarkus.test.QuarkusUnitTest;

/**
 * {@code DELETE <runs>/<id>} cancels like {@code POST <runs>/<id>/cancel}; either on a finished run (completed, or
 * already cancelled) answers {@code 409 {"detail": "Run already finished"}} and leaves the record as it was.
 */
public class CancelByDeleteTest {

    static final CountDownLatch HOLDING = new CountDownLatch(1);
    static final CountDownLatch NEVER = new CountDownLatch(1);

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Hold.class, RunCalls.class, Sse.class));

    @Test
    void deleteCancelsARunningRun() throws Exception {
        String id = RunCalls.submit("{\"hold\": true}");
        assertThat(HOLDING.await(10, TimeUnit.SECONDS)).isTrue();
        given().delete("/runs/" + id).then().statusCode(202)
                .contentType("application/json")
                .body("run_id", equalTo(id))
                .body("cancel_requested", equalTo(true));
        RunCalls.assertCancelled(id, "Run cancelled");

        // Cancelled is finished: a second cancel, by either form, is a conflict
        given().delete("/runs/" + id).then().statusCode(409).body("detail", equalTo("Run already finished"));
        given().post("/runs/" + id + "/cancel").then().statusCode(409).body("detail", equalTo("Run already finished"));
    }

    @Test
    void aFinishedRunCannotBeCancelled() {
        String id = RunCalls.submit("{\"hold\": false}");
        when().get("/runs/" + id + "/result?wait=10").then().statusCode(200).body("success", equalTo(true));
        given().post("/runs/" + id + "/cancel").then().statusCode(409)
                .contentType("application/json")
                .body("detail", equalTo("Run already finished"));
        given().delete("/runs/" + id).then().statusCode(409).body("detail", equalTo("Run already finished"));
        when().get("/runs/" + id).then().statusCode(200)
                .body("status", equalTo("completed"))
                .body("cancel_requested", equalTo(false))
                .body("error", equalTo(null));
        when().get("/runs/" + id + "/result").then().statusCode(200).body("success", equalTo(true));
    }

    public static class Hold {
        @Pipeline
        public boolean hold(boolean hold) throws InterruptedException {
            if (hold) {
                HOLDING.countDown();
                NEVER.await(30, TimeUnit.SECONDS);
            }
            return hold;
        }
    }
}
