package io.quarkiverse.pipelinedeployment.deployment.docs;

import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The seed's example: docs at /pipeline/documentation, the document at /pipeline/openapi.json with full paths.
 */
public class CustomDocsPathTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class))
            .overrideConfigKey("quarkus.pipeline.root-path", "/pipeline")
            .overrideConfigKey("quarkus.pipeline.api-path", "/api")
            .overrideConfigKey("quarkus.pipeline.docs-path", "/documentation")
            .overrideConfigKey("quarkus.pipeline.redoc-path", "/reference");

    @Test
    void docsAreMoved() {
        when().get("/pipeline/documentation").then().statusCode(200)
                .body(containsString("data-openapi=\"/pipeline/openapi.json\""))
                .body(containsString("src=\"/pipeline/documentation/swagger-ui-bundle.js\""));
        when().get("/pipeline/documentation/swagger-ui-bundle.js").then().statusCode(200);
        when().get("/pipeline/reference").then().statusCode(200)
                .body(containsString("spec-url=\"/pipeline/openapi.json\""));
        when().get("/pipeline/docs").then().statusCode(404);
        when().get("/docs").then().statusCode(404);
        when().get("/openapi.json").then().statusCode(404);
    }

    @Test
    void documentHasFullPaths() {
        when().get("/pipeline/openapi.json").then().statusCode(200)
                .body("paths.'/pipeline/api/invoke'.post", notNullValue())
                .body("paths.'/pipeline/api/health'.get", notNullValue())
                .body("paths.'/invoke'", nullValue());
        when().get("/pipeline/api/info").then()
                .body("app.docs_url_path", equalTo("/pipeline/documentation"))
                .body("app.redoc_url_path", equalTo("/pipeline/reference"));
    }
}
