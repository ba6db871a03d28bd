package io.quarkiverse.pipelinedeployment;

import io.smallrye.mutiny.Uni;

/**
 * The business logic behind the invoke, info, health and metrics endpoints.
 * <p>
 * The built-in implementation is {@link PipelineDeploymentService}. Replace it by declaring a CDI bean of this type,
 * often a subclass of the built-in one.
 * <p>
 * {@link #invoke(InvocationRequest)} is called on the Vert.x event loop and must not block: do blocking work on
 * another executor and complete the returned {@code Uni} from there.
 */
public interface DeploymentService {

    /**
     * Called once at startup, before the first request is served. An exception stops the application from starting.
     */
    default void initialize() {
    }

    /**
     * Runs the pipeline once.
     * <p>
     * The returned {@code Uni} emits the response envelope, also when the pipeline failed
     * ({@link InvocationResponse.Outcome#FAILURE}) or ran out of time ({@link InvocationResponse.Outcome#TIMEOUT}).
     * It fails with {@link InvalidParametersException} when the parameters do not bind (answered with 422) and with
     * {@link InvocationRejectedException} when the deployment cannot take more work (answered with 503). The invoke
     * endpoint cancels the subscription when its client goes away before the answer: the built-in service then stops
     * the run and counts it as {@link InvocationResponse.Outcome#CANCELLED}.
     */
    Uni<InvocationResponse> invoke(InvocationRequest request);

    /**
     * What the info endpoint reports, with the current counters. Must not block.
     */
    DeploymentInfo info();

    /**
     * Whether the deployment can serve invocations. Must not block.
     */
    boolean health();

    /**
     * Called once on shutdown, after in-flight invocations have drained.
     */
    default void cleanup() {
    }
}
