package io.quarkiverse.pipelinedeployment.redis.runtime;

/**
 * The keys of one pipeline's runs in Redis, all under {@code pipeline:{<name>}:} (the braces keep them in one cluster
 * slot, for the scripts that touch several):
 * <ul>
 * <li>{@code run:<id>}, a hash: {@code rec}, the run's state ({@code RunCodec}, without its events); {@code st}, its
 * status once it left the queue, or {@code queued}, {@code taken} around the shared queue; {@code par}, its bound
 * parameters as JSON; {@code own}, the deployment id of the replica that executes it; {@code cancel}, set once a
 * cancel is requested; for a run submitted asynchronously, {@code q} (its state when queued), {@code req} (its
 * parameters), {@code tmo} (its own timeout, in ms) and {@code retried};</li>
 * <li>{@code events:<id>}, a stream: the run's events, each with the id {@code 0-<n>} (its event id);</li>
 * <li>{@code runs}, a sorted set: every run by its creation time in microseconds, for lists;</li>
 * <li>{@code key:<credentials>:<key>}: an idempotency key, {@code <fingerprint> <run id>};</li>
 * <li>{@code queue}, a stream with the consumer group {@code workers}: the asynchronous runs waiting for a replica;</li>
 * <li>{@code leases}, a sorted set: the runs replicas execute, by when their lease expires;</li>
 * <li>{@code cancels}, a channel: the ids of the runs a cancel was requested for.</li>
 * </ul>
 * Every key of a run expires {@code runs.retention} after the run was created.
 */
record RedisKeys(String prefix) {

    static RedisKeys of(String pipeline) {
        return new RedisKeys("pipeline:{" + pipeline + "}:");
    }

    String run(String id) {
        return prefix + "run:" + id;
    }

    String events(String id) {
        return prefix + "events:" + id;
    }

    /** The run id of an events key. */
    String runOfEvents(String eventsKey) {
        return eventsKey.substring(prefix.length() + "events:".length());
    }

    String runs() {
        return prefix + "runs";
    }

    String key(String scoped) {
        return prefix + "key:" + scoped;
    }

    String queue() {
        return prefix + "queue";
    }

    String leases() {
        return prefix + "leases";
    }

    String cancels() {
        return prefix + "cancels";
    }
}
