package io.quarkiverse.pipelinedeployment.runtime.runs;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;

import io.quarkiverse.pipelinedeployment.runtime.engine.Run;
import io.quarkiverse.pipelinedeployment.runtime.runs.RunStore.Claim;

/**
 * The idempotency keys of the {@link MemoryRunStore}: each maps to the run it was claimed for while that run is kept.
 * A key holds its run as an object until the run is kept as bytes; then it holds its id, and the run is read back from
 * the store when the key is claimed again.
 */
final class IdempotencyKeys {

    private static final class Held {
        final String key;
        final String fingerprint;
        final String runId;
        /** The run, until it is kept as bytes. */
        volatile Run run;

        Held(String key, String fingerprint, Run run) {
            this.key = key;
            this.fingerprint = fingerprint;
            this.runId = run.id();
            this.run = run;
        }
    }

    private final ConcurrentHashMap<String, Held> claims = new ConcurrentHashMap<>();
    /** The claim of a run that has one, to drop it with the run. */
    private final ConcurrentHashMap<String, Held> ofRun = new ConcurrentHashMap<>();
    /** Whether a key was ever claimed: until then, the store has nothing to tell the keys as runs are kept. */
    private volatile boolean claimed;

    /**
     * @param kept the kept run with an id (read back from bytes), or {@code null}
     * @param expired whether a run is past its retention: its key is free again
     * @return {@code null} when the key now maps to {@code run}, else the claim that holds it
     */
    Claim claim(String key, String fingerprint, Run run, Function<String, Run> kept, Predicate<Run> expired) {
        Held mine = new Held(key, fingerprint, run);
        claimed = true;
        while (true) {
            Held held = claims.putIfAbsent(key, mine);
            if (held == null) {
                ofRun.put(run.id(), mine);
                return null;
            }
            Run heldRun = held.run;
            if (heldRun == null) {
                heldRun = kept.apply(held.runId);
            }
            if (heldRun != null && !expired.test(heldRun)) {
                return new Claim(held.fingerprint, heldRun);
            }
            // The key outlived its run: it is free again
            if (claims.replace(key, held, mine)) {
                ofRun.remove(held.runId, held);
                ofRun.put(run.id(), mine);
                return null;
            }
        }
    }

    /** Frees a key claimed for a run that was turned away before it was queued. */
    void release(String key, Run run) {
        Held held = claims.get(key);
        if (held != null && held.runId.equals(run.id())) {
            claims.remove(key, held);
            ofRun.remove(run.id(), held);
        }
    }

    /**
     * Whether a kept run may have a key (one was claimed since the start): a volatile read, not a count. A caller
     * that would have to work out the run's id asks first; {@link #archived} and {@link #dropped} ask themselves.
     */
    boolean any() {
        return claimed && !ofRun.isEmpty();
    }

    /** The run is kept as bytes now: its key no longer holds the object. */
    void archived(String runId) {
        if (!any()) {
            return;
        }
        Held held = ofRun.get(runId);
        if (held != null) {
            held.run = null;
        }
    }

    /** The run is no longer kept: its key is free, unless it was claimed again since (by a run after it expired). */
    void dropped(String runId) {
        if (!any()) {
            return;
        }
        Held held = ofRun.remove(runId);
        if (held != null) {
            claims.remove(held.key, held);
        }
    }
}
