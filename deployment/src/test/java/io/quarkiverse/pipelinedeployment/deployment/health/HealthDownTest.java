package io.quarkiverse.pipelinedeployment.deployment.health;

import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.equalTo;

import jakarta.enterprise.context.ApplicationScoped;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.PipelineDeploymentService;
import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkus.test.QuarkusUnitTest;

/**
 * When DeploymentService.health() says false, health answers 503 DOWN and /info says unhealthy.
 */
public class HealthDownTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class, SickService.class));

    @Test
    void healthIsDown() {
        when().get("/health").then().statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks.find { it.name == 'fraud_scoring' }.status", equalTo("DOWN"));
        when().get("/health/ready").then().statusCode(503);
        when().get("/info").then().statusCode(200).body("status", equalTo("unhealthy"));
    }

    @ApplicationScoped
    public static class SickService extends PipelineDeploymentService {
        @Override
        public boolean health() {
            return false;
        }
    }
}
