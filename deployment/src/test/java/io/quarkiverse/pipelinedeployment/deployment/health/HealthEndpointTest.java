package io.quarkiverse.pipelinedeployment.deployment.health;

import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Health at the default path, in the MicroProfile Health format, with the pipeline's own check.
 */
public class HealthEndpointTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class));

    @Test
    void healthIsUpWithThePipelineCheck() {
        when().get("/health").then().statusCode(200)
                .contentType("application/json")
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("fraud_scoring"))
                .body("checks.find { it.name == 'fraud_scoring' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'fraud_scoring' }.data.pipeline_name", equalTo("fraud_scoring"))
                .body("checks.find { it.name == 'fraud_scoring' }.data.deployment_id",
                        matchesPattern("[0-9a-f-]{36}"))
                .body("checks.find { it.name == 'fraud_scoring' }.data.uptime", notNullValue());
    }

    @Test
    void livenessAndReadiness() {
        when().get("/health/live").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem("fraud_scoring"));
        when().get("/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem("fraud_scoring"));
    }

    @Test
    void infoListsIt() {
        when().get("/info").then().body("app.health_url_path", equalTo("/health"));
    }

    @Test
    void wrongMethodAndUnknownSubPath() {
        when().post("/health").then().statusCode(405).body("detail", equalTo("Method Not Allowed"));
        when().delete("/health/ready").then().statusCode(405);
        when().get("/health/other").then().statusCode(404).body("detail", equalTo("Not Found"));
    }
}
