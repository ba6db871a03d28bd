package io.quarkiverse.pipelinedeployment.deployment.seed;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * The seed's "CORS" as {@code cors.properties}: two origins with credentials, a disallowed one refused.
 */
public class SeedCorsExampleTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> SeedExamples.app(jar, "cors"));

    @Test
    void allowedOriginsWithCredentials() {
        for (String origin : new String[] { "https://app.example.com", "https://admin.example.com" }) {
            given().header("Origin", origin).header("Access-Control-Request-Method", "POST")
                    .header("Access-Control-Request-Headers", "x-request-id").options("/invoke").then()
                    .header("Access-Control-Allow-Origin", equalTo(origin))
                    .header("Access-Control-Allow-Credentials", "true")
                    .header("Access-Control-Allow-Headers", containsString("x-request-id"));
        }
    }

    @Test
    void otherOriginsAreRefused() {
        given().header("Origin", "https://evil.example.com").header("Access-Control-Request-Method", "POST")
                .options("/invoke").then().header("Access-Control-Allow-Origin", nullValue());
    }
}
