package io.quarkiverse.pipelinedeployment.deployment.runs;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.Pipeline;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.path.json.JsonPath;

/**
 * {@code GET <runs>?status=} (one status, or several separated by commas) and {@code ?source=} show only the runs
 * that match, and page through them with {@code limit} and {@code after}.
 */
public class RunListFiltersTest {

    static final CountDownLatch RELEASE = new CountDownLatch(1);
    static final CountDownLatch NEVER = new CountDownLatch(1);

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Outcomes.class));

    private static String submit(String word, String extra) {
        return given().contentType("application/json")
                .body("{\"parameters\": {\"word\": \"" + word + "\"}" + extra + "}")
                .post("/runs").then().statusCode(202).extract().path("run_id");
    }

    private static String status(String id) {
        return when().get("/runs/" + id).then().statusCode(200).extract().path("status");
    }

    private static List<String> listed(String query) {
        return when().get("/runs?" + query).then().statusCode(200).extract().jsonPath()
                .getList("runs.run_id", String.class);
    }

    @Test
    void filtersByStatusAndSource() {
        String completed1 = submit("a", "");
        String failed = submit("fail", "");
        String timedOut = submit("slow", ", \"timeout\": 0.2");
        String cancelled = submit("gate", "");
        await().atMost(10, TimeUnit.SECONDS).until(() -> status(cancelled).equals("running"));
        given().post("/runs/" + cancelled + "/cancel").then().statusCode(202);
        String completed2 = submit("b", "");
        String running = submit("gate", "");
        try {
            await().atMost(10, TimeUnit.SECONDS).until(() -> status(completed1).equals("completed")
                    && status(completed2).equals("completed") && status(failed).equals("failed")
                    && status(timedOut).equals("timed_out") && status(cancelled).equals("cancelled")
                    && status(running).equals("running"));

            assertThat(listed("status=completed")).containsExactly(completed2, completed1);
            assertThat(listed("status=failed")).containsExactly(failed);
            assertThat(listed("status=timed_out")).containsExactly(timedOut);
            assertThat(listed("status=cancelled")).containsExactly(cancelled);
            assertThat(listed("status=running")).containsExactly(running);
            assertThat(listed("status=queued")).isEmpty();
            assertThat(listed("status=completed,failed")).containsExactly(completed2, failed, completed1);
            assertThat(listed("status=failed, cancelled,timed_out"))
                    .containsExactly(cancelled, timedOut, failed);
            assertThat(listed("status=")).containsExactly(running, completed2, cancelled, timedOut, failed,
                    completed1);

            assertThat(listed("source=http")).containsExactly(running, completed2, cancelled, timedOut, failed,
                    completed1);
            assertThat(listed("source=kafka")).isEmpty();
            assertThat(listed("source=batch")).isEmpty();
            assertThat(listed("source=http&status=completed")).containsExactly(completed2, completed1);

            // Pages of a filtered list
            JsonPath page = when().get("/runs?status=completed,failed&limit=2").then().statusCode(200).extract()
                    .jsonPath();
            assertThat(page.getList("runs.run_id", String.class)).containsExactly(completed2, failed);
            String next = page.getString("next");
            assertThat(next).isNotNull();
            JsonPath last = given().queryParam("status", "completed,failed").queryParam("limit", 2)
                    .queryParam("after", next).get("/runs").then().statusCode(200).extract().jsonPath();
            assertThat(last.getList("runs.run_id", String.class)).containsExactly(completed1);
            assertThat(last.getString("next")).isNull();
        } finally {
            RELEASE.countDown();
        }
    }

    public static class Outcomes {
        @Pipeline
        public String outcomes(String word) throws InterruptedException {
            switch (word) {
                case "fail" -> throw new IllegalStateException("failed on purpose");
                // Outlasts its timeout, and ends when it is interrupted
                case "slow" -> NEVER.await(30, TimeUnit.SECONDS);
                case "gate" -> RELEASE.await(30, TimeUnit.SECONDS);
                default -> {
                }
            }
            return word;
        }
    }
}
