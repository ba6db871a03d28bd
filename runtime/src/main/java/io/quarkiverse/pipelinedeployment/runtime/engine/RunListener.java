package io.quarkiverse.pipelinedeployment.runtime.engine;

import java.time.Instant;

import io.quarkiverse.pipelinedeployment.InvocationResponse;
import io.quarkiverse.pipelinedeployment.InvocationResponse.Outcome;

/**
 * Told of what happens to every run, on the thread where it happens: the run store, the run's events, statistics,
 * metrics and the Dev UI's recent invocations listen to runs this way. Listeners are registered once, when the engine
 * is built; they must be quick and must not throw.
 * <p>
 * A run is {@link #queued} before it is handed to the thread or context that executes it, then either
 * {@link #rejected} (the invocation queue is full, or the application is shutting down) or {@link #accepted}; an
 * accepted run is {@link #running} once the pipeline begins (unless it ends while queued), then
 * {@link #finished}.
 */
public interface RunListener {

    /** The run exists and is about to be handed to its executor. */
    default void queued(Run run) {
    }

    /** The executor took the run: it runs, or waits for a thread. */
    default void accepted(Run run) {
    }

    /** The pipeline began. */
    default void running(Run run) {
    }

    /** A {@code @Step} of the run began. */
    default void stepStarted(Run run, String step, Instant start) {
    }

    /**
     * A step of a run ended after {@code nanos}, whether it is listed in the run's answer or only counted.
     *
     * @param error {@code <ExceptionClass>: <message>} for a step that threw, else {@code null}
     */
    default void stepFinished(Run run, String step, long nanos, String error) {
    }

    /** The pipeline published an event of its own through its {@code RunContext}. */
    default void published(Run run, String kind, Object data) {
    }

    /** An accepted run ended after {@code nanos}, with its envelope. */
    default void finished(Run run, Outcome outcome, long nanos, InvocationResponse response) {
    }

    /** A queued run was turned away: the invocation queue is full, or the application is shutting down. */
    default void rejected(Run run) {
    }
}
