package io.quarkiverse.pipelinedeployment.runtime.runs;

import java.util.List;
import java.util.Set;

import io.quarkiverse.pipelinedeployment.InvocationRequest;
import io.quarkiverse.pipelinedeployment.runtime.engine.Run;
import io.quarkiverse.pipelinedeployment.runtime.engine.RunListener;
import io.quarkiverse.pipelinedeployment.runtime.engine.RunSource;
import io.quarkiverse.pipelinedeployment.runtime.engine.RunStatus;
import io.smallrye.mutiny.Uni;

/**
 * Where run records, their events and idempotency keys are kept ({@code quarkus.pipeline.runs.store}). A listener of
 * runs: a recorded run is stored when it is queued, dropped when it is rejected, and may be evicted once it has ended.
 * Lookups answer a {@code Uni}, so that a store over the network (Redis) fills this interface without touching the
 * engine or the endpoints; the in-memory store answers at once.
 */
public interface RunStore extends RunListener {

    /**
     * Which runs a list shows.
     *
     * @param statuses the statuses shown, or {@code null} for all
     * @param source the source shown, or {@code null} for all
     * @param limit the most runs on the page
     * @param after the cursor of the previous page ({@link Page#next()}), or {@code null} for the newest runs
     */
    record Query(Set<RunStatus> statuses, RunSource source, int limit, String after) {
    }

    /**
     * A page of runs, newest first.
     *
     * @param next the cursor of the next page, or {@code null} on the last one
     */
    record Page(List<Run> runs, String next) {
    }

    /**
     * An idempotency key's run.
     *
     * @param fingerprint the fingerprint of the request that claimed the key
     */
    record Claim(String fingerprint, Run run) {
    }

    /** The run with this id, or {@code null} when it is unknown or expired. */
    Uni<Run> find(String id);

    /**
     * A page of runs, newest first.
     *
     * @throws IllegalArgumentException (as the {@code Uni}'s failure) for a cursor this store did not give
     */
    Uni<Page> list(Query query);

    /**
     * Maps {@code key} to {@code run}, unless it maps to a run already.
     *
     * @param key the idempotency key, scoped by the caller's credentials
     * @return {@code null} when the key now maps to {@code run}, else the claim that holds it
     */
    Uni<Claim> claim(String key, String fingerprint, Run run);

    /** Frees a key claimed for a run that was turned away before it was queued. */
    void release(String key, Run run);

    /** The application is shutting down: queued asynchronous runs end {@code cancelled}. */
    void shutdown();

    /**
     * Whether asynchronous runs go into the store's queue, shared by every replica, rather than the invocation pool
     * of the replica that accepted them: then {@link #enqueue} queues them, and the replicas take them from there.
     */
    default boolean sharesQueue() {
        return false;
    }

    /**
     * Queues an asynchronous run in the shared queue ({@link #sharesQueue()}); its parameters were checked.
     *
     * @return the run as any replica now sees it, or a failure: {@code InvocationRejectedException} (503) when the
     *         queue is full or the store unavailable
     */
    default Uni<Run> enqueue(Run run, InvocationRequest request) {
        return Uni.createFrom().failure(new UnsupportedOperationException("No shared queue"));
    }

    /**
     * How often the store failed to write or read runs ({@code pipeline_run_store_errors_total}): a store over the
     * network was unavailable; the in-memory store never fails.
     */
    default long errors() {
        return 0;
    }
}
