package io.quarkiverse.pipelinedeployment;

import java.time.Duration;
import java.util.Objects;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One call of the pipeline, as received by the invoke endpoint.
 *
 * @param parameters the request's {@code parameters} object, not yet bound to the pipeline's Java types
 * @param runName the requested run name, or {@code null} for the default {@code <pipeline>-<UTC timestamp>}
 * @param timeout the request's own time limit, or {@code null}; the service caps it with
 *        {@code quarkus.pipeline.invoke-timeout}
 * @param receivedAtNanos {@link System#nanoTime()} when the request arrived; time limits count from there, queue wait
 *        included
 */
public record InvocationRequest(ObjectNode parameters, String runName, Duration timeout, long receivedAtNanos) {

    public InvocationRequest {
        Objects.requireNonNull(parameters, "parameters");
    }

    /**
     * A request with no run name and no timeout of its own, received now.
     */
    public static InvocationRequest of(ObjectNode parameters) {
        return new InvocationRequest(parameters, null, null, System.nanoTime());
    }
}
