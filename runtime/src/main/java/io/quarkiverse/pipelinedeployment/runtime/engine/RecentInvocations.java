package io.quarkiverse.pipelinedeployment.runtime.engine;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;

import io.quarkiverse.pipelinedeployment.InvocationResponse;
import io.quarkiverse.pipelinedeployment.InvocationResponse.Outcome;

/**
 * The last invocations of the pipeline, newest first, with their step timings: kept in dev mode only, for the Dev
 * UI's "Recent invocations" page. A listener of runs.
 */
public final class RecentInvocations implements RunListener {

    /** One finished invocation and the instant it ended (ISO-8601 UTC). */
    public record Entry(String endedAt, InvocationResponse response) {
    }

    private final int capacity;
    private final ArrayDeque<Entry> entries;

    public RecentInvocations(int capacity) {
        this.capacity = capacity;
        this.entries = new ArrayDeque<>(capacity);
    }

    @Override
    public void finished(Run run, Outcome outcome, long nanos, InvocationResponse response) {
        record(response);
    }

    synchronized void record(InvocationResponse response) {
        if (entries.size() == capacity) {
            entries.removeLast();
        }
        entries.addFirst(new Entry(Instant.now().toString(), response));
    }

    /** The invocations kept, newest first. */
    public synchronized List<Entry> newestFirst() {
        return List.copyOf(entries);
    }
}
