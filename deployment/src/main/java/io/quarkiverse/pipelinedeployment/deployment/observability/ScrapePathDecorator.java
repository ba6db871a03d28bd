package io.quarkiverse.pipelinedeployment.deployment.observability;

import java.util.List;
import java.util.Map;

import io.dekorate.kubernetes.decorator.AddAnnotationDecorator;
import io.dekorate.kubernetes.decorator.Decorator;
import io.dekorate.kubernetes.decorator.ResourceProvidingDecorator;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;

/**
 * Moves the Prometheus scrape annotations ({@code prometheus.io/path}, or the prefix of
 * {@code quarkus.kubernetes.prometheus.prefix}) from Micrometer's {@code /q/metrics} to the deployment's
 * {@code <metrics>}, on every resource Quarkus annotated. Runs after Dekorate's annotation decorators and changes an
 * annotation only when it still holds Micrometer's path. Loaded only when {@code quarkus-kubernetes} is present.
 */
final class ScrapePathDecorator extends Decorator<ObjectMetaBuilder> {

    private final String micrometerPath;
    private final String metricsPath;

    ScrapePathDecorator(String micrometerPath, String metricsPath) {
        this.micrometerPath = micrometerPath;
        this.metricsPath = metricsPath;
    }

    @Override
    public void visit(ObjectMetaBuilder meta) {
        Map<String, String> annotations = meta.getAnnotations();
        if (annotations == null) {
            return;
        }
        for (String key : List.copyOf(annotations.keySet())) {
            if (key.endsWith("/path") && micrometerPath.equals(annotations.get(key))) {
                meta.addToAnnotations(key, metricsPath);
            }
        }
    }

    @Override
    public Class<? extends Decorator>[] after() {
        return new Class[] { ResourceProvidingDecorator.class, AddAnnotationDecorator.class };
    }
}
