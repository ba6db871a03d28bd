package io.quarkiverse.pipelinedeployment.deployment.runs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.Pipeline;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.specification.RequestSpecification;

/**
 * With API keys set and the default protected endpoints ({@code invoke,runs}), every route of the runs endpoint
 * answers 401 without a valid key, before it looks the run up; submissions turned away so are not runs. The keys are
 * aliases of one another: a run submitted with one is read and cancelled with another.
 */
public class RunsAuthTest {

    static final CountDownLatch RELEASE = new CountDownLatch(1);

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Gated.class))
            .overrideRuntimeConfigKey("quarkus.pipeline.auth.api-keys", "k1,k2");

    private static RequestSpecification as(String key) {
        RequestSpecification request = given();
        return key == null ? request : request.header("Authorization", "Bearer " + key);
    }

    private static List<String> runs() {
        return as("k1").get("/runs").then().statusCode(200).extract().jsonPath().getList("runs.run_id", String.class);
    }

    /** Each route of the runs endpoint, for a run id. */
    private static void eachRoute(String id, String key, int status, String detail) {
        String body = "{\"parameters\": {\"word\": \"x\"}}";
        String[][] routes = { { "GET", "/runs" }, { "HEAD", "/runs" }, { "POST", "/runs" }, { "GET", "/runs/" + id },
                { "HEAD", "/runs/" + id }, { "GET", "/runs/" + id + "/result" },
                { "GET", "/runs/" + id + "/result?wait=5" }, { "HEAD", "/runs/" + id + "/result" },
                { "GET", "/runs/" + id + "/events" }, { "POST", "/runs/" + id + "/cancel" },
                { "DELETE", "/runs/" + id }, { "POST", "/invoke" } };
        for (String[] route : routes) {
            RequestSpecification request = as(key).contentType("application/json").body(body);
            if (route[1].equals("/invoke")) {
                request = request.header("Prefer", "respond-async");
            }
            var response = request.request(route[0], route[1]).then();
            response.statusCode(status).header("WWW-Authenticate", "Bearer");
            if (!route[0].equals("HEAD")) {
                response.contentType("application/json").body("detail", equalTo(detail));
            }
        }
    }

    @Test
    void everyRouteNeedsAKey() {
        String id = as("k1").contentType("application/json").body("{\"parameters\": {\"word\": \"known\"}}")
                .post("/runs").then().statusCode(202).extract().path("run_id");
        List<String> before = runs();
        for (String run : new String[] { id, "00000000-0000-4000-8000-000000000000", "nope" }) {
            eachRoute(run, null, 401, "Authorization header required");
            eachRoute(run, "k3", 401, "Invalid authentication token");
        }
        // Turned away before a run existed
        assertThat(runs()).isEqualTo(before);
        // With a key: the unknown run is 404
        as("k2").get("/runs/nope").then().statusCode(404).body("detail", equalTo("Run not found"));
    }

    @Test
    void keysAreAliasesNotTenants() {
        String id = as("k1").contentType("application/json").body("{\"parameters\": {\"word\": \"gate\"}}")
                .post("/runs").then().statusCode(202).extract().path("run_id");
        try {
            as("k2").get("/runs/" + id).then().statusCode(200).body("run_id", equalTo(id));
            assertThat(as("k2").get("/runs").then().statusCode(200).extract().jsonPath()
                    .getList("runs.run_id", String.class)).contains(id);
            as("k2").post("/runs/" + id + "/cancel").then().statusCode(202)
                    .body("run_id", equalTo(id))
                    .body("cancel_requested", equalTo(true));
        } finally {
            RELEASE.countDown();
        }
        as("k2").get("/runs/" + id + "/result?wait=10").then().statusCode(200)
                .body("success", equalTo(false))
                .body("error", equalTo("Run cancelled"));
        String events = as("k1").get("/runs/" + id + "/events").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/event-stream")).extract().asString();
        assertThat(events).contains("event: run_cancelled");
        as("k1").delete("/runs/" + id).then().statusCode(409).body("detail", equalTo("Run already finished"));
    }

    public static class Gated {
        @Pipeline
        public String gated(String word) throws InterruptedException {
            if (word.equals("gate") && !RELEASE.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
            return word;
        }
    }
}
