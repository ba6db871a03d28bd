package io.quarkiverse.pipelinedeployment.runtime.engine;

/** What a cancel request did to a run ({@link Run#cancel()}). */
public enum CancelResult {
    /** The run was queued: it ended {@code cancelled} at once. */
    DEQUEUED,
    /** The run was running: it was asked to stop, and ends {@code cancelled}. */
    REQUESTED,
    /** The run had already ended. */
    FINISHED
}
