package io.quarkiverse.pipelinedeployment.deployment.docs;

import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The OpenAPI document, Swagger UI and ReDoc at their default paths, with bundled assets only.
 */
public class DocsEndpointsTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class))
            .overrideRuntimeConfigKey("quarkus.pipeline.app-title", "Scoring <Service>")
            .overrideRuntimeConfigKey("quarkus.pipeline.app-description", "Scores things")
            .overrideRuntimeConfigKey("quarkus.pipeline.app-version", "2.0.1");

    @Test
    void openApiDocumentHasThePipelineSchemas() {
        String invoke = "paths.'/invoke'.post.";
        when().get("/openapi.json").then().statusCode(200)
                .contentType("application/json")
                .body("openapi", startsWith("3."))
                .body("info.title", equalTo("Scoring <Service>"))
                .body("info.description", equalTo("Scores things"))
                .body("info.version", equalTo("2.0.1"))
                .body(invoke + "operationId", equalTo("invoke"))
                .body(invoke + "requestBody.content.'application/json'.schema.properties.parameters.properties.features.type",
                        equalTo("array"))
                .body(invoke
                        + "requestBody.content.'application/json'.schema.properties.parameters.properties.threshold.default",
                        equalTo(0.5f))
                .body(invoke + "requestBody.content.'application/json'.schema.properties.parameters.required",
                        hasItem("features"))
                .body(invoke + "responses.'200'.content.'application/json'.schema.properties.outputs.properties.score.type",
                        equalTo("number"))
                .body(invoke + "responses.'200'.content.'application/json'.schema.properties.outputs.properties.flagged.type",
                        equalTo("boolean"))
                .body(invoke + "responses.'422'.description", containsString("invalid"))
                .body("paths.'/info'.get.operationId", equalTo("info"))
                .body("paths.'/health'.get.operationId", equalTo("health"))
                .body("paths.'/health/ready'.get.operationId", equalTo("readiness"))
                .body("paths.'/metrics'.get.operationId", equalTo("metrics"));
    }

    @Test
    void swaggerUi() {
        when().get("/docs").then().statusCode(200)
                .contentType(startsWith("text/html"))
                .body(containsString("data-openapi=\"/openapi.json\""))
                .body(containsString("<title>Scoring &lt;Service&gt; - API documentation</title>"))
                .body(containsString("src=\"/docs/swagger-ui-bundle.js\""));
        when().get("/docs/").then().statusCode(200).contentType(startsWith("text/html"));
        // Served from one shared buffer: every answer is whole
        int length = when().get("/docs/swagger-ui-bundle.js").then().statusCode(200)
                .contentType(startsWith("text/javascript")).extract().asByteArray().length;
        for (int i = 0; i < 3; i++) {
            org.assertj.core.api.Assertions.assertThat(when().get("/docs/swagger-ui-bundle.js").then().statusCode(200)
                    .extract().asByteArray()).hasSize(length);
        }
        when().get("/nope").then().statusCode(404);
        when().get("/nope").then().statusCode(404).body("detail", equalTo("Not Found"));
        when().get("/docs/swagger-ui.css").then().statusCode(200).contentType(startsWith("text/css"));
        when().get("/docs/swagger-init.js").then().statusCode(200).body(containsString("validatorUrl: null"));
        when().get("/docs/nope.js").then().statusCode(404).body("detail", equalTo("Not Found"));
        when().post("/docs").then().statusCode(405);
    }

    @Test
    void redoc() {
        when().get("/redoc").then().statusCode(200)
                .contentType(startsWith("text/html"))
                .body(containsString("<redoc spec-url=\"/openapi.json\" disable-search>"))
                .body(containsString("src=\"/redoc/redoc.standalone.js\""));
        when().get("/redoc/redoc.standalone.js").then().statusCode(200)
                .contentType(startsWith("text/javascript"))
                .body(not(containsString("cdn.redoc.ly")));
    }

    @Test
    void infoListsThePages() {
        when().get("/info").then()
                .body("app.docs_url_path", equalTo("/docs"))
                .body("app.redoc_url_path", equalTo("/redoc"));
    }
}
