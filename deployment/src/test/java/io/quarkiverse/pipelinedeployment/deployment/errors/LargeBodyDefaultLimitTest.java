package io.quarkiverse.pipelinedeployment.deployment.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkus.test.QuarkusUnitTest;
import io.quarkus.test.common.http.TestHTTPResource;

/**
 * With the defaults, quarkus.pipeline.max-request-size (256M) is the limit of the deployment's routes: a 12 MB body
 * announced by Content-Length is served, not cut short by Quarkus' own 10M default of
 * quarkus.http.limits.max-body-size.
 */
public class LargeBodyDefaultLimitTest {

    static final int TWELVE_MB = 12 * 1024 * 1024;

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class, SizeEndpoint.class, RawHttp.class,
                    RawHttp.Response.class))
            .overrideConfigKey("quarkus.pipeline.custom-endpoints.size.path", "/size")
            .overrideConfigKey("quarkus.pipeline.custom-endpoints.size.method", "POST")
            .overrideConfigKey("quarkus.pipeline.custom-endpoints.size.handler", SizeEndpoint.class.getName() + "#size")
            .overrideConfigKey("quarkus.pipeline.custom-endpoints.size.auth-required", "false");

    @TestHTTPResource("/")
    URL root;

    /** A body of about {@code bytes} bytes: valid parameters plus an ignored top-level padding string. */
    static String paddedBody(String parameters, int bytes) {
        StringBuilder sb = new StringBuilder(bytes + 64).append("{\"parameters\": ").append(parameters)
                .append(", \"padding\": \"");
        while (sb.length() < bytes) {
            sb.append("0123456789abcdef");
        }
        return sb.append("\"}").toString();
    }

    static JsonNode json(RawHttp.Response response) throws Exception {
        assertThat(response.contentType()).as(response.toString()).startsWith("application/json");
        return new ObjectMapper().readTree(response.body());
    }

    @Test
    void invokeTakesTwelveMegabytesWithContentLength() throws Exception {
        RawHttp.Response response = RawHttp.post(root, "/invoke",
                paddedBody("{\"features\": [1.0, 2.0]}", TWELVE_MB).getBytes(StandardCharsets.UTF_8), false);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(json(response).get("success").asBoolean()).isTrue();
    }

    @Test
    void customEndpointTakesTwelveMegabytesWithContentLength() throws Exception {
        RawHttp.Response response = RawHttp.post(root, "/size",
                paddedBody("{}", TWELVE_MB).getBytes(StandardCharsets.UTF_8), false);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(json(response).get("padding").asInt()).isGreaterThan(TWELVE_MB - 64);
    }

    public static class SizeEndpoint {
        public static Map<String, Integer> size(String padding) {
            return Map.of("padding", padding.length());
        }
    }
}
