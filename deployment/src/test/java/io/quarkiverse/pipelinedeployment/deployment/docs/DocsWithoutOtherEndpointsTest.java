package io.quarkiverse.pipelinedeployment.deployment.docs;

import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkus.test.QuarkusUnitTest;

/**
 * endpoints=docs,invoke: the document has the invoke operation and no operation of an excluded endpoint; ReDoc is
 * gone.
 */
public class DocsWithoutOtherEndpointsTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class))
            .overrideConfigKey("quarkus.pipeline.endpoints", "docs,invoke");

    @Test
    void excludedEndpointsAreAbsentFromTheDocument() {
        when().get("/openapi.json").then().statusCode(200)
                .body("paths.'/invoke'.post", notNullValue())
                .body("paths.'/info'", nullValue())
                .body("paths.'/health'", nullValue())
                .body("paths.'/metrics'", nullValue());
        when().get("/docs").then().statusCode(200);
        when().get("/redoc").then().statusCode(404);
    }
}
