package io.quarkiverse.pipelinedeployment.deployment.observability;

import io.dekorate.kubernetes.decorator.AddLivenessProbeDecorator;
import io.dekorate.kubernetes.decorator.AddReadinessProbeDecorator;
import io.dekorate.kubernetes.decorator.ApplicationContainerDecorator;
import io.dekorate.kubernetes.decorator.ApplyApplicationContainerDecorator;
import io.dekorate.kubernetes.decorator.Decorator;
import io.dekorate.kubernetes.decorator.ResourceProvidingDecorator;
import io.fabric8.kubernetes.api.model.ContainerFluent;
import io.fabric8.kubernetes.api.model.Probe;

/**
 * Moves the application container's liveness and readiness probes from SmallRye Health's paths to the deployment's
 * {@code <health>/live} and {@code <health>/ready}. Runs after Dekorate's probe decorators and changes a probe only
 * when its HTTP path is still the one SmallRye Health contributed. Loaded only when {@code quarkus-kubernetes} is
 * present (Dekorate is on the class path then).
 */
final class ProbePathDecorator extends ApplicationContainerDecorator<ContainerFluent<?>> {

    private final String healthLiveness;
    private final String liveness;
    private final String healthReadiness;
    private final String readiness;

    ProbePathDecorator(String healthLiveness, String liveness, String healthReadiness, String readiness) {
        this.healthLiveness = healthLiveness;
        this.liveness = liveness;
        this.healthReadiness = healthReadiness;
        this.readiness = readiness;
    }

    @Override
    public void andThenVisit(ContainerFluent<?> container) {
        if (replaces(container.buildLivenessProbe(), healthLiveness)) {
            container.editLivenessProbe().editHttpGet().withPath(liveness).endHttpGet().endLivenessProbe();
        }
        if (replaces(container.buildReadinessProbe(), healthReadiness)) {
            container.editReadinessProbe().editHttpGet().withPath(readiness).endHttpGet().endReadinessProbe();
        }
    }

    private static boolean replaces(Probe probe, String contributed) {
        if (probe == null || probe.getHttpGet() == null) {
            return false;
        }
        return contributed == null || contributed.equals(probe.getHttpGet().getPath());
    }

    @Override
    public Class<? extends Decorator>[] after() {
        return new Class[] { ResourceProvidingDecorator.class, ApplyApplicationContainerDecorator.class,
                AddLivenessProbeDecorator.class, AddReadinessProbeDecorator.class };
    }
}
