package io.quarkiverse.pipelinedeployment;

import io.quarkiverse.pipelinedeployment.spi.PipelineEngine;
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

    private volatile PipelineEngine engine;

    @Override
    public void initialize() {
        engine = Arc.container().instance(PipelineEngine.class).get();
    }

    @Override
    public Uni<InvocationResponse> invoke(InvocationRequest request) {
        return engine().invoke(request);
    }

    @Override
    public DeploymentInfo info() {
        return engine().info(health());
    }

    @Override
    public boolean health() {
        return engine != null;
    }

    private PipelineEngine engine() {
        PipelineEngine e = engine;
        if (e == null) {
            throw new IllegalStateException("The deployment service is not initialized yet");
        }
        return e;
    }
}
