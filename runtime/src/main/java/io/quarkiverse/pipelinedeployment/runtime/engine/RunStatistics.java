package io.quarkiverse.pipelinedeployment.runtime.engine;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import io.quarkiverse.pipelinedeployment.InvocationResponse.Outcome;

/**
 * Counters of the built-in service: runs started, the time of the last one and runs in flight; run outcomes and
 * rejections are forwarded to the Micrometer meters when they are registered.
 */
final class RunStatistics {

    private final AtomicLong started = new AtomicLong();
    private final AtomicLong active = new AtomicLong();
    private volatile Instant lastStarted;
    private volatile PipelineMetrics metrics;

    void metrics(PipelineMetrics metrics) {
        this.metrics = metrics;
    }

    PipelineMetrics metrics() {
        return metrics;
    }

    void runStarted() {
        started.incrementAndGet();
        active.incrementAndGet();
        lastStarted = Instant.now();
    }

    void runEnded(Outcome outcome, long nanos) {
        active.decrementAndGet();
        PipelineMetrics m = metrics;
        if (m != null) {
            m.runEnded(outcome, nanos);
        }
    }

    void runRejected() {
        PipelineMetrics m = metrics;
        if (m != null) {
            m.runRejected();
        }
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
