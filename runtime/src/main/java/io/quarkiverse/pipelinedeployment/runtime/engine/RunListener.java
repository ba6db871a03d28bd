package io.quarkiverse.pipelinedeployment.runtime.engine;

import io.quarkiverse.pipelinedeployment.InvocationResponse;
import io.quarkiverse.pipelinedeployment.InvocationResponse.Outcome;

/**
 * Told of the events of every run, on the thread where they happen: statistics, metrics and the Dev UI's recent
 * invocations listen to runs this way. Listeners are registered once, when the engine is built; they must be quick
 * and must not throw.
 */
public interface RunListener {

    /** A run was accepted and starts (or is queued for a thread). */
    default void started() {
    }

    /** A step of a run ended after {@code nanos}, whether it is listed in the run's answer or only counted. */
    default void stepFinished(String step, long nanos) {
    }

    /**
     * A started run ended after {@code nanos}.
     *
     * @param response the answer, or {@code null} when the run was cancelled because nobody waits for it any more
     */
    default void finished(Outcome outcome, long nanos, InvocationResponse response) {
    }

    /** An invocation was turned away (the queue was full, or the application is shutting down). */
    default void rejected() {
    }
}
