package io.quarkiverse.pipelinedeployment.redis.runtime;

import java.util.List;

import io.quarkiverse.pipelinedeployment.runtime.engine.Run;
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

    void stop() {
        stopped = true;
        RedisConnection c = connection;
        if (c != null) {
            c.close();
        }
    }

    /** Asks the replica that executes the run to cancel it. */
    void request(String runId) {
        store.redis().batch(List.of(
                Request.cmd(Command.HSET).arg(store.keys().run(runId)).arg("cancel").arg(1),
                Request.cmd(Command.PUBLISH).arg(store.keys().cancels()).arg(runId)))
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
