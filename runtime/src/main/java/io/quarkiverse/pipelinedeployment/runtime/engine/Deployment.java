package io.quarkiverse.pipelinedeployment.runtime.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.pipelinedeployment.DeploymentInfo;
import io.quarkiverse.pipelinedeployment.EndpointDescriptor;
import io.quarkiverse.pipelinedeployment.MiddlewareDescriptor;
import io.quarkiverse.pipelinedeployment.runtime.PipelineRuntimeConfig;
import io.quarkiverse.pipelinedeployment.spi.PipelineEngine;

/**
 * The immutable description of the deployment, assembled once at startup: the pipeline, the deployment's identity,
 * the static part of {@code /info}, its endpoints, middleware and settings.
 *
 * @param info the static part of {@code /info}; the counters are filled in per request
 * @param endpoints the built-in endpoints less the methods custom endpoints took over, then the custom endpoints
 * @param settings every {@code quarkus.pipeline.*} property as configured, API keys masked
 */
public record Deployment(PipelineDefinition definition, String id, String name, DeploymentInfo info,
        List<EndpointDescriptor> endpoints, List<MiddlewareDescriptor> middlewares, Map<String, String> settings,
        Map<String, String> appRunnerArgs) {

    public static Deployment describe(PipelineDefinition definition, BuildMetadata build, PipelineRuntimeConfig config,
            ObjectMapper mapper) {
        String id = UUID.randomUUID().toString();
        String name = config.deploymentName().orElse(build.applicationName());
        DeploymentInfo info = new DeploymentInfo(
                new DeploymentInfo.Deployment(id, name, authEnabled(config)),
                new DeploymentInfo.Snapshot(build.snapshotId(), build.snapshotName()),
                new DeploymentInfo.PipelineInfo(definition.getName(), defaults(definition, mapper),
                        readJson(mapper, definition.getInputSchema()), readJson(mapper, definition.getOutputSchema()),
                        definition.getSteps()),
                app(definition, build, config),
                0, null, DeploymentInfo.HEALTHY, 0, build.quarkusVersion());
        return new Deployment(definition, id, name, info, endpoints(build), List.copyOf(build.middlewares()),
                effectiveSettings(), Map.copyOf(config.appRunnerArgs()));
    }

    /** This description with the app runner's flavor, as {@code /info} reports it. */
    public Deployment withAppRunnerFlavor(String flavor) {
        DeploymentInfo.App app = info.app();
        DeploymentInfo withFlavor = new DeploymentInfo(info.deployment(), info.snapshot(), info.pipeline(),
                new DeploymentInfo.App(app.title(), app.description(), app.version(), flavor, app.docsUrlPath(),
                        app.redocUrlPath(), app.invokeUrlPath(), app.runsUrlPath(), app.healthUrlPath(),
                        app.infoUrlPath(), app.metricsUrlPath()),
                info.totalExecutions(), info.lastExecutionTime(), info.status(), info.uptime(), info.quarkusVersion());
        return new Deployment(definition, id, name, withFlavor, endpoints, middlewares, settings, appRunnerArgs);
    }

    private static boolean authEnabled(PipelineRuntimeConfig config) {
        return config.auth().apiKeys().map(keys -> keys.stream().anyMatch(k -> !k.isBlank())).orElse(false);
    }

    private static JsonNode defaults(PipelineDefinition definition, ObjectMapper mapper) {
        var node = mapper.createObjectNode();
        for (ParameterDefinition p : definition.getParameters()) {
            if (p.getDefaultJson() != null) {
                node.set(p.getName(), readJson(mapper, p.getDefaultJson()));
            }
        }
        return node;
    }

    private static JsonNode readJson(ObjectMapper mapper, String json) {
        try {
            return mapper.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException("Unreadable build-time JSON: " + json, e);
        }
    }

    private static DeploymentInfo.App app(PipelineDefinition definition, BuildMetadata build,
            PipelineRuntimeConfig config) {
        return new DeploymentInfo.App(
                config.appTitle().orElse(definition.getName() + " deployment"),
                config.appDescription().orElse("Serves the " + definition.getName() + " pipeline over HTTP."),
                config.appVersion().orElse(build.applicationVersion()),
                PipelineEngine.VERTX_FLAVOR,
                build.path("docs"), build.path("redoc"), build.path("invoke"), build.path("runs"),
                build.path("health"), build.path("info"), build.path("metrics"));
    }

    private static List<EndpointDescriptor> endpoints(BuildMetadata build) {
        List<EndpointDescriptor> list = new ArrayList<>();
        for (EndpointDescriptor builtin : build.builtinEndpoints()) {
            List<String> methods = new ArrayList<>(builtin.methods());
            for (EndpointDescriptor c : build.customEndpoints()) {
                if (c.path().equals(builtin.path())) {
                    methods.removeAll(c.methods());
                }
            }
            if (!methods.isEmpty()) {
                list.add(new EndpointDescriptor(builtin.name(), methods, builtin.path()));
            }
        }
        list.addAll(build.customEndpoints());
        return Collections.unmodifiableList(list);
    }

    private static Map<String, String> effectiveSettings() {
        Config config = ConfigProvider.getConfig();
        Map<String, String> settings = new TreeMap<>();
        for (String property : config.getPropertyNames()) {
            if (property.startsWith("quarkus.pipeline.")) {
                config.getOptionalValue(property, String.class).ifPresent(value -> settings.put(property,
                        property.startsWith("quarkus.pipeline.auth.api-keys") ? "***" : value));
            }
        }
        return Collections.unmodifiableMap(settings);
    }
}
