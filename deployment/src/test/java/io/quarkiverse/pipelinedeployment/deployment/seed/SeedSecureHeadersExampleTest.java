package io.quarkiverse.pipelinedeployment.deployment.seed;

import static io.restassured.RestAssured.when;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * The seed's "Secure headers" as {@code secure-headers.properties}: the defaults, and a custom CSP.
 */
public class SeedSecureHeadersExampleTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> SeedExamples.app(jar, "secure-headers"));

    @Test
    void defaultsAndACustomPolicy() {
        when().get("/health").then().statusCode(200)
                .header("Content-Security-Policy", equalTo("default-src 'none'; connect-src 'self' "
                        + "https://api.example.com; img-src 'self' data:; style-src 'self' 'unsafe-inline'"))
                .header("Strict-Transport-Security", equalTo("max-age=63072000; includeSubdomains"))
                .header("X-Frame-Options", equalTo("SAMEORIGIN"))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Referrer-Policy", equalTo("no-referrer-when-downgrade"))
                .header("Cache-Control", equalTo("no-store, no-cache, must-revalidate"))
                .header("Permissions-Policy", notNullValue())
                .header("Server", notNullValue());
    }
}
