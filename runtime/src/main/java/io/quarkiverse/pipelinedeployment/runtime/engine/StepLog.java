package io.quarkiverse.pipelinedeployment.runtime.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.quarkiverse.pipelinedeployment.InvocationResponse.StepExecution;
import io.quarkiverse.pipelinedeployment.RunCancelledException;
import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;

/**
 * The {@code @Step} calls of one run, in call order, at most {@code quarkus.pipeline.max-recorded-steps} of them; the
 * calls beyond are only counted (and timed in metrics).
 * <p>
 * The log of the run in progress is found through a thread-local while the pipeline method runs synchronously (on
 * the invocation pool, the event loop or a virtual thread), and through the request's duplicated Vert.x context for
 * the asynchronous continuations of {@code Uni} and {@code CompletionStage} pipelines. Work the pipeline hands to
 * other threads carries the log along through MicroProfile Context Propagation ({@link StepLogContextProvider}): a
 * {@code ManagedExecutor}, its {@code CompletableFuture}s, {@code ThreadContext}-wrapped tasks and Mutiny operators.
 * The thread-local is never inherited by threads the pipeline creates itself: a pool thread created during one run
 * would otherwise keep that run's log for the tasks of later runs.
 */
final class StepLog {

    private static final ThreadLocal<StepLog> CURRENT = new ThreadLocal<>();
    private static final String CONTEXT_KEY = StepLog.class.getName();

    private final ArrayList<StepExecution> entries = new ArrayList<>(8);
    private final Run run;
    private final RunListener[] listeners;
    private final int maxEntries;
    private int omitted;

    /**
     * @param run the run whose steps these are
     * @param listeners the engine's listeners, told of each step's start and end
     * @param maxEntries {@code quarkus.pipeline.max-recorded-steps}
     */
    StepLog(Run run, RunListener[] listeners, int maxEntries) {
        this.run = run;
        this.listeners = listeners;
        this.maxEntries = maxEntries;
    }

    /** The run whose steps these are. */
    Run run() {
        return run;
    }

    /**
     * Whether the run was cancelled: a cancel was requested ({@code POST <runs>/<id>/cancel}, shutdown), or it ended
     * cancelled because nobody waits for its answer any more (the client of a synchronous invoke went away).
     */
    boolean cancelled() {
        return run.cancelRequested() || run.status() == RunStatus.CANCELLED;
    }

    /** Tells the listeners of an event the pipeline publishes. */
    void publish(String kind, Object data) {
        for (RunListener listener : listeners) {
            listener.published(run, kind, data);
        }
    }

    /**
     * The log of the run in progress on this thread or Vert.x context, or {@code null} outside a run.
     */
    public static StepLog current() {
        StepLog log = CURRENT.get();
        if (log == null && VertxContext.isOnDuplicatedContext()) {
            log = ContextLocals.<StepLog> get(CONTEXT_KEY, null);
        }
        return log;
    }

    /**
     * Makes this log current on this thread; returns the previous one, to be given to {@link #exit(StepLog)}.
     */
    StepLog enter() {
        return swap(this);
    }

    static void exit(StepLog previous) {
        swap(previous);
    }

    /**
     * Makes {@code log} current on this thread, or none for {@code null}; returns the one that was current.
     */
    static StepLog swap(StepLog log) {
        StepLog previous = CURRENT.get();
        // Set to null rather than removed: a pooled thread keeps its entry instead of making one (a weak reference,
        // which the collector processes apart) for every run
        CURRENT.set(log);
        return previous;
    }

    /**
     * Makes this log current on the caller's duplicated Vert.x context too, for asynchronous continuations.
     */
    void bindToVertxContext() {
        if (VertxContext.isOnDuplicatedContext()) {
            ContextLocals.put(CONTEXT_KEY, this);
        }
    }

    /**
     * Takes the next place in call order for a step that starts now, and tells the listeners.
     *
     * @return its place, for {@link #end}, or {@code -1} past {@code quarkus.pipeline.max-recorded-steps} (the call
     *         is then only counted)
     * @throws RunCancelledException when the run was cancelled: no step starts after a cancel
     */
    int begin(String name, Instant start) {
        if (cancelled()) {
            throw new RunCancelledException(run.id());
        }
        int place;
        synchronized (entries) {
            if (entries.size() >= maxEntries) {
                omitted++;
                place = -1;
            } else {
                entries.add(null);
                place = entries.size() - 1;
            }
        }
        for (RunListener listener : listeners) {
            listener.stepStarted(run, name, start);
        }
        return place;
    }

    /**
     * Records how the step that took {@code place} ended ({@code failure} is {@code null} when it completed), and
     * tells the listeners (metrics time it).
     */
    void end(int place, String name, Instant start, long startNanos, Throwable failure) {
        long nanos = System.nanoTime() - startNanos;
        if (place >= 0) {
            StepExecution entry = new StepExecution(name,
                    failure == null ? StepExecution.COMPLETED : StepExecution.FAILED, FastFormats.iso(start),
                    nanos / 1_000_000_000.0);
            synchronized (entries) {
                entries.set(place, entry);
            }
        }
        String error = failure == null ? null : failure.getClass().getSimpleName() + ": " + failure.getMessage();
        for (RunListener listener : listeners) {
            listener.stepFinished(run, name, nanos, error);
        }
    }

    /**
     * A copy of the steps that ended so far, in the order they were called (a step still running is left out).
     */
    public List<StepExecution> snapshot() {
        synchronized (entries) {
            List<StepExecution> ended = new ArrayList<>(entries.size());
            for (StepExecution entry : entries) {
                if (entry != null) {
                    ended.add(entry);
                }
            }
            return ended;
        }
    }

    /**
     * The calls made beyond {@code quarkus.pipeline.max-recorded-steps} so far, which {@link #snapshot()} does not
     * list.
     */
    public int omitted() {
        synchronized (entries) {
            return omitted;
        }
    }
}
