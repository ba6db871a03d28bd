package io.quarkiverse.pipelinedeployment.deployment.health;

import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkiverse.pipelinedeployment.runtime.observability.PipelineHealthCheck;
import io.quarkus.arc.Arc;
import io.quarkus.test.QuarkusUnitTest;

/**
 * endpoints without health: no route, no entry in /info, no check bean.
 */
public class DisabledHealthTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class))
            .overrideConfigKey("quarkus.pipeline.endpoints", "invoke,info,docs");

    @Test
    void healthIsGone() {
        when().get("/health").then().statusCode(404).body("detail", equalTo("Not Found"));
        when().get("/health/live").then().statusCode(404);
        when().get("/info").then().body("app", not(hasKey("health_url_path")));
        when().get("/openapi.json").then().statusCode(200)
                .body("paths", not(hasKey("/health")))
                .body("paths", not(hasKey("/health/ready")))
                .body("paths", hasKey("/invoke"));
        org.assertj.core.api.Assertions.assertThat(Arc.container().instance(PipelineHealthCheck.class).isAvailable())
                .isFalse();
    }
}
