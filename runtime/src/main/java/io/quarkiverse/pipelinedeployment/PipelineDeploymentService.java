package io.quarkiverse.pipelinedeployment;

import io.quarkiverse.pipelinedeployment.runtime.engine.PipelineRun;
import io.quarkiverse.pipelinedeployment.runtime.engine.PipelineRuntime;
import io.quarkiverse.pipelinedeployment.runtime.engine.RunStatistics;
import io.quarkus.arc.Arc;
import io.smallrye.mutiny.Uni;

/**
 * The built-in {@link DeploymentService}: binds and validates the parameters, runs the {@code @Pipeline} method
 * following its execution model, records its steps and keeps the execution counters.
 * <p>
 * Subclass it to add behaviour around the built-in one; call {@code super.initialize()} when overriding
 * {@link #initialize()}.
 */
public class PipelineDeploymentService implements DeploymentService {

    private volatile PipelineRuntime runtime;

    @Override
    public void initialize() {
        runtime = Arc.container().instance(PipelineRuntime.class).get();
    }

    @Override
    public Uni<InvocationResponse> invoke(InvocationRequest request) {
        return PipelineRun.start(runtime(), request);
    }

    @Override
    public DeploymentInfo info() {
        PipelineRuntime rt = runtime();
        RunStatistics stats = rt.statistics();
        return rt.info().withState(stats.totalExecutions(), stats.lastExecutionTime(), health(), rt.uptime());
    }

    @Override
    public boolean health() {
        return runtime != null;
    }

    private PipelineRuntime runtime() {
        PipelineRuntime rt = runtime;
        if (rt == null) {
            throw new IllegalStateException("The deployment service is not initialized yet");
        }
        return rt;
    }
}
