package io.quarkiverse.pipelinedeployment.deployment.core;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.equalTo;

import jakarta.enterprise.context.ApplicationScoped;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.InvocationRequest;
import io.quarkiverse.pipelinedeployment.InvocationResponse;
import io.quarkiverse.pipelinedeployment.PipelineDeploymentService;
import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.mutiny.Uni;

/**
 * A CDI bean of type DeploymentService replaces the built-in one behind invoke and info; here a subclass that
 * names every run.
 */
public class CustomServiceBeanTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class, NamingService.class));

    @Test
    void theBeanServesInvoke() {
        given().contentType("application/json").body("{\"parameters\":{\"features\":[1]}}").post("/invoke").then()
                .statusCode(200)
                .body("success", equalTo(true))
                .body("metadata.run_name", equalTo("named-by-custom-service"));
        when().get("/info").then().statusCode(200).body("total_executions", equalTo(1));
    }

    @ApplicationScoped
    public static class NamingService extends PipelineDeploymentService {
        @Override
        public Uni<InvocationResponse> invoke(InvocationRequest request) {
            return super.invoke(new InvocationRequest(request.parameters(), "named-by-custom-service",
                    request.timeout(), request.receivedAtNanos()));
        }
    }
}
