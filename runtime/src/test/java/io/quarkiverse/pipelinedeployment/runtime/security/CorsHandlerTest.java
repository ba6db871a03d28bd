package io.quarkiverse.pipelinedeployment.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.quarkiverse.pipelinedeployment.runtime.PipelineRuntimeConfig;
import io.quarkiverse.pipelinedeployment.runtime.security.CorsHandler.Decision;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.vertx.core.http.HttpMethod;

class CorsHandlerTest {

    /** The configuration as written in application.properties. */
    private record Cors(List<String> allowOrigins, List<String> allowMethods, List<String> allowHeaders,
            boolean allowCredentials, Optional<List<String>> exposeHeaders, Duration maxAge)
            implements
                PipelineRuntimeConfig.Cors {
    }

    private static CorsHandler handler(List<String> origins, List<String> headers, boolean credentials) {
        return new CorsHandler(new Cors(origins, List.of("GET", "post", " OPTIONS "), headers, credentials,
                Optional.empty(), Duration.ofMinutes(10)));
    }

    private final CorsHandler defaults = handler(List.of("*"), List.of("*"), false);
    private final CorsHandler listed = handler(List.of("https://app.example", " ", "https://b.example"),
            List.of("Content-Type", "Authorization"), true);

    @Test
    void aRequestWithoutOriginPassesUntouched() {
        assertThat(defaults.decide(null, HttpMethod.OPTIONS, "POST", null)).isEqualTo(Decision.PASS);
    }

    @Test
    void anyOriginIsAllowedAsStar() {
        assertThat(defaults.decide("https://x.example", HttpMethod.GET, null, null)).isEqualTo(Decision.ALLOW);
        assertThat(defaults.allowedOrigin("https://x.example")).hasToString("*");
        assertThat(defaults.decide("https://x.example", HttpMethod.OPTIONS, "post", "X-Anything"))
                .isEqualTo(Decision.ALLOW_PREFLIGHT);
    }

    @Test
    void anOptionsRequestWithoutRequestMethodIsNotAPreflight() {
        assertThat(defaults.decide("https://x.example", HttpMethod.OPTIONS, null, null)).isEqualTo(Decision.ALLOW);
    }

    @Test
    void aPreflightForAMethodNotAllowedIsDenied() {
        assertThat(defaults.decide("https://x.example", HttpMethod.OPTIONS, "DELETE", null))
                .isEqualTo(Decision.DENY_PREFLIGHT);
    }

    @Test
    void listedOriginsAreEchoedAndOthersPassWithoutAllowHeaders() {
        assertThat(listed.decide("https://app.example", HttpMethod.POST, null, null)).isEqualTo(Decision.ALLOW);
        assertThat(listed.allowedOrigin("https://app.example")).hasToString("https://app.example");
        assertThat(listed.decide("https://evil.example", HttpMethod.POST, null, null)).isEqualTo(Decision.PASS);
        assertThat(listed.decide("https://evil.example", HttpMethod.OPTIONS, "POST", null))
                .isEqualTo(Decision.DENY_PREFLIGHT);
    }

    @Test
    void preflightHeadersAreMatchedIgnoringCaseAndBlanks() {
        assertThat(listed.decide("https://b.example", HttpMethod.OPTIONS, "GET", " content-type , AUTHORIZATION,"))
                .isEqualTo(Decision.ALLOW_PREFLIGHT);
        assertThat(listed.decide("https://b.example", HttpMethod.OPTIONS, "GET", "Content-Type, X-Secret"))
                .isEqualTo(Decision.DENY_PREFLIGHT);
    }

    @Test
    void credentialsWithAnyOriginAreAConfigurationError() {
        assertThatThrownBy(() -> handler(List.of("*"), List.of("*"), true))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(CorsHandler.CREDENTIALS_KEY + "=true cannot be combined with "
                        + CorsHandler.ORIGINS_KEY + "=*");
    }

    @Test
    void configuredListsAreTrimmedWithoutEmptyEntries() {
        assertThat(CorsHandler.entries(List.of(" a", "b ", "", "  "))).containsExactly("a", "b");
    }
}
