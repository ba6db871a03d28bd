package io.quarkiverse.pipelinedeployment.deployment.runs;

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
import io.restassured.response.Response;
import io.smallrye.mutiny.Uni;

/**
 * A replaced service that renames the request before it passes it on to the built-in one: the run carries the
 * service's name everywhere, in the envelope, the submission's answer and the record.
 */
public class RunStoreServiceNamedRunsTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class, Renaming.class));

    @Test
    void theServicesNameIsTheRunsName() {
        Response sync = given().contentType("application/json")
                .body("{\"parameters\": {\"features\": [1]}, \"run_name\": \"sync\"}").post("/invoke");
        sync.then().statusCode(200).body("metadata.run_name", equalTo("renamed-sync"));
        when().get("/runs/" + sync.jsonPath().getString("metadata.run_id")).then().statusCode(200)
                .body("run_name", equalTo("renamed-sync"));

        Response async = given().contentType("application/json")
                .body("{\"parameters\": {\"features\": [1]}, \"run_name\": \"async\"}").post("/runs");
        async.then().statusCode(202).body("run_name", equalTo("renamed-async"));
        String id = async.jsonPath().getString("run_id");
        when().get("/runs/" + id + "/result?wait=10").then().statusCode(200)
                .body("metadata.run_name", equalTo("renamed-async"));
        when().get("/runs/" + id).then().body("run_name", equalTo("renamed-async"));
    }

    @ApplicationScoped
    public static class Renaming extends PipelineDeploymentService {
        @Override
        public Uni<InvocationResponse> invoke(InvocationRequest request) {
            return super.invoke(new InvocationRequest(request.parameters(), "renamed-" + request.runName(),
                    request.timeout(), request.receivedAtNanos()));
        }
    }
}
