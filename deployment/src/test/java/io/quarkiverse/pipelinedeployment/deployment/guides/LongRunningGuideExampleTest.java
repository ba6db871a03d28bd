package io.quarkiverse.pipelinedeployment.deployment.guides;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;

import org.acme.Training;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;
import io.restassured.path.json.JsonPath;

/**
 * The "Publish progress from a step" example of the long-running guide ({@code Training}, included from
 * {@code docs/modules/ROOT/examples/java}): its epochs are events of the run, and a cancel stops the loop.
 */
public class LongRunningGuideExampleTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Training.class));

    @Test
    void epochsAreEventsOfTheRun() {
        String id = given().contentType("application/json")
                .body("{\"parameters\": {\"epochs\": 3, \"epochMillis\": 1}}")
                .post("/runs").then().statusCode(202).extract().path("run_id");
        when().get("/runs/" + id + "/result?wait=20").then().statusCode(200)
                .body("outputs.output", equalTo("final loss 0.125"));
        String stream = given().accept("text/event-stream").get("/runs/" + id + "/events").then().statusCode(200)
                .extract().asString();
        List<String> epochs = new ArrayList<>();
        for (String block : stream.split("\n\n")) {
            if (block.contains("event: epoch\n")) {
                epochs.add(JsonPath.from(block.substring(block.indexOf("data: ") + 6)).getString("epoch"));
            }
        }
        assertThat(epochs).containsExactly("1", "2", "3");
        assertThat(stream).contains("event: run_completed");
    }

    @Test
    void aCancelEndsTheLoop() {
        String id = given().contentType("application/json")
                .body("{\"parameters\": {\"epochs\": 1000, \"epochMillis\": 20}}")
                .post("/runs").then().statusCode(202).extract().path("run_id");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                .until(() -> "running".equals(when().get("/runs/" + id).path("status")));
        given().post("/runs/" + id + "/cancel").then().statusCode(202);
        when().get("/runs/" + id + "/result?wait=20").then().statusCode(200)
                .body("success", equalTo(false))
                .body("error", equalTo("Run cancelled"));
    }
}
