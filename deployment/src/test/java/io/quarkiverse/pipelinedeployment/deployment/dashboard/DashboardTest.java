package io.quarkiverse.pipelinedeployment.deployment.dashboard;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The bundled dashboard at /, with the endpoints' paths in its config, and the SPA fallback for browsers.
 */
public class DashboardTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class))
            .overrideRuntimeConfigKey("quarkus.pipeline.app-title", "Scoring </script><b>");

    @Test
    void dashboardIsServed() {
        when().get("/").then().statusCode(200)
                .contentType(startsWith("text/html"))
                .body(containsString("<title>Scoring &lt;/script&gt;&lt;b&gt;</title>"))
                .body(containsString("\"invoke\":\"/invoke\""))
                .body(containsString("\"info\":\"/info\""))
                .body(containsString("\"openapi\":\"/openapi.json\""))
                // JSON in the script element cannot close it
                .body(containsString("Scoring \\u003c/script\\u003e\\u003cb\\u003e"))
                .body(containsString("src=\"/static/dashboard.js\""));
        when().get("/index.html").then().statusCode(200).contentType(startsWith("text/html"));
        when().get("/static/dashboard.js").then().statusCode(200).contentType(startsWith("text/javascript"));
        when().get("/static/dashboard.css").then().statusCode(200).contentType(startsWith("text/css"));
        when().post("/").then().statusCode(405).body("detail", equalTo("Method Not Allowed"));
    }

    @Test
    void browsersGetTheAppForUnknownPaths() {
        given().accept("text/html,application/xhtml+xml").get("/reports/42").then().statusCode(200)
                .contentType(startsWith("text/html")).body(containsString("id=\"pipeline-config\""));
        // Without text/html, or not a GET: the JSON 404
        given().accept("application/json").get("/reports/42").then().statusCode(404).body("detail", equalTo("Not Found"));
        when().get("/static/missing.js").then().statusCode(404).body("detail", equalTo("Not Found"));
        given().accept("text/html").delete("/reports/42").then().statusCode(404);
    }
}
