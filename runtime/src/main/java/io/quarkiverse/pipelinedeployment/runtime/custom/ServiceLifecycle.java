package io.quarkiverse.pipelinedeployment.runtime.custom;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkiverse.pipelinedeployment.AppExtension;
import io.quarkiverse.pipelinedeployment.AppRunner;
import io.quarkiverse.pipelinedeployment.DeploymentService;
import io.quarkiverse.pipelinedeployment.runtime.PipelineRuntimeConfig;
import io.quarkiverse.pipelinedeployment.runtime.engine.PipelineRuntime;

/**
 * The deployment's start and stop: the app extensions, the service's {@code initialize()} and {@code cleanup()}, and
 * the startup and shutdown hooks around them.
 */
public final class ServiceLifecycle {

    static final String STARTUP_HOOK = "quarkus.pipeline.startup-hook";
    static final String SHUTDOWN_HOOK = "quarkus.pipeline.shutdown-hook";

    private ServiceLifecycle() {
    }

    /**
     * Installs the app extensions, in order.
     *
     * @param extensions class names, sorted by their order
     * @param args each extension's arguments
     */
    public static void installExtensions(AppRunner runner, List<String> extensions, List<Map<String, String>> args) {
        for (int i = 0; i < extensions.size(); i++) {
            AppExtension extension = (AppExtension) Instances.create(extensions.get(i), null,
                    "quarkus.pipeline.extensions");
            extension.install(runner, Map.copyOf(args.get(i)));
        }
    }

    /**
     * Initializes the service and runs the startup hook; returns the shutdown task, which drains the invocation pool
     * and runs the shutdown hook before the service's cleanup.
     *
     * @param startupHook {@code Class#method}, or {@code null}
     * @param shutdownHook {@code Class#method}, or {@code null}
     */
    public static Runnable start(DeploymentService service, PipelineRuntime runtime, AppRunner runner,
            PipelineRuntimeConfig config, CodeReference startupHook, CodeReference shutdownHook) {
        runtime.appRunnerFlavor(runner.flavor());
        // Bind the hooks' arguments before anything runs, so a bad argument stops the start cleanly
        Hook onStart = startupHook == null ? null
                : new Hook(STARTUP_HOOK, STARTUP_HOOK + "-args", startupHook, config.startupHookArgs(), runner);
        Hook onStop = shutdownHook == null ? null
                : new Hook(SHUTDOWN_HOOK, SHUTDOWN_HOOK + "-args", shutdownHook, config.shutdownHookArgs(), runner);
        service.initialize();
        if (onStart != null) {
            onStart.run();
        }
        Duration drain = ConfigProvider.getConfig().getOptionalValue("quarkus.shutdown.timeout", Duration.class)
                .orElse(Duration.ofSeconds(30));
        return () -> {
            runtime.shutdown(drain);
            try {
                if (onStop != null) {
                    onStop.run();
                }
            } finally {
                service.cleanup();
            }
        };
    }
}
