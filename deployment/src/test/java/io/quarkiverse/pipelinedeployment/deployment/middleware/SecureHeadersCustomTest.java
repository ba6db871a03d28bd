package io.quarkiverse.pipelinedeployment.deployment.middleware;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.response.Response;

/**
 * Each key set to true (or a synonym), false (or a synonym) or a custom string.
 */
public class SecureHeadersCustomTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class))
            .overrideRuntimeConfigKey("quarkus.pipeline.secure-headers.server", "scoring-service")
            .overrideRuntimeConfigKey("quarkus.pipeline.secure-headers.hsts", "false")
            .overrideRuntimeConfigKey("quarkus.pipeline.secure-headers.xfo", "DENY")
            .overrideRuntimeConfigKey("quarkus.pipeline.secure-headers.content", "yes")
            .overrideRuntimeConfigKey("quarkus.pipeline.secure-headers.csp",
                    "default-src 'none'; connect-src 'self' https://api.example.com")
            .overrideRuntimeConfigKey("quarkus.pipeline.secure-headers.referrer", "off")
            .overrideRuntimeConfigKey("quarkus.pipeline.secure-headers.cache", "Enabled")
            .overrideRuntimeConfigKey("quarkus.pipeline.secure-headers.permissions", "none");

    @Test
    void eachKey() {
        Response response = given().get("/info").andReturn();
        assertThat(response.headers().getValues("Server")).containsExactly("scoring-service");
        assertThat(response.headers().hasHeaderWithName("Strict-Transport-Security")).isFalse();
        assertThat(response.headers().getValues("X-Frame-Options")).containsExactly("DENY");
        assertThat(response.headers().getValues("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(response.headers().getValues("Content-Security-Policy"))
                .containsExactly("default-src 'none'; connect-src 'self' https://api.example.com");
        assertThat(response.headers().hasHeaderWithName("Referrer-Policy")).isFalse();
        assertThat(response.headers().getValues("Cache-Control")).containsExactly("no-store, no-cache, must-revalidate");
        assertThat(response.headers().hasHeaderWithName("Permissions-Policy")).isFalse();
    }
}
