package io.quarkiverse.pipelinedeployment.redis.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import io.vertx.redis.client.Request;

/**
 * Writes the runs of this replica to Redis as one stream of batches: one batch in flight at a time, holding the
 * changes of every run that changed since the previous one was sent. Under load, thousands of runs share a round trip
 * and one connection, rather than each taking a pooled connection per change; a short run that changed several times
 * while a batch was in flight is written once. Batches go one after another on one connection, so the writes of a run
 * arrive in order.
 */
final class GroupCommit {

    /**
     * The most commands in one batch; the rest go in the next. Below the Redis client's waiting queue per connection
     * (2048 replies awaited by default), which a batch must fit in.
     */
    static final int MAX_COMMANDS = 1000;

    private final RedisRunStore store;
    private final ConcurrentLinkedQueue<RunWriter> dirty = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean sending = new AtomicBoolean();

    GroupCommit(RedisRunStore store) {
        this.store = store;
    }

    /** The run changed (once until its changes are collected): it goes in the next batch. */
    void dirty(RunWriter writer) {
        dirty.add(writer);
        send();
    }

    private void send() {
        while (!dirty.isEmpty() && sending.compareAndSet(false, true)) {
            List<Request> batch = new ArrayList<>();
            List<RunWriter> writers = new ArrayList<>();
            RunWriter writer;
            while (batch.size() < MAX_COMMANDS && (writer = dirty.poll()) != null) {
                writer.collect(batch);
                writers.add(writer);
            }
            if (batch.isEmpty()) {
                written(writers);
                sending.set(false);
                continue;
            }
            store.redis().batch(batch).onComplete(result -> {
                if (result.failed()) {
                    store.failed(result.cause());
                }
                written(writers);
                sending.set(false);
                send();
            });
            return;
        }
    }

    private void written(List<RunWriter> writers) {
        for (RunWriter writer : writers) {
            if (writer.complete()) {
                store.written(writer.run());
            }
        }
    }
}
