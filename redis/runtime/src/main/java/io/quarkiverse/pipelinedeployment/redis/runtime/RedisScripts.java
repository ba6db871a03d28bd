package io.quarkiverse.pipelinedeployment.redis.runtime;

/**
 * The Lua scripts that change several keys of a run at once, atomically (every key of a pipeline is in one cluster
 * slot). An event id is read from the last entry of the run's stream ({@code 0-<n>}).
 */
final class RedisScripts {

    private RedisScripts() {
    }

    private static final String LAST_EVENT = "local last = redis.call('XREVRANGE', KEYS[2], '+', '-', 'COUNT', 1)"
            + " local n = 0 if last[1] then n = tonumber(string.sub(last[1][1], 3)) end ";

    /**
     * Queues an asynchronous run unless the queue holds {@code max-queued-invocations} runs: its state, request and
     * {@code run_queued} event, then its entry in the queue. KEYS: run, events, runs, queue. ARGV: rec, req, tmo,
     * expires at, score, id, max events, max queued. Returns 1, or 0 when the queue is full.
     */
    static final String ENQUEUE = "if redis.call('XLEN', KEYS[4]) >= tonumber(ARGV[8]) then return 0 end"
            + " redis.call('HSET', KEYS[1], 'rec', ARGV[1], 'q', ARGV[1], 'req', ARGV[2], 'tmo', ARGV[3],"
            + " 'st', 'queued')"
            + " redis.call('PEXPIREAT', KEYS[1], ARGV[4])"
            + " redis.call('ZADD', KEYS[3], ARGV[5], ARGV[6])"
            + " redis.call('XADD', KEYS[2], 'MAXLEN', ARGV[7], '0-1', 'k', 'run_queued')"
            + " redis.call('PEXPIREAT', KEYS[2], ARGV[4])"
            + " redis.call('XADD', KEYS[4], '*', 'id', ARGV[6])"
            + " return 1";

    /**
     * Takes a run from the queue for this replica, unless it left the queue meanwhile (cancelled): its entry goes,
     * its lease begins. KEYS: run, events, queue, leases. ARGV: entry id, owner, lease expiry, run id. Returns
     * {@code [rec, req, tmo, last event id, cancel]}, or nil.
     */
    static final String TAKE = "redis.call('XACK', KEYS[3], 'workers', ARGV[1])"
            + " redis.call('XDEL', KEYS[3], ARGV[1])"
            + " if redis.call('HGET', KEYS[1], 'st') ~= 'queued' then return false end "
            + LAST_EVENT
            + " redis.call('HSET', KEYS[1], 'st', 'taken', 'own', ARGV[2])"
            + " redis.call('ZADD', KEYS[4], ARGV[3], ARGV[4])"
            + " return {redis.call('HGET', KEYS[1], 'rec'), redis.call('HGET', KEYS[1], 'req'),"
            + " redis.call('HGET', KEYS[1], 'tmo') or '', tostring(n), redis.call('HGET', KEYS[1], 'cancel') or ''}";

    /**
     * Cancels a run still in the queue: it ends {@code cancelled} at once (its entry goes when a replica reads it).
     * KEYS: run, events. ARGV: rec (cancelled), max events. Returns 1, or 0 when it left the queue.
     */
    static final String CANCEL_QUEUED = "if redis.call('HGET', KEYS[1], 'st') ~= 'queued' then return 0 end "
            + LAST_EVENT
            + " redis.call('HSET', KEYS[1], 'rec', ARGV[1], 'st', 'cancelled', 'cancel', '1')"
            + " redis.call('XADD', KEYS[2], 'MAXLEN', ARGV[2], '0-' .. (n + 1), 'k', 'run_cancelled')"
            + " return 1";

    /**
     * Ends a run whose lease expired (its replica stopped), unless it was renewed meanwhile: queued again once with
     * {@code runs.redelivery=retry} (an asynchronous run), else {@code failed}. KEYS: leases, events, run, queue.
     * ARGV: run id, now, rec (failed), max events, retry (1 or 0). Returns 2 (queued again), 1 (failed) or 0.
     */
    static final String LOSE = "local score = redis.call('ZSCORE', KEYS[1], ARGV[1])"
            + " if not score or tonumber(score) > tonumber(ARGV[2]) then return 0 end"
            + " redis.call('ZREM', KEYS[1], ARGV[1])"
            + " if redis.call('EXISTS', KEYS[3]) == 0 then return 0 end"
            + " local st = redis.call('HGET', KEYS[3], 'st')"
            + " if st == 'completed' or st == 'failed' or st == 'timed_out' or st == 'cancelled' then return 0 end "
            + LAST_EVENT
            + " if ARGV[5] == '1' and redis.call('HGET', KEYS[3], 'retried') ~= '1'"
            + " and redis.call('HEXISTS', KEYS[3], 'req') == 1 then"
            + " redis.call('HSET', KEYS[3], 'rec', redis.call('HGET', KEYS[3], 'q'), 'st', 'queued', 'retried', '1')"
            + " redis.call('XADD', KEYS[2], 'MAXLEN', ARGV[4], '0-' .. (n + 1), 'k', 'run_queued')"
            + " redis.call('XADD', KEYS[4], '*', 'id', ARGV[1])"
            + " return 2 end"
            + " redis.call('HSET', KEYS[3], 'rec', ARGV[3], 'st', 'failed')"
            + " redis.call('XADD', KEYS[2], 'MAXLEN', ARGV[4], '0-' .. (n + 1), 'k', 'run_failed')"
            + " return 1";

    /**
     * Renews leases that have not expired. KEYS: leases. ARGV: now, new expiry, then the run ids.
     */
    static final String RENEW = "for i = 3, #ARGV do local s = redis.call('ZSCORE', KEYS[1], ARGV[i])"
            + " if s and tonumber(s) >= tonumber(ARGV[1]) then redis.call('ZADD', KEYS[1], ARGV[2], ARGV[i]) end end"
            + " return 1";

    /**
     * Ends {@code failed} a run taken from the queue that could not start here (its parameters no longer bind, its
     * service failed at once). KEYS: leases, events, run. ARGV: run id, rec (failed), max events.
     */
    static final String FAIL_TAKEN = "redis.call('ZREM', KEYS[1], ARGV[1]) "
            + LAST_EVENT
            + " redis.call('HSET', KEYS[3], 'rec', ARGV[2], 'st', 'failed')"
            + " redis.call('XADD', KEYS[2], 'MAXLEN', ARGV[3], '0-' .. (n + 1), 'k', 'run_failed')"
            + " return 1";

    /**
     * Gives a taken run back to the queue (this replica turned it away: it is shutting down). KEYS: run, queue,
     * leases. ARGV: run id.
     */
    static final String REQUEUE = "redis.call('HSET', KEYS[1], 'st', 'queued')"
            + " redis.call('ZREM', KEYS[3], ARGV[1])"
            + " redis.call('XADD', KEYS[2], '*', 'id', ARGV[1])"
            + " return 1";
}
