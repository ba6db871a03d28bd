package io.quarkiverse.pipelinedeployment.deployment.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkus.test.QuarkusUnitTest;
import io.quarkus.test.common.http.TestHTTPResource;

/**
 * Quarkus' quarkus.http.limits.max-body-size follows a configured quarkus.pipeline.max-request-size (here 11M, just
 * above Quarkus' own 10M default): a body between the two is served, a larger one gets the deployment's 413 JSON,
 * with Content-Length or chunked.
 */
public class MaxRequestSizeAboveQuarkusDefaultTest {

    static final String TOO_LARGE = "Request body too large: the limit is 11534336 bytes "
            + "(quarkus.pipeline.max-request-size)";

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class, LargeBodyDefaultLimitTest.class,
                    RawHttp.class, RawHttp.Response.class))
            .overrideRuntimeConfigKey("quarkus.pipeline.max-request-size", "11M");

    @TestHTTPResource("/")
    URL root;

    @Test
    void aBodyBetweenQuarkusDefaultAndTheLimitIsServed() throws Exception {
        byte[] body = LargeBodyDefaultLimitTest.paddedBody("{\"features\": [1.0]}", 10_700_000)
                .getBytes(StandardCharsets.UTF_8);
        for (boolean chunked : new boolean[] { false, true }) {
            RawHttp.Response response = RawHttp.post(root, "/invoke", body, chunked);
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            assertThat(LargeBodyDefaultLimitTest.json(response).get("success").asBoolean()).isTrue();
        }
    }

    @Test
    void aBodyOverTheLimitGetsTheJsonAnswer() throws Exception {
        byte[] body = LargeBodyDefaultLimitTest.paddedBody("{\"features\": [1.0]}", 12 * 1024 * 1024)
                .getBytes(StandardCharsets.UTF_8);
        for (boolean chunked : new boolean[] { false, true }) {
            RawHttp.Response response = RawHttp.post(root, "/invoke", body, chunked);
            assertThat(response.status()).as(response.toString()).isEqualTo(413);
            assertThat(LargeBodyDefaultLimitTest.json(response).get("detail").asText()).isEqualTo(TOO_LARGE);
        }
    }
}
