package io.quarkiverse.pipelinedeployment.deployment.runs;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.Pipeline;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.response.Response;

/**
 * {@code runs.record=async}: a synchronous invoke is answered as usual but leaves no record (its run id is unknown to
 * the runs endpoint, the list stays empty), while {@code POST <runs>} and {@code Prefer: respond-async} submissions
 * are recorded.
 */
public class RecordAsyncTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Echo.class, RunCalls.class))
            .overrideRuntimeConfigKey("quarkus.pipeline.runs.record", "async");

    @Test
    void onlyAsynchronousSubmissionsAreRecorded() {
        Response sync = given().contentType("application/json").body("{\"parameters\": {\"word\": \"sync\"}}")
                .post("/invoke");
        sync.then().statusCode(200).body("success", equalTo(true)).body("outputs.output", equalTo("sync"));
        String syncId = sync.jsonPath().getString("metadata.run_id");
        assertThat(syncId).isNotBlank();
        when().get("/runs/" + syncId).then().statusCode(404).body("detail", equalTo("Run not found"));
        when().get("/runs/" + syncId + "/result").then().statusCode(404);
        when().get("/runs/" + syncId + "/events").then().statusCode(404);
        given().post("/runs/" + syncId + "/cancel").then().statusCode(404);
        when().get("/runs").then().statusCode(200).body("runs.size()", equalTo(0));

        String async = RunCalls.submit("{\"word\": \"async\"}");
        when().get("/runs/" + async + "/result?wait=10").then().statusCode(200).body("outputs.output",
                equalTo("async"));
        Response preferred = given().contentType("application/json").header("Prefer", "respond-async")
                .body("{\"parameters\": {\"word\": \"preferred\"}}").post("/invoke");
        preferred.then().statusCode(202);
        String preferredId = preferred.jsonPath().getString("run_id");
        when().get("/runs/" + preferredId + "/result?wait=10").then().statusCode(200).body("outputs.output",
                equalTo("preferred"));

        when().get("/runs").then().statusCode(200)
                .body("runs.size()", equalTo(2))
                .body("runs[0].run_id", equalTo(preferredId))
                .body("runs[1].run_id", equalTo(async));
    }

    public static class Echo {
        @Pipeline
        public String echo(String word) {
            return word;
        }
    }
}
