package io.quarkiverse.pipelinedeployment.redis.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import io.vertx.core.Future;
import io.vertx.redis.client.Request;

/**
 * Writes the runs of this replica to Redis as one stream of batches: one batch in flight at a time, holding the
 * changes of every run that changed since the previous one was sent. Under load, thousands of runs share a round trip
 * and one connection, rather than each taking a pooled connection per change; a short run that changed several times
 * while a batch was in flight is written once. Batches go one after another, so the writes of a run arrive in order.
 * A batch that failed (Redis unavailable) makes its runs write their state again with the next one, a second later.
 */
final class GroupCommit {

    /**
     * The most commands sent in one {@code batch} call: below the Redis client's waiting queue per connection (2048
     * replies awaited by default), which a batch must fit in. A larger batch is sent in parts, one after another.
     */
    static final int MAX_COMMANDS = 1000;
    /** How long to wait after a failed batch before the next. */
    static final long RETRY_MILLIS = 1000;

    private final RedisRunStore store;
    private final ConcurrentLinkedQueue<RunWriter> dirty = new ConcurrentLinkedQueue<>();
    /** Commands of no run's state, sent with the next batch, after its runs' commands (deletes). */
    private final ConcurrentLinkedQueue<Request> extra = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean sending = new AtomicBoolean();

    GroupCommit(RedisRunStore store) {
        this.store = store;
    }

    /** The run changed (once until its changes are collected): it goes in the next batch. */
    void dirty(RunWriter writer) {
        dirty.add(writer);
        send();
    }

    /** Sends these commands with the next batch, after the changes of the runs in it. */
    void send(List<Request> commands) {
        extra.addAll(commands);
        send();
    }

    private void send() {
        while ((!dirty.isEmpty() || !extra.isEmpty()) && sending.compareAndSet(false, true)) {
            List<Request> batch = new ArrayList<>();
            List<RunWriter> writers = new ArrayList<>();
            List<RunWriter> more = new ArrayList<>();
            RunWriter writer;
            while (batch.size() < MAX_COMMANDS && (writer = dirty.poll()) != null) {
                if (writer.collect(batch)) {
                    more.add(writer);
                }
                writers.add(writer);
            }
            Request command;
            while ((command = extra.poll()) != null) {
                batch.add(command);
            }
            dirty.addAll(more);
            if (batch.isEmpty()) {
                written(writers);
                sending.set(false);
                continue;
            }
            parts(batch, 0).onComplete(result -> {
                if (result.failed()) {
                    store.failed(result.cause());
                    for (RunWriter failed : writers) {
                        if (failed.rewind()) {
                            failed.flush();
                        } else {
                            store.written(failed.run());
                        }
                    }
                    store.vertx().setTimer(RETRY_MILLIS, t -> {
                        sending.set(false);
                        send();
                    });
                    return;
                }
                written(writers);
                sending.set(false);
                send();
            });
            return;
        }
    }

    /** Sends the batch from {@code from}, {@value #MAX_COMMANDS} commands at a time, one part after another. */
    private Future<Void> parts(List<Request> batch, int from) {
        int to = Math.min(batch.size(), from + MAX_COMMANDS);
        Future<Void> part = store.redis().batch(from == 0 && to == batch.size() ? batch : batch.subList(from, to))
                .mapEmpty();
        return to == batch.size() ? part : part.compose(v -> parts(batch, to));
    }

    private void written(List<RunWriter> writers) {
        for (RunWriter writer : writers) {
            if (writer.complete()) {
                store.written(writer.run());
            }
        }
    }
}
