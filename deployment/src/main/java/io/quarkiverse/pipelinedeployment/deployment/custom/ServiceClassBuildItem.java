package io.quarkiverse.pipelinedeployment.deployment.custom;

import io.quarkus.builder.item.SimpleBuildItem;

/**
 * The validated {@code quarkus.pipeline.service-class}, or {@code null} for the built-in service. Consumed by the
 * default service bean.
 */
public final class ServiceClassBuildItem extends SimpleBuildItem {

    private final String className;

    ServiceClassBuildItem(String className) {
        this.className = className;
    }

    public String className() {
        return className;
    }
}
