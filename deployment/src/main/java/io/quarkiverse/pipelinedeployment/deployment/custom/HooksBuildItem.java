package io.quarkiverse.pipelinedeployment.deployment.custom;

import io.quarkus.builder.item.SimpleBuildItem;

/**
 * The validated lifecycle hooks ({@code com.acme.Hooks#method}, or {@code null}), produced by
 * {@code PipelineHooksProcessor} and handed to the service's startup.
 */
public final class HooksBuildItem extends SimpleBuildItem {

    private final String startupHook;
    private final String shutdownHook;

    HooksBuildItem(String startupHook, String shutdownHook) {
        this.startupHook = startupHook;
        this.shutdownHook = shutdownHook;
    }

    public String startupHook() {
        return startupHook;
    }

    public String shutdownHook() {
        return shutdownHook;
    }
}
