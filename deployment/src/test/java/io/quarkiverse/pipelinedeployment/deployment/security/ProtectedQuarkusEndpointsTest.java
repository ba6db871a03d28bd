package io.quarkiverse.pipelinedeployment.deployment.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkus.test.QuarkusUnitTest;

/**
 * With every endpoint protected, Quarkus' own copies under {@code /q} (SmallRye Health with the pipeline's check,
 * Micrometer's Prometheus page with the pipeline's series, SmallRye OpenAPI's document with the invoke operation)
 * need the same key: they once answered without it.
 */
public class ProtectedQuarkusEndpointsTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class, RawHttp.class))
            .overrideConfigKey("quarkus.pipeline.auth.protected-endpoints", "all")
            .overrideRuntimeConfigKey("quarkus.pipeline.auth.api-keys", "k");

    static final List<String> COPIES = List.of("/q/health", "/q/health/live", "/q/health/ready",
            "/q/health/started", "/q/metrics", "/q/openapi", "/q/openapi?format=json", "/q/openapi.json",
            "/q/openapi.yaml");

    @Test
    void theCopiesNeedTheKey() {
        for (String target : COPIES) {
            for (String variant : List.of(target, target.replace("/q/", "//q/"), target.replace("/q/", "/q/./"),
                    target.replace("/q/", "/x/../q/"), target.contains("?") ? target : target + "/")) {
                RawHttp.Answer answer = RawHttp.send("GET", variant);
                assertThat(answer.status()).as("GET " + variant + " -> " + answer).isIn(401, 404);
                assertThat(answer.body()).as("GET " + variant).doesNotContain("pipeline").doesNotContain("scoring");
            }
        }
    }

    @Test
    void theCopiesAnswerWithTheKey() {
        for (String target : COPIES) {
            RawHttp.Answer answer = RawHttp.send("GET", target, "Authorization: Bearer k");
            assertThat(answer.status()).as("GET " + target + " -> " + answer).isIn(200);
        }
    }
}
