package io.quarkiverse.pipelinedeployment.deployment.core;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.spi.ConfigSource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkiverse.pipelinedeployment.runtime.PipelineRuntimeConfig;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.config.EnvConfigSource;

/**
 * Empty environment variables (an {@link EnvConfigSource}, as the process environment is read) reset their keys to
 * the defaults, also over a value of application.properties; other extensions' keys keep their meaning.
 */
public class EmptyEnvironmentVariableTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class, EmptyEnvironment.class)
                    .addAsServiceProvider(ConfigSource.class, EmptyEnvironment.class)
                    .addAsResource(new StringAsset("""
                            quarkus.pipeline.secure-headers.hsts=max-age=1
                            quarkus.pipeline.max-queued-invocations=7
                            """), "application.properties"));

    /** The environment of a container whose template left these variables empty. */
    public static class EmptyEnvironment extends EnvConfigSource {
        public EmptyEnvironment() {
            super(Map.of(
                    "QUARKUS_PIPELINE_SECURE_HEADERS_HSTS", "",
                    "QUARKUS_PIPELINE_SECURE_HEADERS_XFO", "",
                    "QUARKUS_PIPELINE_MAX_QUEUED_INVOCATIONS", "",
                    "QUARKUS_PIPELINE_MAX_REQUEST_SIZE", "",
                    "QUARKUS_PIPELINE_CORS_ALLOW_METHODS", "",
                    "QUARKUS_PIPELINE_APP_DESCRIPTION", ""), 300);
        }

        @Override
        public String getName() {
            return "EmptyEnvironment";
        }
    }

    @Inject
    PipelineRuntimeConfig runtimeConfig;

    @Test
    void emptyVariablesTakeTheDefaults() {
        assertThat(runtimeConfig.secureHeaders().hsts()).isEqualTo("true");
        assertThat(runtimeConfig.secureHeaders().xfo()).isEqualTo("true");
        assertThat(runtimeConfig.maxQueuedInvocations()).isEqualTo(1000);
        assertThat(runtimeConfig.maxRequestSize().asLongValue()).isEqualTo(256L * 1024 * 1024);
        assertThat(runtimeConfig.cors().allowMethods()).containsExactly("GET", "POST", "OPTIONS");
        assertThat(runtimeConfig.appDescription()).isEmpty();
    }

    @Test
    void theDefaultHeadersAreSent() {
        var response = given().get("/info").andReturn();
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.header("Strict-Transport-Security")).isEqualTo("max-age=63072000; includeSubdomains");
        assertThat(response.header("X-Frame-Options")).isEqualTo("SAMEORIGIN");
    }
}
