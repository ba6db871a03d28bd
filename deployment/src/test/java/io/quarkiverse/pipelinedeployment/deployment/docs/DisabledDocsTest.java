package io.quarkiverse.pipelinedeployment.deployment.docs;

import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkus.test.QuarkusUnitTest;

/**
 * endpoints=api: no docs page, no ReDoc, no document route, nothing in /info.
 */
public class DisabledDocsTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class))
            .overrideConfigKey("quarkus.pipeline.endpoints", "api");

    @Test
    void docsAreGone() {
        when().get("/docs").then().statusCode(404).body("detail", equalTo("Not Found"));
        when().get("/docs/swagger-ui-bundle.js").then().statusCode(404);
        when().get("/redoc").then().statusCode(404);
        when().get("/openapi.json").then().statusCode(404);
        when().get("/info").then()
                .body("app", not(hasKey("docs_url_path")))
                .body("app", not(hasKey("redoc_url_path")));
    }
}
