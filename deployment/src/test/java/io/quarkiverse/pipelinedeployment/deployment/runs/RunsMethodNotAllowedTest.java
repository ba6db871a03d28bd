package io.quarkiverse.pipelinedeployment.deployment.runs;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.Pipeline;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A wrong method on a path of the runs endpoint gets {@code 405 {"detail": "Method Not Allowed"}} with the methods
 * the path serves in {@code Allow}.
 */
public class RunsMethodNotAllowedTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Echo.class));

    private static void notAllowed(String method, String path, String allow) {
        given().contentType("application/json").body("{}").request(method, path).then()
                .statusCode(405)
                .header("Allow", allow)
                .contentType("application/json")
                .body("detail", equalTo("Method Not Allowed"));
    }

    @Test
    void wrongMethods() {
        String id = given().contentType("application/json").body("{\"parameters\": {\"word\": \"m\"}}")
                .post("/runs").then().statusCode(202).extract().path("run_id");
        for (String run : new String[] { id, "nope" }) {
            for (String method : new String[] { "PUT", "PATCH", "DELETE" }) {
                notAllowed(method, "/runs", "GET, HEAD, POST");
            }
            for (String method : new String[] { "PUT", "PATCH", "POST" }) {
                notAllowed(method, "/runs/" + run, "GET, HEAD, DELETE");
            }
            for (String method : new String[] { "PUT", "POST", "DELETE" }) {
                notAllowed(method, "/runs/" + run + "/result", "GET, HEAD");
            }
            for (String method : new String[] { "PUT", "POST", "DELETE" }) {
                notAllowed(method, "/runs/" + run + "/events", "GET");
            }
            for (String method : new String[] { "GET", "PUT", "DELETE" }) {
                notAllowed(method, "/runs/" + run + "/cancel", "POST");
            }
        }
        given().get("/runs/" + id + "/nothing").then().statusCode(404).body("detail", equalTo("Not Found"));
    }

    public static class Echo {
        @Pipeline
        public String echo(String word) {
            return word;
        }
    }
}
