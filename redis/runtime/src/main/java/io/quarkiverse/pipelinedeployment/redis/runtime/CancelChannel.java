package io.quarkiverse.pipelinedeployment.redis.runtime;

import java.util.List;

import io.quarkiverse.pipelinedeployment.InvocationResponse.Outcome;
import io.quarkiverse.pipelinedeployment.runtime.engine.Run;
import io.quarkiverse.pipelinedeployment.runtime.engine.RunCodec;
import io.quarkiverse.pipelinedeployment.runtime.engine.RunStatus;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

/**
 * Cancels across replicas: a cancel requested on any replica is published on the {@code cancels} channel (and marked
 * on the run's hash); the replica that executes the run hears it at once and cancels it there. Pub/sub, rather than a
 * flag each replica polls: a cancel reaches the run within a round trip, and idle replicas send nothing. A replica
 * that was not subscribed when a cancel was published (its connection was down) does not hear it.
 */
final class CancelChannel {

    private static final long RETRY_MILLIS = 1000;

    private final RedisRunStore store;
    private final Vertx vertx;
    private volatile RedisConnection connection;
    private volatile boolean stopped;

    CancelChannel(RedisRunStore store, Vertx vertx) {
        this.store = store;
        this.vertx = vertx;
    }

    /** Subscribes, and subscribes again whenever the connection goes. */
    void start() {
        if (stopped) {
            return;
        }
        store.redis().connect().onComplete(opened -> {
            if (opened.failed()) {
                store.failed(opened.cause());
                vertx.setTimer(RETRY_MILLIS, t -> start());
                return;
            }
            RedisConnection c = opened.result();
            connection = c;
            c.handler(this::message);
            c.exceptionHandler(e -> c.close());
            c.endHandler(v -> {
                connection = null;
                vertx.setTimer(RETRY_MILLIS, t -> start());
            });
            c.send(Request.cmd(Command.SUBSCRIBE).arg(store.keys().cancels())).onFailure(e -> c.close());
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

    /**
     * Cancels a run of another replica: one still in the shared queue ends {@code cancelled} at once; else the replica
     * that executes it is asked to cancel it.
     */
    void request(String runId) {
        RedisKeys keys = store.keys();
        store.state(runId).compose(state -> {
            if (state == null || state.status() != RunStatus.QUEUED || store.runtime() == null) {
                return Future.succeededFuture(0);
            }
            state.finish(Outcome.CANCELLED, store.runtime().unanswered(state, Outcome.CANCELLED, null, 0));
            try {
                return store.redis().send(Request.cmd(Command.EVAL).arg(RedisScripts.CANCEL_QUEUED).arg(2)
                        .arg(keys.run(runId)).arg(keys.events(runId))
                        .arg(RunCodec.encode(state, store.writer(), false)).arg(store.maxEvents()))
                        .map(Response::toInteger);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                return Future.failedFuture(e);
            }
        }).compose(dequeued -> dequeued == 1 ? Future.succeededFuture()
                : store.redis().batch(List.of(
                        Request.cmd(Command.HSET).arg(keys.run(runId)).arg("cancel").arg(1),
                        Request.cmd(Command.PUBLISH).arg(keys.cancels()).arg(runId))))
                .onFailure(store::failed);
    }

    private void message(Response message) {
        if (message.size() == 3 && "message".equals(message.get(0).toString())) {
            Run run = store.local(message.get(2).toString());
            if (run != null) {
                run.cancel();
            }
        }
    }
}
