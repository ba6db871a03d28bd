package io.quarkiverse.pipelinedeployment.deployment.core;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import jakarta.inject.Inject;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkiverse.pipelinedeployment.runtime.PipelineRuntimeConfig;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.response.Response;

/**
 * Run-time keys given an empty value in application.properties, or as a runtime override, take their defaults:
 * a string with a default, a number, a list, an optional value and a duration.
 */
public class EmptyConfigValuesTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class)
                    .addAsResource(new StringAsset("""
                            quarkus.pipeline.secure-headers.hsts=
                            quarkus.pipeline.thread-pool-size=
                            quarkus.pipeline.cors.allow-origins=
                            quarkus.pipeline.app-title=
                            """), "application.properties"))
            .overrideRuntimeConfigKey("quarkus.pipeline.invoke-timeout", "");

    @Inject
    PipelineRuntimeConfig runtimeConfig;

    @Test
    void emptyValuesTakeTheirDefaults() {
        assertThat(runtimeConfig.secureHeaders().hsts()).isEqualTo("true");
        assertThat(runtimeConfig.threadPoolSize()).isEqualTo(40);
        assertThat(runtimeConfig.cors().allowOrigins()).containsExactly("*");
        assertThat(runtimeConfig.appTitle()).isEmpty();
        assertThat(runtimeConfig.invokeTimeout()).isEqualTo(Duration.ofSeconds(300));
    }

    @Test
    void theDefaultsApply() {
        Response response = given().header("Origin", "https://anywhere.example").get("/info").andReturn();
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.header("Strict-Transport-Security")).isEqualTo("max-age=63072000; includeSubdomains");
        assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(response.jsonPath().getString("app.title")).isEqualTo("fraud_scoring deployment");
    }
}
