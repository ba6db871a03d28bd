package io.quarkiverse.pipelinedeployment.deployment.metrics;

import static io.quarkiverse.pipelinedeployment.deployment.PipelineTests.invoke;
import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.deployment.PipelineTests;
import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkus.test.QuarkusUnitTest;

/**
 * {@code endpoints=invoke}: with health and metrics excluded, their Quarkus counterparts under {@code /q} show none of
 * the pipeline's data: no check named after the pipeline in {@code /q/health}, no {@code pipeline_*} series in
 * {@code /q/metrics}.
 */
public class ExcludedEndpointsHaveNoQuarkusCopyTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class, PipelineTests.class))
            .overrideConfigKey("quarkus.pipeline.endpoints", "invoke");

    @Test
    void quarkusEndpointsShowNoPipelineData() {
        invoke("/invoke", Map.of("features", List.of(1.0, 2.0))).statusCode(200).body("success", equalTo(true));
        invoke("/invoke", Map.of("features", List.of())).statusCode(200).body("success", equalTo(false));
        for (String path : List.of("/q/health", "/q/health/live", "/q/health/ready")) {
            when().get(path).then().statusCode(200).body("checks.name", not(hasItem("fraud_scoring")));
        }
        String scrape = given().accept("text/plain").get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(scrape).contains("jvm_").doesNotContain("pipeline_");
    }
}
