package io.quarkiverse.pipelinedeployment.deployment.observability;

import java.util.Optional;

import org.jboss.logging.Logger;

import io.quarkiverse.pipelinedeployment.deployment.http.BuiltinEndpoint;
import io.quarkiverse.pipelinedeployment.deployment.http.EndpointRoutes;
import io.quarkiverse.pipelinedeployment.deployment.http.PipelineEndpointsBuildItem;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.metrics.MetricsCapabilityBuildItem;
import io.quarkus.kubernetes.spi.DecoratorBuildItem;
import io.quarkus.kubernetes.spi.KubernetesHealthLivenessPathBuildItem;
import io.quarkus.kubernetes.spi.KubernetesHealthReadinessPathBuildItem;
import io.quarkus.vertx.http.deployment.HttpRootPathBuildItem;
import io.quarkus.vertx.http.runtime.management.ManagementInterfaceBuildTimeConfig;

/**
 * Kubernetes manifests (when {@code quarkus-kubernetes} is present): the liveness and readiness probes point at the
 * deployment's {@code <health>/live} and {@code <health>/ready}, the Prometheus scrape annotations at its
 * {@code <metrics>}.
 * <p>
 * SmallRye Health and Micrometer, which this extension builds on, already produce the probe paths
 * ({@code KubernetesHealth*PathBuildItem}) and the scrape path ({@code MetricsCapabilityBuildItem}) as single items,
 * so this processor reads them and contributes decorators that run after Quarkus' own and replace exactly those
 * values: a path the user set with {@code quarkus.kubernetes.*-probe.http-action-path} or
 * {@code quarkus.kubernetes.prometheus.path} differs from them and is left alone. Nothing here runs without
 * {@code quarkus-kubernetes}: no step consumes {@link DecoratorBuildItem} then, so these steps are pruned.
 */
class PipelineKubernetesProcessor {

    private static final Logger LOG = Logger.getLogger(PipelineKubernetesProcessor.class);

    @BuildStep(onlyIf = HealthEndpointEnabled.class)
    void pointProbesAtHealth(
            PipelineEndpointsBuildItem endpoints,
            HttpRootPathBuildItem httpRootPath,
            ManagementInterfaceBuildTimeConfig management,
            Optional<KubernetesHealthLivenessPathBuildItem> liveness,
            Optional<KubernetesHealthReadinessPathBuildItem> readiness,
            BuildProducer<DecoratorBuildItem> decorators) {
        if (management.enabled()) {
            // SmallRye Health's probes then target the management port, where the deployment's health is not served
            LOG.debug("The management interface is enabled: the probes keep SmallRye Health's paths");
            return;
        }
        if (endpoints.isProtected(BuiltinEndpoint.HEALTH)) {
            // SmallRye Health's own paths need the key too (PipelineSecurityProcessor), and a probe sends none
            LOG.warnf("health is in %s: Kubernetes probes send no API key, so they would get 401 and the pod would "
                    + "never be ready. Leave health out of %s, or set quarkus.management.enabled=true to serve the "
                    + "probes on the management interface", BuiltinEndpoint.PROTECTED_KEY,
                    BuiltinEndpoint.PROTECTED_KEY);
            return;
        }
        String health = httpRootPath.relativePath(endpoints.path(BuiltinEndpoint.HEALTH).orElseThrow());
        decorators.produce(new DecoratorBuildItem(new ProbePathDecorator(
                liveness.map(KubernetesHealthLivenessPathBuildItem::getPath).orElse(null),
                health + EndpointRoutes.HEALTH_LIVE,
                readiness.map(KubernetesHealthReadinessPathBuildItem::getPath).orElse(null),
                health + EndpointRoutes.HEALTH_READY)));
    }

    @BuildStep(onlyIf = MetricsEndpointEnabled.class)
    void pointScrapeAtMetrics(
            PipelineEndpointsBuildItem endpoints,
            HttpRootPathBuildItem httpRootPath,
            Optional<MetricsCapabilityBuildItem> metrics,
            BuildProducer<DecoratorBuildItem> decorators) {
        if (metrics.isEmpty() || metrics.get().metricsEndpoint() == null) {
            return;
        }
        if (endpoints.isProtected(BuiltinEndpoint.METRICS)) {
            LOG.debugf("Metrics is in %s: the scrape annotations keep Micrometer's path",
                    BuiltinEndpoint.PROTECTED_KEY);
            return;
        }
        decorators.produce(new DecoratorBuildItem(new ScrapePathDecorator(metrics.get().metricsEndpoint(),
                httpRootPath.relativePath(endpoints.path(BuiltinEndpoint.METRICS).orElseThrow()))));
    }
}
