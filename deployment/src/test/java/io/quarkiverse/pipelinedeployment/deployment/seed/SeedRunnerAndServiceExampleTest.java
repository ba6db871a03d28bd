package io.quarkiverse.pipelinedeployment.deployment.seed;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import org.acme.AuditedService;
import org.acme.TracingRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * The seed's "customizing the runner and service" as {@code runner-and-service.properties},
 * {@code org.acme.TracingRunner} and {@code org.acme.AuditedService}.
 */
public class SeedRunnerAndServiceExampleTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> SeedExamples.app(jar, "runner-and-service", TracingRunner.class,
                    AuditedService.class));

    @Test
    void theRunnerAndTheServiceAreReplaced() {
        given().contentType("application/json").body("{\"parameters\": {\"features\": [1]}}").post("/invoke")
                .then().statusCode(200).body("metadata.run_name", startsWith("audited-"));
        when().get("/info").then().statusCode(200).body("app.app_runner_flavor", equalTo("vertx-otlp"));
    }
}
