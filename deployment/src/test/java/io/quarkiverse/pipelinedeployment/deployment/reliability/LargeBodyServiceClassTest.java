package io.quarkiverse.pipelinedeployment.deployment.reliability;

import static io.quarkiverse.pipelinedeployment.deployment.PipelineTests.invokeRaw;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.InvocationRequest;
import io.quarkiverse.pipelinedeployment.InvocationResponse;
import io.quarkiverse.pipelinedeployment.PipelineDeploymentService;
import io.quarkiverse.pipelinedeployment.deployment.PipelineTests;
import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.mutiny.Uni;

/**
 * A large body parsed off the event loop still goes through a configured service-class's own invoke, which sees the
 * request and binds its parameters.
 */
public class LargeBodyServiceClassTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class, NamingService.class,
                    PipelineTests.class))
            .overrideConfigKey("quarkus.pipeline.service-class", NamingService.class.getName());

    static String body(String extra, int features) {
        StringBuilder sb = new StringBuilder("{\"parameters\": {").append(extra).append("\"features\": [0.5");
        for (int i = 1; i < features; i++) {
            sb.append(", 0.5");
        }
        return sb.append("]}}").toString();
    }

    @Test
    void theServiceSeesTheLargeRequest() {
        invokeRaw("/invoke", body("", 50_000)).statusCode(200)
                .body("success", equalTo(true))
                .body("metadata.run_name", startsWith("named-"))
                .body("metadata.parameters_used.features.size()", equalTo(50_000));
    }

    @Test
    void itsBindingProblemsAre422() {
        invokeRaw("/invoke", body("\"unknown\": 1, ", 50_000)).statusCode(422)
                .body("detail[0].type", equalTo("extra_forbidden"))
                .body("detail[0].loc[2]", equalTo("unknown"));
    }

    public static class NamingService extends PipelineDeploymentService {
        @Override
        public Uni<InvocationResponse> invoke(InvocationRequest request) {
            return super.invoke(new InvocationRequest(request.parameters(), "named-" + System.nanoTime(),
                    request.timeout(), request.receivedAtNanos()));
        }
    }
}
