package io.quarkiverse.pipelinedeployment.deployment.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.context.ApplicationScoped;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.pipelinedeployment.AppRunner;
import io.quarkiverse.pipelinedeployment.PipelineDeploymentService;
import io.quarkiverse.pipelinedeployment.deployment.pipelines.ScoringPipeline;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The seed's hooks: a static startup hook with typed arguments and the runner, a bean shutdown hook; startup after
 * the service's initialize, shutdown before its cleanup.
 */
public class LifecycleHooksTest {

    static final String LOG = "lifecycle";

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ScoringPipeline.class, Hooks.class, ShutdownHooks.class,
                    RecordingService.class, HookLog.class))
            .overrideConfigKey("quarkus.pipeline.startup-hook", Hooks.class.getName() + "#onStartup")
            .overrideConfigKey("quarkus.pipeline.shutdown-hook", ShutdownHooks.class.getName() + "#onShutdown")
            .overrideConfigKey("quarkus.pipeline.startup-hook-args.warm", "true")
            .overrideConfigKey("quarkus.pipeline.startup-hook-args.retries", "3")
            // The seed's snake_case names bind to camelCase parameters
            .overrideRuntimeConfigKey("quarkus.pipeline.shutdown-hook-args.drain_timeout_s", "2")
            .setBeforeAllCustomizer(() -> HookLog.reset(LOG))
            .setAfterAllCustomizer(() -> assertThat(HookLog.lines(LOG)).containsExactly(
                    "initialize", "startup warm=true retries=3 runner=vertx healthy=true", "shutdown drain=2",
                    "cleanup"));

    @Test
    void startupHookRanOnceAfterInitialize() {
        assertThat(HookLog.lines(LOG)).containsExactly("initialize",
                "startup warm=true retries=3 runner=vertx healthy=true");
    }

    public static class Hooks {
        public static void onStartup(boolean warm, int retries, AppRunner runner) {
            HookLog.append(LOG, "startup warm=" + warm + " retries=" + retries + " runner=" + runner.flavor()
                    + " healthy=" + runner.service().health());
        }
    }

    /** Not a bean by itself: the hook makes it one. */
    public static class ShutdownHooks {
        void onShutdown(int drainTimeoutS) {
            HookLog.append(LOG, "shutdown drain=" + drainTimeoutS);
        }
    }

    @ApplicationScoped
    public static class RecordingService extends PipelineDeploymentService {
        @Override
        public void initialize() {
            super.initialize();
            HookLog.append(LOG, "initialize");
        }

        @Override
        public void cleanup() {
            HookLog.append(LOG, "cleanup");
        }
    }
}
