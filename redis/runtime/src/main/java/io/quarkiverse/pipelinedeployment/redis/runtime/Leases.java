package io.quarkiverse.pipelinedeployment.redis.runtime;

import java.util.ArrayList;
import java.util.List;

import io.quarkiverse.pipelinedeployment.InvocationResponse.Outcome;
import io.quarkiverse.pipelinedeployment.runtime.engine.PipelineRuntime;
import io.quarkiverse.pipelinedeployment.runtime.engine.Run;
import io.quarkiverse.pipelinedeployment.runtime.engine.RunCodec;
import io.quarkiverse.pipelinedeployment.runtime.engine.RunEvents;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

/**
 * The leases of the runs replicas execute ({@code leases}, a sorted set by expiry). Every third of
 * {@code runs.lease}, this replica renews the leases of the runs it executes (one command) and claims the queue's
 * entries another replica read and never took. Every second, it looks for leases that expired (their replica stopped:
 * a crash, {@code kill -9}) and ends their runs ({@link RedisScripts#LOSE}): {@code failed} with
 * {@code Run lost: deployment <id> stopped}, or queued again once with {@code runs.redelivery=retry}. Any replica may
 * end a lost run; the script lets one do it.
 */
final class Leases {

    static final long REAP_MILLIS = 1000;

    private final RedisRunStore store;
    private final Vertx vertx;
    private final PipelineRuntime runtime;
    private final long leaseMillis;
    private final boolean retry;
    private final SharedQueue queue;
    private long renewTimer = -1;
    private long reapTimer = -1;

    Leases(RedisRunStore store, Vertx vertx, PipelineRuntime runtime, long leaseMillis, boolean retry,
            SharedQueue queue) {
        this.store = store;
        this.vertx = vertx;
        this.runtime = runtime;
        this.leaseMillis = leaseMillis;
        this.retry = retry;
        this.queue = queue;
    }

    void start() {
        renewTimer = vertx.setPeriodic(leaseMillis / 3, t -> {
            renew();
            queue.claimAbandoned();
        });
        reapTimer = vertx.setPeriodic(REAP_MILLIS, t -> reap());
    }

    void stop() {
        vertx.cancelTimer(renewTimer);
        vertx.cancelTimer(reapTimer);
    }

    /**
     * Renews the leases of the runs this replica executes. A lease that expired is not renewed: its run is lost
     * (another replica may be ending it, or queuing it again), and this replica does not take it back.
     */
    void renew() {
        List<Run> running = store.executing();
        if (running.isEmpty()) {
            return;
        }
        long now = System.currentTimeMillis();
        Request renew = Request.cmd(Command.EVAL).arg(RedisScripts.RENEW).arg(1).arg(store.keys().leases()).arg(now)
                .arg(now + leaseMillis);
        for (Run run : running) {
            renew.arg(run.id());
        }
        store.redis().send(renew).onFailure(store::failed);
    }

    /** Ends the runs whose lease expired. */
    void reap() {
        long now = System.currentTimeMillis();
        store.redis().send(Request.cmd(Command.ZRANGE).arg(store.keys().leases()).arg("-inf").arg(now).arg("BYSCORE")
                .arg("LIMIT").arg(0).arg(20))
                .compose(expired -> {
                    List<Future<?>> ends = new ArrayList<>();
                    for (Response id : expired) {
                        ends.add(lose(id.toString(), now));
                    }
                    return Future.all(ends);
                })
                .onFailure(store::failed);
    }

    private Future<?> lose(String id, long now) {
        RedisKeys keys = store.keys();
        return store.redis().send(Request.cmd(Command.HMGET).arg(keys.run(id)).arg("rec").arg("own"))
                .compose(hash -> {
                    if (hash == null || hash.get(0) == null) {
                        return store.redis().send(Request.cmd(Command.ZREM).arg(keys.leases()).arg(id));
                    }
                    Run run = RunCodec.decode(hash.get(0).toBytes(), new RunEvents(1));
                    String owner = hash.get(1) == null ? "unknown" : hash.get(1).toString();
                    double seconds = run.started() == null ? 0
                            : Math.max(0, now - run.started().toEpochMilli()) / 1000.0;
                    run.finish(Outcome.FAILURE, runtime.lost(run, "Run lost: deployment " + owner + " stopped", seconds));
                    byte[] failed;
                    try {
                        failed = RunCodec.encode(run, store.writer(), false);
                    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                        return Future.failedFuture(e);
                    }
                    return store.redis().send(Request.cmd(Command.EVAL).arg(RedisScripts.LOSE).arg(4)
                            .arg(keys.leases()).arg(keys.events(id)).arg(keys.run(id)).arg(keys.queue())
                            .arg(id).arg(now).arg(failed).arg(store.maxEvents()).arg(retry ? "1" : "0"));
                });
    }
}
