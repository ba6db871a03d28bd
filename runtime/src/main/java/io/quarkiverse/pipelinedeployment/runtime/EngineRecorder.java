package io.quarkiverse.pipelinedeployment.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.invoke.Invoker;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkiverse.pipelinedeployment.runtime.engine.BuildMetadata;
import io.quarkiverse.pipelinedeployment.runtime.engine.Deployment;
import io.quarkiverse.pipelinedeployment.runtime.engine.EngineConfig;
import io.quarkiverse.pipelinedeployment.runtime.engine.InvocationPool;
import io.quarkiverse.pipelinedeployment.runtime.engine.PipelineDefinition;
import io.quarkiverse.pipelinedeployment.runtime.engine.PipelineRuntime;
import io.quarkiverse.pipelinedeployment.runtime.engine.RecentInvocations;
import io.quarkiverse.pipelinedeployment.runtime.engine.RunListener;
import io.quarkiverse.pipelinedeployment.runtime.engine.RunStatistics;
import io.quarkiverse.pipelinedeployment.runtime.observability.PipelineMetrics;
import io.quarkiverse.pipelinedeployment.runtime.runs.RunStore;
import io.quarkus.arc.Arc;
import io.quarkus.arc.SyntheticCreationalContext;
import io.quarkus.runtime.RuntimeValue;
import io.quarkus.runtime.annotations.Recorder;
import io.quarkus.runtime.shutdown.ShutdownListener;
import io.vertx.core.Vertx;

/**
 * Builds the engine at startup: the deployment's description, the invocation pool and the run listeners.
 */
@Recorder
public class EngineRecorder {

    private final RuntimeValue<PipelineRuntimeConfig> config;

    public EngineRecorder(RuntimeValue<PipelineRuntimeConfig> config) {
        this.config = config;
    }

    /**
     * @param recentInvocations how many invocations to keep for the Dev UI (dev mode), or 0
     */
    public Function<SyntheticCreationalContext<PipelineRuntime>, PipelineRuntime> pipelineRuntime(
            PipelineDefinition definition, RuntimeValue<Invoker<Object, Object>> invoker, BuildMetadata build,
            int recentInvocations) {
        PipelineRuntimeConfig runtimeConfig = config.getValue();
        EngineConfig.validate(runtimeConfig);
        return ctx -> {
            ObjectMapper mapper = ctx.getInjectedReference(ObjectMapper.class);
            InvocationPool pool = InvocationPool.forMode(definition.getExecutionMode(), runtimeConfig);
            RunStatistics statistics = new RunStatistics();
            List<RunListener> others = new ArrayList<>(2);
            RunStore store = ctx.getInjectedReference(RunStore.class);
            others.add(store);
            // With the metrics endpoint excluded, Micrometer's own /q/metrics must not show the pipeline's series
            if (build.path("metrics") != null) {
                others.add(new PipelineMetrics(ctx.getInjectedReference(MeterRegistry.class), definition.getName(),
                        definition.getSteps(), statistics, pool, store));
            }
            return new PipelineRuntime(Deployment.describe(definition, build, runtimeConfig, mapper),
                    invoker.getValue(), runtimeConfig, mapper, ctx.getInjectedReference(Vertx.class), pool, statistics,
                    recentInvocations > 0 ? new RecentInvocations(recentInvocations) : null, others);
        };
    }

    /**
     * Turns new invocations away with 503, and readiness DOWN, once Quarkus begins to shut down (on SIGTERM), before
     * it waits for the requests in flight; queued asynchronous runs end {@code cancelled}.
     */
    public ShutdownListener shutdownListener() {
        return new ShutdownListener() {
            @Override
            public void preShutdown(ShutdownNotification notification) {
                try {
                    Arc.container().instance(PipelineRuntime.class).get().stopAccepting();
                    Arc.container().instance(RunStore.class).get().shutdown();
                } finally {
                    notification.done();
                }
            }
        };
    }
}
