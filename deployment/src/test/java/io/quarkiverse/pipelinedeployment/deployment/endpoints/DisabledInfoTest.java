package io.quarkiverse.pipelinedeployment.deployment.endpoints;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.AppRunner;
import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkus.arc.Arc;
import io.quarkus.test.QuarkusUnitTest;

/**
 * endpoints=invoke,docs: the info endpoint has no route; invoke still works.
 */
public class DisabledInfoTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class))
            .overrideConfigKey("quarkus.pipeline.endpoints", "invoke,docs");

    @Test
    void infoIsGone() {
        when().get("/info").then().statusCode(404).body("detail", equalTo("Not Found"));
        when().get("/openapi.json").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("/info")))
                .body("paths", org.hamcrest.Matchers.hasKey("/invoke"));
        given().contentType("application/json").body("{\"parameters\":{\"features\":[1]}}")
                .post("/invoke").then().statusCode(200).body("success", equalTo(true));
    }

    @Test
    void infoIsNotAmongTheServedEndpoints() {
        AppRunner runner = Arc.container().instance(AppRunner.class).get();
        org.assertj.core.api.Assertions.assertThat(runner.endpoints()).extracting("name").containsExactly("docs", "invoke");
        org.assertj.core.api.Assertions.assertThat(runner.deployment().app().infoUrlPath()).isNull();
    }
}
