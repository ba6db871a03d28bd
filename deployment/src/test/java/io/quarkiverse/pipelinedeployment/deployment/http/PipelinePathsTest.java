package io.quarkiverse.pipelinedeployment.deployment.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkiverse.pipelinedeployment.deployment.PipelineBuildTimeConfig;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * Path normalization and composition, including the seed's example for endpoints served by later build steps.
 */
class PipelinePathsTest {

    @Test
    void prefixesAreNormalized() {
        assertThat(PipelinePaths.prefix("k", Optional.empty())).isEmpty();
        assertThat(PipelinePaths.prefix("k", Optional.of("/"))).isEmpty();
        assertThat(PipelinePaths.prefix("k", Optional.of("pipeline/"))).isEqualTo("/pipeline");
        assertThat(PipelinePaths.prefix("k", Optional.of("/a/b//"))).isEqualTo("/a/b");
    }

    @Test
    void badPathsNameTheirKey() {
        assertThatThrownBy(() -> PipelinePaths.endpoint("quarkus.pipeline.info-path", ""))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("quarkus.pipeline.info-path");
        assertThatThrownBy(() -> PipelinePaths.endpoint("quarkus.pipeline.info-path", "/a b"))
                .hasMessageContaining("quarkus.pipeline.info-path");
        assertThatThrownBy(() -> PipelinePaths.prefix("quarkus.pipeline.root-path", Optional.of("/x/../y")))
                .hasMessageContaining("quarkus.pipeline.root-path");
        assertThatThrownBy(() -> PipelinePaths.endpoint("quarkus.pipeline.invoke-path", "/items/{id}"))
                .hasMessageContaining("quarkus.pipeline.invoke-path");
    }

    @Test
    void seedExampleComposes() {
        PipelineEndpointsBuildItem endpoints = new PipelineEndpointsProcessor().collectEndpoints(
                config(Set.of("docs", "invoke", "health"), "/pipeline", "/api", "/documentation", "/healthz"));
        assertThat(endpoints.path(BuiltinEndpoint.DOCS)).contains("/pipeline/documentation");
        assertThat(endpoints.path(BuiltinEndpoint.INVOKE)).contains("/pipeline/api/invoke");
        assertThat(endpoints.path(BuiltinEndpoint.HEALTH)).contains("/pipeline/api/healthz");
        assertThat(endpoints.isEnabled(BuiltinEndpoint.INFO)).isFalse();
        assertThat(endpoints.isEnabled(BuiltinEndpoint.REDOC)).isFalse();
    }

    @Test
    void groupsExpand() {
        assertThat(BuiltinEndpoint.parse(Set.of("doc"))).containsExactly(BuiltinEndpoint.DOCS, BuiltinEndpoint.REDOC);
        assertThat(BuiltinEndpoint.parse(Set.of("api"))).containsExactly(BuiltinEndpoint.INVOKE,
                BuiltinEndpoint.RUNS, BuiltinEndpoint.HEALTH, BuiltinEndpoint.INFO, BuiltinEndpoint.METRICS);
        assertThat(BuiltinEndpoint.parse(Set.of("ALL"))).hasSize(8);
    }

    private static PipelineBuildTimeConfig config(Set<String> endpoints, String root, String api, String docs,
            String health) {
        Map<String, String> paths = Map.of("docs", docs, "health", health);
        return new PipelineBuildTimeConfig() {
            public Optional<String> name() {
                return Optional.empty();
            }

            public Optional<String> rootPath() {
                return Optional.of(root);
            }

            public Optional<String> apiPath() {
                return Optional.of(api);
            }

            public String docsPath() {
                return paths.get("docs");
            }

            public String redocPath() {
                return "/redoc";
            }

            public String invokePath() {
                return "/invoke";
            }

            public String runsPath() {
                return "/runs";
            }

            public Runs runs() {
                return new Runs() {
                    public RunStoreKind store() {
                        return RunStoreKind.MEMORY;
                    }

                    public java.util.Optional<String> redisClient() {
                        return java.util.Optional.empty();
                    }
                };
            }

            public String healthPath() {
                return paths.get("health");
            }

            public String infoPath() {
                return "/info";
            }

            public String metricsPath() {
                return "/metrics";
            }

            public Set<String> endpoints() {
                return endpoints;
            }

            public Optional<String> dashboardFilesPath() {
                return Optional.empty();
            }

            public Optional<String> startupHook() {
                return Optional.empty();
            }

            public Optional<String> shutdownHook() {
                return Optional.empty();
            }

            public Optional<String> serviceClass() {
                return Optional.empty();
            }

            public Optional<String> appRunner() {
                return Optional.empty();
            }

            public Map<String, ExtensionConfig> extensions() {
                return Map.of();
            }

            public Map<String, CustomEndpointConfig> customEndpoints() {
                return Map.of();
            }

            public Map<String, MiddlewareConfig> customMiddlewares() {
                return Map.of();
            }

            public Set<String> middleware() {
                return Set.of("all");
            }

            public Auth auth() {
                return () -> Set.of("invoke");
            }
        };
    }
}
