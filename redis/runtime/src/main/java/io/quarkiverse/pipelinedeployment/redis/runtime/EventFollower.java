package io.quarkiverse.pipelinedeployment.redis.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import io.quarkiverse.pipelinedeployment.runtime.engine.Run;
import io.quarkiverse.pipelinedeployment.runtime.engine.RunEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

/**
 * Follows, live, the events of the runs other replicas execute that clients of this replica follow: one loop of
 * {@code XREAD BLOCK} over all their streams at once, on one connection of its own, so that a thousand followers
 * cost one blocked connection and no thread. Each event read is added to the run's events, which signal its
 * followers (the event streams, the result's long polls); before a terminal event, the run takes its final state.
 * A run is followed while anyone follows its events (and at least {@value #GRACE_MILLIS} ms after it was read), until
 * it ends.
 */
final class EventFollower {

    static final int BLOCK_MILLIS = 500;
    static final long GRACE_MILLIS = 10_000;
    private static final long RETRY_MILLIS = 1000;

    private record Followed(Run run, long since) {
    }

    private final RedisRunStore store;
    private final Vertx vertx;
    private final Map<String, Followed> followed = new ConcurrentHashMap<>();
    private final AtomicBoolean reading = new AtomicBoolean();
    private RedisConnection connection;
    private volatile boolean stopped;

    EventFollower(RedisRunStore store, Vertx vertx) {
        this.store = store;
        this.vertx = vertx;
    }

    /**
     * Follows the run, unless this replica follows it already: the run followed, which lookups then share.
     */
    Run follow(Run run) {
        Followed mine = new Followed(run, System.currentTimeMillis());
        Followed kept = followed.merge(run.id(), mine, (old, fresh) -> old.run.events().ended() ? fresh : old);
        if (!stopped && reading.compareAndSet(false, true)) {
            read();
        }
        return kept.run;
    }

    /** The run with this id this replica follows, or {@code null}. */
    Run followed(String id) {
        Followed f = followed.get(id);
        return f == null || f.run.events().ended() ? null : f.run;
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

    private void read() {
        long now = System.currentTimeMillis();
        followed.values().removeIf(f -> f.run.events().ended()
                || !f.run.events().followed() && now - f.since > GRACE_MILLIS);
        if (stopped || followed.isEmpty()) {
            reading.set(false);
            if (!stopped && !followed.isEmpty() && reading.compareAndSet(false, true)) {
                read(); // one was added meanwhile
            }
            return;
        }
        List<Run> runs = new ArrayList<>(followed.size());
        followed.values().forEach(f -> runs.add(f.run));
        Request xread = Request.cmd(Command.XREAD).arg("COUNT").arg(256).arg("BLOCK").arg(BLOCK_MILLIS).arg("STREAMS");
        for (Run run : runs) {
            xread.arg(store.keys().events(run.id()));
        }
        for (Run run : runs) {
            xread.arg("0-" + run.events().lastId());
        }
        connection().compose(c -> c.send(xread)).compose(this::apply).onComplete(result -> {
            if (result.failed()) {
                if (stopped) {
                    return; // its connection was closed on purpose
                }
                store.failed(result.cause());
                RedisConnection c = connection;
                connection = null;
                if (c != null) {
                    c.close();
                }
                vertx.setTimer(RETRY_MILLIS, t -> read());
            } else {
                read();
            }
        });
    }

    /** Adds the events read to their runs; a terminal one after its run took its final state. */
    private Future<Void> apply(Response reply) {
        if (reply == null) {
            return Future.succeededFuture();
        }
        List<Future<?>> ends = new ArrayList<>();
        if (reply.type() == io.vertx.redis.client.ResponseType.MULTI && !reply.isMap()) {
            for (Response stream : reply) {
                ends.addAll(apply(stream.get(0).toString(), stream.get(1)));
            }
        } else {
            for (String key : reply.getKeys()) {
                ends.addAll(apply(key, reply.get(key)));
            }
        }
        return Future.all(ends).mapEmpty();
    }

    private List<Future<?>> apply(String key, Response entries) {
        Followed f = followed.get(store.keys().runOfEvents(key));
        if (f == null) {
            return List.of();
        }
        // The events up to one that changes the run's state (it started, it ended) are added at once; that one after
        // the run took its new state, then the rest
        List<Response> all = new ArrayList<>(entries.size());
        entries.forEach(all::add);
        return List.of(apply(f, all, 0));
    }

    private Future<?> apply(Followed f, List<Response> entries, int from) {
        for (int i = from; i < entries.size(); i++) {
            Response entry = entries.get(i);
            String kind = kind(entry);
            boolean terminal = StreamEvents.terminal(kind);
            if (terminal || RunEvent.STARTED.equals(kind)) {
                int next = i + 1;
                return store.state(f.run.id()).compose(state -> {
                    if (state != null) {
                        f.run.follow(state);
                    }
                    StreamEvents.append(f.run.events(), entry);
                    return terminal ? Future.succeededFuture() : apply(f, entries, next);
                });
            }
            StreamEvents.append(f.run.events(), entry);
        }
        return Future.succeededFuture();
    }

    private static String kind(Response entry) {
        Response fields = entry.get(1);
        for (int i = 0; i + 1 < fields.size(); i += 2) {
            if ("k".equals(fields.get(i).toString())) {
                return fields.get(i + 1).toString();
            }
        }
        return "";
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
