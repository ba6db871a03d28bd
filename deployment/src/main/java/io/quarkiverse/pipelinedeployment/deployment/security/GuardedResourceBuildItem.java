package io.quarkiverse.pipelinedeployment.deployment.security;

import io.quarkus.builder.item.MultiBuildItem;

/**
 * A native JAX-RS custom endpoint behind the API keys: its resource class and the path it is mounted at. Produced by
 * {@code PipelineCustomEndpointsProcessor.collectCustomEndpoints}, consumed by {@code PipelineSecurityProcessor}.
 */
public final class GuardedResourceBuildItem extends MultiBuildItem {

    final String className;
    final String mountPath;

    /**
     * @param mountPath the composed path under {@code quarkus.pipeline.root-path} ({@code ""} for the root)
     */
    public GuardedResourceBuildItem(String className, String mountPath) {
        this.className = className;
        this.mountPath = mountPath;
    }
}
