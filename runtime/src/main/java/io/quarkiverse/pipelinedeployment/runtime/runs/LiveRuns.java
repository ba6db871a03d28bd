package io.quarkiverse.pipelinedeployment.runtime.runs;

import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.quarkiverse.pipelinedeployment.runtime.engine.Run;

/**
 * The runs the {@link MemoryRunStore} keeps as objects: queued, running, and ended ones not archived (yet), with the
 * memory they are estimated to hold.
 */
final class LiveRuns {

    private final ConcurrentHashMap<String, Run> runs = new ConcurrentHashMap<>();
    private final AtomicLong bytes = new AtomicLong();

    /** The memory a run kept as an object holds: 2 KiB, and its parameters' tree (about 4 x its request's size). */
    static long weight(Run run) {
        return 2048 + 4 * run.requestBytes();
    }

    void add(Run run) {
        runs.put(run.id(), run);
        bytes.addAndGet(weight(run));
    }

    /** Whether {@code run} is kept as an object (and not another run with its id). */
    boolean has(Run run) {
        return runs.get(run.id()) == run;
    }

    Run get(String id) {
        return runs.get(id);
    }

    /** Whether {@code run} was kept, and no longer is. */
    boolean remove(Run run) {
        if (!runs.remove(run.id(), run)) {
            return false;
        }
        bytes.addAndGet(-weight(run));
        return true;
    }

    int size() {
        return runs.size();
    }

    long bytes() {
        return bytes.get();
    }

    Collection<Run> all() {
        return runs.values();
    }
}
