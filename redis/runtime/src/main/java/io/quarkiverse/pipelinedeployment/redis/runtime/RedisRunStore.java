package io.quarkiverse.pipelinedeployment.redis.runtime;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

import io.quarkiverse.pipelinedeployment.InvocationRejectedException;
import io.quarkiverse.pipelinedeployment.InvocationRequest;
import io.quarkiverse.pipelinedeployment.InvocationResponse;
import io.quarkiverse.pipelinedeployment.InvocationResponse.Outcome;
import io.quarkiverse.pipelinedeployment.runtime.engine.PipelineRuntime;
import io.quarkiverse.pipelinedeployment.runtime.engine.Run;
import io.quarkiverse.pipelinedeployment.runtime.engine.RunCodec;
import io.quarkiverse.pipelinedeployment.runtime.engine.RunEvents;
import io.quarkiverse.pipelinedeployment.runtime.runs.RunStore;
import io.quarkiverse.pipelinedeployment.runtime.runs.Runs;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

/**
 * The Redis store ({@code quarkus.pipeline.runs.store=redis}): the runs of every replica, their events and their
 * idempotency keys, in Redis ({@link RedisKeys}). A replica writes the runs it executes as they go ({@link RunWriter});
 * any replica reads them back, follows the events of those another replica executes ({@link EventFollower}), and
 * passes a cancel on to the replica that executes the run ({@link CancelChannel}). While Redis cannot be reached,
 * lookups, lists and keyed submissions fail with 503 {@code Run store unavailable}, and synchronous invocations go on
 * unrecorded, counted by {@link #errors()}.
 */
public final class RedisRunStore implements RunStore {

    private static final Logger LOG = Logger.getLogger(RedisRunStore.class);
    static final String UNAVAILABLE = "Run store unavailable";
    /** Deletes an idempotency key if it holds the run ({@code <fingerprint> <run id>}): freed only for its run. */
    private static final String RELEASE = "local v = redis.call('get', KEYS[1])"
            + " if v and string.sub(v, -#ARGV[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0";

    private final Redis redis;
    private final RedisKeys keys;
    private final ObjectMapper mapper;
    private final ObjectWriter writer;
    private final long retentionMillis;
    private final int maxEvents;
    private final int maxRecords;
    /** The runs of this replica, until all of them is written: looked up here, as they are. */
    private final ConcurrentHashMap<String, RunWriter> writers = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Run> local = new ConcurrentHashMap<>();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong queuedCount = new AtomicLong();
    private final EventFollower follower;
    private final CancelChannel cancels;
    private final GroupCommit commits = new GroupCommit(this);
    private final io.vertx.core.Vertx vertx;
    private final long leaseMillis;
    /** Runs taken from the shared queue, until the engine has them. */
    private final ConcurrentHashMap<String, SharedQueue> adopted = new ConcurrentHashMap<>();
    /** Runs taken from the shared queue that the engine executes here. */
    private final java.util.Set<String> fromQueue = ConcurrentHashMap.newKeySet();
    private volatile String deploymentId = "unknown";
    private volatile PipelineRuntime runtime;
    private volatile int maxQueued = 1;
    private volatile SharedQueue queue;
    private volatile Leases leases;

    public RedisRunStore(Redis redis, io.vertx.core.Vertx vertx, String pipeline, ObjectMapper mapper,
            long retentionMillis, int maxEvents, int maxRecords, long leaseMillis) {
        this.vertx = vertx;
        this.leaseMillis = leaseMillis;
        this.redis = redis;
        this.keys = RedisKeys.of(pipeline);
        this.mapper = mapper;
        this.writer = mapper.writer();
        this.retentionMillis = retentionMillis;
        this.maxEvents = maxEvents;
        this.maxRecords = maxRecords;
        this.follower = new EventFollower(this, vertx);
        this.cancels = new CancelChannel(this, vertx);
        cancels.start();
    }

    /**
     * Joins the shared queue and the leases, once the engine exists: this replica takes asynchronous runs while it
     * has free invocation threads, renews the leases of the runs it executes, and ends the runs of replicas that
     * stopped.
     *
     * @param capacity the runs executed at once without a pool ({@code thread-pool-size})
     * @param maxQueued {@code max-queued-invocations}, the shared queue's bound (at least 1)
     * @param ready whether the deployment service is up: runs are taken only then
     */
    public void join(Runs runs, PipelineRuntime runtime, int capacity, int maxQueued, boolean retry,
            BooleanSupplier ready) {
        this.runtime = runtime;
        this.deploymentId = runtime.deployment().id();
        this.maxQueued = Math.max(1, maxQueued);
        SharedQueue shared = new SharedQueue(this, vertx, runs, runtime.pool(), capacity, deploymentId, leaseMillis,
                ready);
        Leases held = new Leases(this, vertx, runtime, leaseMillis, retry, shared);
        this.queue = shared;
        this.leases = held;
        shared.start();
        held.start();
    }

    Redis redis() {
        return redis;
    }

    ObjectMapper mapper() {
        return mapper;
    }

    io.vertx.core.Vertx vertx() {
        return vertx;
    }

    long leaseMillis() {
        return leaseMillis;
    }

    String deploymentId() {
        return deploymentId;
    }

    PipelineRuntime runtime() {
        return runtime;
    }

    /** The runs this replica executes (not ended), whose leases it renews. */
    List<Run> executing() {
        List<Run> running = new ArrayList<>();
        for (Run run : local.values()) {
            if (!run.status().terminal()) {
                running.add(run);
            }
        }
        return running;
    }

    /** A run taken from the shared queue is about to be handed to the engine here. */
    void adopt(Run run, SharedQueue from) {
        adopted.put(run.id(), from);
        local.put(run.id(), run); // looked up, cancelled and leased here from now on
    }

    /** A run taken from the shared queue was turned away here (shutting down): back to the queue. */
    void requeue(Run run) {
        fromQueue.remove(run.id());
        commits.send(List.of(Request.cmd(Command.EVAL).arg(RedisScripts.REQUEUE).arg(3).arg(keys.run(run.id()))
                .arg(keys.queue()).arg(keys.leases()).arg(run.id())));
    }

    /** A run taken from the shared queue could not start here (not turned away: failed): it ends {@code failed}. */
    void failTaken(Run run, Throwable failure) {
        fromQueue.remove(run.id());
        run.finish(InvocationResponse.Outcome.FAILURE, runtime.unanswered(run, InvocationResponse.Outcome.FAILURE,
                failure, 0));
        byte[] failed;
        try {
            failed = RunCodec.encode(run, writer, false);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            failed(e);
            return;
        }
        commits.send(List.of(Request.cmd(Command.EVAL).arg(RedisScripts.FAIL_TAKEN).arg(3).arg(keys.leases())
                .arg(keys.events(run.id())).arg(keys.run(run.id())).arg(run.id()).arg(failed).arg(maxEvents)));
    }

    /** A run taken from the shared queue that never reached the engine here: it holds no place any more. */
    void unadopt(Run run) {
        local.remove(run.id(), run);
        SharedQueue from = adopted.remove(run.id());
        if (from != null) {
            from.handedOver();
            from.ended();
        }
    }

    RedisKeys keys() {
        return keys;
    }

    GroupCommit commits() {
        return commits;
    }

    ObjectWriter writer() {
        return writer;
    }

    long retentionMillis() {
        return retentionMillis;
    }

    int maxEvents() {
        return maxEvents;
    }

    /** A run's place in the {@code runs} sorted set: its creation time in microseconds. */
    static long score(Run run) {
        Instant created = run.created();
        return created.getEpochSecond() * 1_000_000L + created.getNano() / 1000;
    }

    /** Writing to, or reading from, Redis failed. */
    void failed(Throwable failure) {
        if (errors.getAndIncrement() % 1000 == 0) {
            LOG.warnf("The Redis run store failed (%d failures so far): %s", errors.get(), failure.toString());
        }
    }

    /** Every run of this replica is written up to its end: it is read from Redis from now on. */
    void written(Run run) {
        writers.remove(run.id());
        local.remove(run.id(), run);
    }

    /** A run of this replica, while it is not all written. */
    Run local(String id) {
        return local.get(id);
    }

    @Override
    public long errors() {
        return errors.get();
    }

    // Listener: the runs this replica executes

    @Override
    public void queued(Run run) {
        if (!run.recorded()) {
            return;
        }
        local.put(run.id(), run);
        SharedQueue from = adopted.remove(run.id());
        if (from != null) {
            fromQueue.add(run.id());
            from.handedOver();
        }
        RunWriter runWriter = new RunWriter(this, run, from != null ? run.events().lastId() : 0);
        writers.put(run.id(), runWriter);
        runWriter.flush();
        if (queuedCount.incrementAndGet() % 256 == 0) {
            RecordsTrim.trim(this, maxRecords);
        }
    }

    @Override
    public void rejected(Run run) {
        RunWriter runWriter = writers.remove(run.id());
        local.remove(run.id(), run);
        if (fromQueue.remove(run.id())) {
            if (runWriter != null) {
                runWriter.abandon(); // given back to the queue: another replica writes it
            }
            SharedQueue shared = queue;
            if (shared != null) {
                shared.ended();
            }
            return;
        }
        if (runWriter != null) {
            runWriter.discard();
        }
    }

    @Override
    public void running(Run run) {
        flush(run);
    }

    @Override
    public void stepStarted(Run run, String step, Instant start) {
        flush(run);
    }

    @Override
    public void stepFinished(Run run, String step, long nanos, String error) {
        flush(run);
    }

    @Override
    public void published(Run run, String kind, Object data) {
        flush(run);
    }

    @Override
    public void finished(Run run, Outcome outcome, long nanos, InvocationResponse response) {
        flush(run);
        SharedQueue shared = queue;
        if (shared != null && fromQueue.remove(run.id())) {
            shared.ended();
        }
    }

    private void flush(Run run) {
        if (run.recorded()) {
            RunWriter runWriter = writers.get(run.id());
            if (runWriter != null) {
                runWriter.flush();
            }
        }
    }

    // Lookups: any replica's runs

    @Override
    public Uni<Run> find(String id) {
        Run run = local.get(id);
        if (run == null) {
            run = follower.followed(id); // read before, and kept up to date since
        }
        if (run != null) {
            return Uni.createFrom().item(run);
        }
        return uni(read(id, true));
    }

    /**
     * The run read from Redis, or {@code null}: its events first, then its state (which is then at least as new), so
     * that a run whose terminal event was read has ended.
     *
     * @param follow whether a run that has not ended follows the events the replica that executes it adds
     */
    Future<Run> read(String id, boolean follow) {
        return redis.batch(List.of(
                Request.cmd(Command.XRANGE).arg(keys.events(id)).arg("-").arg("+"),
                Request.cmd(Command.HMGET).arg(keys.run(id)).arg("rec").arg("par")))
                .map(replies -> {
                    Response hash = replies.get(1);
                    if (hash == null || hash.get(0) == null) {
                        return null;
                    }
                    RunEvents events = new RunEvents(maxEvents);
                    for (Response entry : replies.get(0)) {
                        StreamEvents.append(events, entry);
                    }
                    Run run = RunCodec.decode(hash.get(0).toBytes(), events);
                    run.follow(run);
                    if (hash.get(1) != null) {
                        run.restoreParameters(parameters(hash.get(1).toBytes()));
                    }
                    if (!run.status().terminal()) {
                        run.onCancel(() -> cancelElsewhere(id));
                        if (follow) {
                            return follower.follow(run);
                        }
                    }
                    return run;
                });
    }

    private com.fasterxml.jackson.databind.JsonNode parameters(byte[] json) {
        try {
            return mapper.readTree(json);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /** The state of a run, read again: for a run followed here when it starts, and when it ends. */
    Future<Run> state(String id) {
        return redis.send(Request.cmd(Command.HMGET).arg(keys.run(id)).arg("rec").arg("par")).map(hash -> {
            if (hash == null || hash.get(0) == null) {
                return null;
            }
            Run run = RunCodec.decode(hash.get(0).toBytes(), new RunEvents(1));
            if (hash.get(1) != null) {
                run.restoreParameters(parameters(hash.get(1).toBytes()));
            }
            return run;
        });
    }

    @Override
    public Uni<Page> list(Query query) {
        return uni(RedisRunList.page(this, query));
    }

    @Override
    public Uni<Claim> claim(String key, String fingerprint, Run run) {
        return uni(claimed(key, fingerprint + " " + run.id(), 0));
    }

    /** How long a key's run may take to be written by the replica that claimed the key, before the key is free. */
    static final long CLAIMED_WRITE_MILLIS = 2000;
    /** Takes a key over from the run it held, unless it changed meanwhile (another request took it over first). */
    private static final String TAKE_OVER = "if redis.call('get', KEYS[1]) == ARGV[1] then"
            + " redis.call('set', KEYS[1], ARGV[2], 'PX', ARGV[3]) return 1 end return 0";

    private Future<Claim> claimed(String key, String value, int attempt) {
        return redis.send(Request.cmd(Command.SET).arg(keys.key(key)).arg(value).arg("NX").arg("GET").arg("PX")
                .arg(retentionMillis))
                .compose(held -> {
                    if (held == null) {
                        return Future.succeededFuture();
                    }
                    String[] parts = held.toString().split(" ", 2);
                    return find(parts[1], parts[0], System.currentTimeMillis() + CLAIMED_WRITE_MILLIS)
                            .compose(claim -> claim != null || attempt > 2 ? Future.succeededFuture(claim)
                                    // The key outlived its run (max-records dropped it): it is free again, once
                                    : redis.send(Request.cmd(Command.EVAL).arg(TAKE_OVER).arg(1).arg(keys.key(key))
                                            .arg(held.toString()).arg(value).arg(retentionMillis))
                                            .compose(took -> took.toInteger() == 1 ? Future.succeededFuture()
                                                    : claimed(key, value, attempt + 1)));
                });
    }

    /** The claim of the run a key holds, once that run is written (2 s at most), or {@code null} when it is gone. */
    private Future<Claim> find(String heldId, String heldFingerprint, long deadline) {
        Run held = local.get(heldId);
        Future<Run> run = held != null ? Future.succeededFuture(held) : read(heldId, false);
        return run.compose(found -> {
            if (found != null) {
                return Future.succeededFuture(new Claim(heldFingerprint, found));
            }
            if (System.currentTimeMillis() < deadline) {
                // Claimed a moment ago by another request (maybe on another replica), its run not written yet
                return Future.<Void> future(p -> vertx.setTimer(20, t -> p.complete()))
                        .compose(v -> find(heldId, heldFingerprint, deadline));
            }
            return Future.succeededFuture();
        });
    }

    @Override
    public void release(String key, Run run) {
        redis.send(Request.cmd(Command.EVAL).arg(RELEASE).arg(1).arg(keys.key(key)).arg(" " + run.id()))
                .onFailure(this::failed);
    }

    @Override
    public boolean sharesQueue() {
        return true;
    }

    @Override
    public Uni<Run> enqueue(Run run, InvocationRequest request) {
        byte[] record;
        try {
            record = RunCodec.encode(run, writer, false);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        long expiresAt = run.created().toEpochMilli() + retentionMillis;
        String id = run.id();
        Future<Run> queued = redis.send(Request.cmd(Command.EVAL).arg(RedisScripts.ENQUEUE).arg(4)
                .arg(keys.run(id)).arg(keys.events(id)).arg(keys.runs()).arg(keys.queue())
                .arg(record).arg(request.parameters().toString())
                .arg(request.timeout() == null ? "" : Long.toString(request.timeout().toMillis()))
                .arg(expiresAt).arg(score(run)).arg(id).arg(maxEvents).arg(maxQueued))
                .compose(added -> added.toInteger() == 0
                        ? Future.failedFuture(new QueueFull())
                        // Queued: a failed read must not answer 503 (a retry would run it twice)
                        : read(id, true).otherwise(run));
        return Uni.createFrom().emitter(emitter -> queued.onComplete(result -> {
            if (result.succeeded() && result.result() != null) {
                emitter.complete(result.result());
            } else if (result.cause() instanceof QueueFull) {
                emitter.fail(new InvocationRejectedException("Too many pipeline runs queued: the shared queue"
                        + " (quarkus.pipeline.max-queued-invocations) is full", 1));
            } else {
                if (result.cause() != null) {
                    failed(result.cause());
                }
                emitter.fail(new InvocationRejectedException(UNAVAILABLE, 1));
            }
        }));
    }

    /** The shared queue is full. */
    private static final class QueueFull extends RuntimeException {
        QueueFull() {
            super(null, null, false, false);
        }
    }

    /** Whether Redis answers {@code PING} within {@code timeout}: {@code null}, else what went wrong. */
    Uni<String> ping(java.time.Duration timeout) {
        return Uni.createFrom().<String> emitter(emitter -> redis.send(Request.cmd(Command.PING)).onComplete(
                result -> emitter.complete(result.succeeded() ? null : String.valueOf(result.cause().getMessage()))))
                .ifNoItem().after(timeout).recoverWithItem("No answer from Redis within " + timeout.toMillis() + " ms");
    }

    /** How long the application's stop waits for the runs executing here to end and be written. */
    static final long DRAIN_MILLIS = 30_000;

    /** The application stopped: no more leases to renew, no more connections of its own. */
    public void close() {
        shutdown();
        // The runs draining here finish and are written, under lease, before the leases and the Redis client go
        long deadline = System.currentTimeMillis() + DRAIN_MILLIS;
        while ((!writers.isEmpty() || !executing().isEmpty()) && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        Leases held = leases;
        if (held != null) {
            held.stop();
        }
    }

    /** Cancels a run another replica executes, or that waits in the shared queue. */
    void cancelElsewhere(String id) {
        cancels.request(id);
    }

    @Override
    public void shutdown() {
        // Queued runs stay in the shared queue for the other replicas; the runs executing here drain, under lease
        SharedQueue shared = queue;
        if (shared != null) {
            shared.stop();
        }
        follower.stop();
        cancels.stop();
    }

    /** A Redis reply as a {@code Uni}; a failure is {@code 503 Run store unavailable}. */
    private <T> Uni<T> uni(Future<T> future) {
        return Uni.createFrom().emitter(emitter -> future.onComplete(result -> {
            if (result.succeeded()) {
                emitter.complete(result.result());
            } else if (result.cause() instanceof IllegalArgumentException invalid) {
                emitter.fail(invalid); // a cursor this store did not give: 422
            } else {
                failed(result.cause());
                emitter.fail(new InvocationRejectedException(UNAVAILABLE, 1));
            }
        }));
    }
}
