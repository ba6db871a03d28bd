package io.quarkiverse.pipelinedeployment.deployment.runs;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.Pipeline;
import io.quarkus.test.QuarkusUnitTest;

/**
 * {@code auth.protected-endpoints=invoke} leaves the runs endpoint open while invoke, asynchronous or not, still needs
 * the key.
 */
public class RunsAuthInvokeOnlyTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Echo.class))
            .overrideConfigKey("quarkus.pipeline.auth.protected-endpoints", "invoke")
            .overrideRuntimeConfigKey("quarkus.pipeline.auth.api-keys", "k1");

    @Test
    void runsAreOpen() {
        String id = given().contentType("application/json").body("{\"parameters\": {\"word\": \"open\"}}")
                .post("/runs").then().statusCode(202).extract().path("run_id");
        when().get("/runs/" + id + "/result?wait=10").then().statusCode(200).body("outputs.output", equalTo("open"));
        when().get("/runs/" + id).then().statusCode(200).body("status", equalTo("completed"));
        when().get("/runs").then().statusCode(200).body("runs[0].run_id", equalTo(id));
        when().get("/runs/" + id + "/events").then().statusCode(200);
        given().post("/runs/" + id + "/cancel").then().statusCode(409);
        when().get("/runs/nope").then().statusCode(404).body("detail", equalTo("Run not found"));
    }

    @Test
    void invokeStillNeedsTheKey() {
        for (String prefer : new String[] { "respond-async", "wait=1" }) {
            given().contentType("application/json").header("Prefer", prefer)
                    .body("{\"parameters\": {\"word\": \"closed\"}}").post("/invoke").then()
                    .statusCode(401)
                    .header("WWW-Authenticate", "Bearer")
                    .body("detail", equalTo("Authorization header required"));
        }
        given().contentType("application/json").header("Prefer", "respond-async")
                .header("Authorization", "Bearer k1").body("{\"parameters\": {\"word\": \"closed\"}}")
                .post("/invoke").then().statusCode(202);
    }

    public static class Echo {
        @Pipeline
        public String echo(String word) {
            return word;
        }
    }
}
