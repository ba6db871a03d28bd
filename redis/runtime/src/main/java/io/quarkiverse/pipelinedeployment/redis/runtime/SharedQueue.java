package io.quarkiverse.pipelinedeployment.redis.runtime;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkiverse.pipelinedeployment.InvocationRejectedException;
import io.quarkiverse.pipelinedeployment.InvocationRequest;
import io.quarkiverse.pipelinedeployment.runtime.engine.InvocationPool;
import io.quarkiverse.pipelinedeployment.runtime.engine.Run;
import io.quarkiverse.pipelinedeployment.runtime.engine.RunCodec;
import io.quarkiverse.pipelinedeployment.runtime.engine.RunEvent;
import io.quarkiverse.pipelinedeployment.runtime.engine.RunEvents;
import io.quarkiverse.pipelinedeployment.runtime.runs.Runs;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

/**
 * This replica's side of the shared queue of asynchronous runs (the {@code queue} stream, consumer group
 * {@code workers}): it reads as many runs as it has free invocation threads (16 at most at once), and nothing while it
 * has none (nor before its deployment service is up), so that the busiest
 * replica takes nothing and work spreads by capacity. A run read is taken atomically ({@link RedisScripts#TAKE}: it
 * may have been cancelled meanwhile) and executed here as it was submitted, its timeout counted from its submission.
 * A replica that stopped between reading and taking a run leaves it pending in the group: another replica claims it
 * once it has been pending for a lease ({@code XAUTOCLAIM}).
 */
final class SharedQueue {

    private static final Logger LOG = Logger.getLogger(SharedQueue.class);
    static final String GROUP = "workers";
    private static final int BLOCK_MILLIS = 1000;
    /** The most runs read at once. */
    private static final int MAX_READ = 16;
    private static final long BUSY_MILLIS = 20;
    private static final long RETRY_MILLIS = 1000;

    private final RedisRunStore store;
    private final Vertx vertx;
    private final Runs runs;
    private final InvocationPool pool;
    private final int capacity;
    private final String consumer;
    private final long leaseMillis;
    /** Whether the deployment service is up (initialized): a replica takes runs only from then on. */
    private final BooleanSupplier ready;
    private boolean up;
    /** Runs taken and not yet handed to the engine, or executing when the pool does not count them. */
    private final AtomicInteger taken = new AtomicInteger();
    private RedisConnection connection;
    private volatile boolean stopped;

    SharedQueue(RedisRunStore store, Vertx vertx, Runs runs, InvocationPool pool, int capacity, String consumer,
            long leaseMillis, BooleanSupplier ready) {
        this.ready = ready;
        this.store = store;
        this.vertx = vertx;
        this.runs = runs;
        this.pool = pool;
        this.capacity = capacity;
        this.consumer = consumer;
        this.leaseMillis = leaseMillis;
    }

    void start() {
        store.redis().send(Request.cmd(Command.XGROUP).arg("CREATE").arg(store.keys().queue()).arg(GROUP).arg("0")
                .arg("MKSTREAM")).onComplete(created -> {
                    if (created.failed() && !String.valueOf(created.cause().getMessage()).contains("BUSYGROUP")) {
                        store.failed(created.cause());
                        if (!stopped) {
                            vertx.setTimer(RETRY_MILLIS, t -> start());
                        }
                        return;
                    }
                    read();
                });
    }

    /** Stops for good; idempotent (a pooled connection must be given back once). */
    synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        RedisConnection c = connection;
        connection = null;
        if (c != null) {
            try {
                c.close();
            } catch (RuntimeException e) {
                store.failed(e);
            }
        }
    }

    /** The runs this replica can take now: its free invocation threads (or places, without a pool). */
    private int free() {
        int busy = pool.bounded() ? pool.busyThreads() + pool.queued() : 0;
        int max = pool.bounded() ? pool.maxThreads() : capacity;
        return max - busy - taken.get();
    }

    /** A run taken from the queue reached the engine (with a pool, the pool counts it from now on). */
    void handedOver() {
        if (pool.bounded()) {
            taken.decrementAndGet();
        }
    }

    /** A run taken from the queue ended (without a pool, it no longer holds a place). */
    void ended() {
        if (!pool.bounded()) {
            taken.decrementAndGet();
        }
    }

    private void read() {
        if (stopped) {
            return;
        }
        if (!up) {
            up = ready.getAsBoolean(); // asked until the deployment service first says it is up
        }
        if (!up || free() <= 0) {
            vertx.setTimer(BUSY_MILLIS, t -> read());
            return;
        }
        // As many runs as there are free threads (a few at a time): each is taken and handed over at once
        Request xread = Request.cmd(Command.XREADGROUP).arg("GROUP").arg(GROUP).arg(consumer).arg("COUNT")
                .arg(Math.min(free(), MAX_READ))
                .arg("BLOCK").arg(BLOCK_MILLIS).arg("STREAMS").arg(store.keys().queue()).arg(">");
        connection().compose(c -> c.send(xread)).compose(this::takeAll).onComplete(result -> {
            if (result.failed()) {
                if (stopped) {
                    return; // its connection was closed on purpose
                }
                store.failed(result.cause());
                if (String.valueOf(result.cause().getMessage()).contains("NOGROUP")) {
                    // Redis lost the queue (restarted without persistence, or flushed): create it again
                    vertx.setTimer(RETRY_MILLIS, t -> start());
                    return;
                }
                RedisConnection c = connection;
                connection = null;
                if (c != null) {
                    c.close();
                }
                if (!stopped) {
                    vertx.setTimer(RETRY_MILLIS, t -> read());
                }
            } else {
                read();
            }
        });
    }

    /** Takes the entries of an {@code XREADGROUP} or {@code XAUTOCLAIM} reply. */
    private Future<Void> takeAll(Response reply) {
        if (reply == null) {
            return Future.succeededFuture();
        }
        Response entries = reply.isMap() ? reply.get(store.keys().queue())
                : reply.get(0).type() == io.vertx.redis.client.ResponseType.MULTI ? reply.get(0).get(1) : reply.get(1);
        List<Future<Void>> takes = new ArrayList<>(entries.size());
        for (Response entry : entries) {
            if (entry != null && entry.size() == 2 && entry.get(1) != null) {
                takes.add(take(entry.get(0).toString(), field(entry.get(1), "id")));
            }
        }
        return Future.join(takes).mapEmpty();
    }

    /** Claims the entries pending for longer than a lease: their replica stopped before taking them. */
    void claimAbandoned() {
        store.redis().send(Request.cmd(Command.XAUTOCLAIM).arg(store.keys().queue()).arg(GROUP).arg(consumer)
                .arg(leaseMillis).arg("0-0").arg("COUNT").arg(10))
                .compose(reply -> {
                    Future<Void> all = Future.succeededFuture();
                    for (Response entry : reply.get(1)) {
                        if (entry != null && entry.size() == 2 && entry.get(1) != null) {
                            all = all.compose(v -> take(entry.get(0).toString(), field(entry.get(1), "id")));
                        }
                    }
                    return all;
                })
                .onFailure(store::failed);
    }

    private static String field(Response fields, String name) {
        for (int i = 0; i + 1 < fields.size(); i += 2) {
            if (name.equals(fields.get(i).toString())) {
                return fields.get(i + 1).toString();
            }
        }
        return null;
    }

    private Future<Void> take(String entryId, String runId) {
        if (runId == null) {
            return store.redis().send(Request.cmd(Command.XDEL).arg(store.keys().queue()).arg(entryId)).mapEmpty();
        }
        RedisKeys keys = store.keys();
        taken.incrementAndGet();
        return store.redis().send(Request.cmd(Command.EVAL).arg(RedisScripts.TAKE).arg(4).arg(keys.run(runId))
                .arg(keys.events(runId)).arg(keys.queue()).arg(keys.leases()).arg(entryId).arg(consumer)
                .arg(System.currentTimeMillis() + leaseMillis).arg(runId))
                .map(reply -> {
                    if (reply == null || reply.size() < 5 || reply.get(0) == null || reply.get(1) == null) {
                        taken.decrementAndGet(); // it left the queue meanwhile
                        return null;
                    }
                    execute(reply);
                    return null;
                })
                .onFailure(e -> taken.decrementAndGet())
                .mapEmpty();
    }

    /** Executes a taken run here, on a context of its own, as it was submitted. */
    private void execute(Response taken) {
        Run queued = RunCodec.decode(taken.get(0).toBytes(), new RunEvents(1));
        RunEvents events = new RunEvents(store.maxEvents());
        events.appendFollowed(Long.parseLong(taken.get(3).toString()), RunEvent.QUEUED, null, 0, false);
        Run run = new Run(queued.id(), queued.name(), queued.sequence(), queued.source(), queued.created(), events,
                true);
        String timeout = taken.get(2).toString();
        InvocationRequest request;
        try {
            JsonNode parameters = store.mapper().readTree(taken.get(1).toBytes());
            long queuedNanos = Math.max(0, System.currentTimeMillis() - queued.created().toEpochMilli()) * 1_000_000L;
            request = new InvocationRequest((ObjectNode) parameters, queued.name(),
                    timeout.isEmpty() ? null : Duration.ofMillis(Long.parseLong(timeout)),
                    System.nanoTime() - queuedNanos);
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "Failed to read the queued run %s", queued.id());
            this.taken.decrementAndGet();
            return;
        }
        run.sized(taken.get(1).toBytes().length);
        store.adopt(run, this);
        if (!taken.get(4).toString().isEmpty()) {
            run.cancel(); // cancelled while it was being taken: it ends as soon as the engine has it
        }
        VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext()).runOnContext(v -> {
            Runs.Result result = runs.execute(request, run);
            if (result.kind() == Runs.Kind.FAILED) {
                store.unadopt(run);
                if (result.failure() instanceof InvocationRejectedException) {
                    store.requeue(run); // turned away here (shutting down, no place): another replica takes it
                } else {
                    store.failTaken(run, result.failure());
                }
            }
        });
    }

    private Future<RedisConnection> connection() {
        RedisConnection c = connection;
        if (c != null) {
            return Future.succeededFuture(c);
        }
        return store.redis().connect().map(opened -> {
            connection = opened;
            opened.exceptionHandler(e -> connection = null);
            opened.endHandler(v -> connection = null);
            return opened;
        });
    }
}
