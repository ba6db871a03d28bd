package io.quarkiverse.pipelinedeployment.deployment.extensions;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.InvocationRequest;
import io.quarkiverse.pipelinedeployment.InvocationResponse;
import io.quarkiverse.pipelinedeployment.PipelineDeploymentService;
import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.mutiny.Uni;

/**
 * service-class with service-args replaces the built-in service; here a subclass that prefixes run names.
 */
public class ServiceClassTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class, PrefixingService.class))
            .overrideConfigKey("quarkus.pipeline.service-class", PrefixingService.class.getName())
            .overrideRuntimeConfigKey("quarkus.pipeline.service-args.prefix", "nightly");

    @Test
    void theConfiguredServiceRuns() {
        given().contentType("application/json").body("{\"parameters\": {\"features\": [1]}}").post("/invoke").then()
                .statusCode(200)
                .body("success", equalTo(true))
                .body("metadata.run_name", startsWith("nightly-"));
        when().get("/info").then().statusCode(200).body("total_executions", equalTo(1));
    }

    /** Not a CDI bean: built from the configuration. */
    public static class PrefixingService extends PipelineDeploymentService {
        private final String prefix;

        public PrefixingService(Map<String, String> args) {
            this.prefix = args.get("prefix");
        }

        @Override
        public Uni<InvocationResponse> invoke(InvocationRequest request) {
            return super.invoke(new InvocationRequest(request.parameters(), prefix + "-" + System.nanoTime(),
                    request.timeout(), request.receivedAtNanos()));
        }
    }
}
