package io.quarkiverse.pipelinedeployment.deployment.seed;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import org.acme.ApiKeyExtension;
import org.acme.ApiKeyOpenApiFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * The seed's {@code FastAPIAuthExtension} as {@code app-extensions.properties}, {@code org.acme.ApiKeyExtension} and
 * {@code org.acme.ApiKeyOpenApiFilter}: API keys in {@code x-api-key} on every route under {@code /api}.
 */
public class SeedAppExtensionsExampleTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> SeedExamples.app(jar, "app-extensions", ApiKeyExtension.class,
                    ApiKeyOpenApiFilter.class));

    @Test
    void routesUnderThePrefixNeedAKey() {
        given().contentType("application/json").body("{\"parameters\": {\"features\": [1]}}").post("/api/invoke")
                .then().statusCode(401).header("WWW-Authenticate", "ApiKey")
                .body("detail", equalTo("Invalid or missing API key"))
                // Inside the built-in middleware: its headers are on the 401 too
                .header("X-Content-Type-Options", "nosniff");
        given().header("x-api-key", "secret-2").contentType("application/json")
                .body("{\"parameters\": {\"features\": [1]}}").post("/api/invoke").then().statusCode(200)
                .body("success", equalTo(true));
        when().get("/docs").then().statusCode(200);
    }

    @Test
    void theOpenApiDocumentDeclaresTheScheme() {
        when().get("/openapi.json").then().statusCode(200)
                .body("components.securitySchemes.ApiKeyAuth.type", equalTo("apiKey"))
                .body("components.securitySchemes.ApiKeyAuth.name", equalTo("x-api-key"))
                .body("security[0].keySet()", contains("ApiKeyAuth"));
    }
}
