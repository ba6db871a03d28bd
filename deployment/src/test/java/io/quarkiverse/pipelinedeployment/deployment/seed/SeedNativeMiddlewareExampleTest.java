package io.quarkiverse.pipelinedeployment.deployment.seed;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;

/**
 * The seed's native Starlette middleware (CORS and GZip) as {@code native-middleware.properties}: the built-in CORS
 * middleware and Quarkus' own compression.
 */
public class SeedNativeMiddlewareExampleTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> SeedExamples.app(jar, "native-middleware"));

    @Test
    void responsesAreCompressed() {
        given().config(RestAssuredConfig.config().decoderConfig(DecoderConfig.decoderConfig()
                .contentDecoders(DecoderConfig.ContentDecoder.GZIP)))
                .header("Accept-Encoding", "gzip").get("/openapi.json").then().statusCode(200)
                .header("Content-Encoding", "gzip")
                .body("openapi", org.hamcrest.Matchers.startsWith("3."));
    }

    @Test
    void corsForEveryOrigin() {
        given().header("Origin", "https://anywhere.example.com").header("Access-Control-Request-Method", "DELETE")
                .options("/invoke").then().header("Access-Control-Allow-Origin", equalTo("*"));
    }
}
