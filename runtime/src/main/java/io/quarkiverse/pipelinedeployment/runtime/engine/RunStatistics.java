package io.quarkiverse.pipelinedeployment.runtime.engine;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import io.quarkiverse.pipelinedeployment.InvocationResponse;
import io.quarkiverse.pipelinedeployment.InvocationResponse.Outcome;

/**
 * Counters of the built-in service, kept as a listener of runs: runs started, the time of the last one, runs in
 * flight and runs queued.
 */
public final class RunStatistics implements RunListener {

    private final AtomicLong started = new AtomicLong();
    private final AtomicLong active = new AtomicLong();
    private volatile Instant lastStarted;

    private final AtomicLong queued = new AtomicLong();

    @Override
    public void queued(Run run) {
        queued.incrementAndGet();
    }

    @Override
    public void rejected(Run run) {
        queued.decrementAndGet();
    }

    @Override
    public void accepted(Run run) {
        started.incrementAndGet();
        active.incrementAndGet();
        lastStarted = Instant.now();
    }

    @Override
    public void running(Run run) {
        queued.decrementAndGet();
    }

    @Override
    public void finished(Run run, Outcome outcome, long nanos, InvocationResponse response) {
        active.decrementAndGet();
        if (run.started() == null) {
            // Ended while queued: cancelled, or out of time
            queued.decrementAndGet();
        }
    }

    /** Runs waiting for their turn: async submissions and invocations waiting for a thread. */
    public long queuedRuns() {
        return queued.get();
    }

    /** Pipeline runs that started: successful, failed, timed out or cancelled. */
    public long totalExecutions() {
        return started.get();
    }

    /** Runs started and not yet ended. */
    public long activeExecutions() {
        return active.get();
    }

    /** ISO-8601 UTC instant the last run started, or {@code null}. */
    public String lastExecutionTime() {
        Instant last = lastStarted;
        return last == null ? null : last.toString();
    }
}
