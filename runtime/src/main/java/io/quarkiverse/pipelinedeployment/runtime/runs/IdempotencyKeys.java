package io.quarkiverse.pipelinedeployment.runtime.runs;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import io.quarkiverse.pipelinedeployment.runtime.engine.Run;
import io.quarkiverse.pipelinedeployment.runtime.runs.RunStore.Claim;

/**
 * The idempotency keys of the {@link MemoryRunStore}: each maps to the run it was claimed for while that run is kept.
 * Runs are told apart by id, since a kept run is read back as another object.
 */
final class IdempotencyKeys {

    private final ConcurrentHashMap<String, Claim> claims = new ConcurrentHashMap<>();
    /** The key of a run that has one, to drop it with the run. */
    private final ConcurrentHashMap<String, String> keyOfRun = new ConcurrentHashMap<>();

    /**
     * @param expired whether a run is past its retention: its key is free again
     * @return {@code null} when the key now maps to {@code run}, else the claim that holds it
     */
    Claim claim(String key, String fingerprint, Run run, Predicate<Run> expired) {
        Claim mine = new Claim(fingerprint, run);
        Claim held = claims.putIfAbsent(key, mine);
        if (held != null && expired.test(held.run())) {
            if (claims.replace(key, held, mine)) {
                held = null;
            } else {
                held = claims.get(key);
            }
        }
        if (held == null) {
            keyOfRun.put(run.id(), key);
        }
        return held;
    }

    /** Frees a key claimed for a run that was turned away before it was queued. */
    void release(String key, Run run) {
        Claim claim = claims.get(key);
        if (claim != null && claim.run() == run) {
            claims.remove(key, claim);
            keyOfRun.remove(run.id());
        }
    }

    /** Whether a kept run has a key. */
    boolean any() {
        return !keyOfRun.isEmpty();
    }

    /** The run is no longer kept: its key is free, unless it was claimed again since (by a run after it expired). */
    void dropped(String runId) {
        if (keyOfRun.isEmpty()) {
            return;
        }
        String key = keyOfRun.remove(runId);
        if (key != null) {
            claims.computeIfPresent(key, (k, claim) -> claim.run().id().equals(runId) ? null : claim);
        }
    }
}
