package io.quarkiverse.pipelinedeployment.runtime.engine;

import java.util.concurrent.CompletionStage;

import io.smallrye.mutiny.Uni;

/**
 * Where a pipeline method runs, decided at build time from its annotations and return type.
 */
public enum ExecutionMode {
    /** The default: on the invocation pool of {@code quarkus.pipeline.thread-pool-size} threads. */
    WORKER_POOL,
    /** {@code @NonBlocking}: on the Vert.x event loop, with no thread hop. */
    EVENT_LOOP,
    /** Returns {@code Uni} or {@code CompletionStage}: called on the event loop, its result awaited without blocking. */
    ASYNC,
    /** {@code @RunOnVirtualThread}: on a new virtual thread (Java 21+), else on the invocation pool. */
    VIRTUAL_THREAD;

    /** What an {@link #ASYNC} pipeline returned, as a {@code Uni}. */
    static Uni<?> asUni(Object result) {
        if (result == null) {
            throw new NullPointerException("The pipeline method returned null instead of a Uni or CompletionStage");
        }
        return result instanceof CompletionStage<?> stage ? Uni.createFrom().completionStage(stage) : (Uni<?>) result;
    }
}
