package io.quarkiverse.pipelinedeployment.deployment.docs;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.context.ApplicationScoped;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.EndpointMethod;
import io.quarkiverse.pipelinedeployment.PipelineEndpoint;
import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.path.json.JsonPath;

/**
 * With docs and redoc excluded, SmallRye OpenAPI's own document under /q shows none of the pipeline: no invoke
 * operation, no schemas, no custom endpoint, no title of ours.
 */
public class OpenApiWithoutDocsTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class, Reload.class))
            .overrideConfigKey("quarkus.pipeline.endpoints", "invoke");

    @ApplicationScoped
    public static class Reload {
        @PipelineEndpoint(path = "/reload", method = EndpointMethod.POST)
        public String reload() {
            return "reloaded";
        }
    }

    @Test
    void quarkusDocumentHasNothingOfThePipeline() {
        String document = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString();
        JsonPath json = JsonPath.from(document);
        assertThat(json.getMap("paths")).doesNotContainKeys("/invoke", "/reload");
        assertThat(json.getString("info.title")).isNotEqualTo("fraud_scoring deployment");
        assertThat(document).doesNotContain("fraud_scoring").doesNotContain("InvokeRequest")
                .doesNotContain("features").doesNotContain("/reload").doesNotContain("bearerAuth");
        when().get("/openapi.json").then().statusCode(404);
    }
}
