package io.quarkiverse.pipelinedeployment.redis.runtime;

import java.util.ArrayList;
import java.util.List;

import io.quarkiverse.pipelinedeployment.runtime.engine.RunStatus;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

/**
 * Keeps the Redis store within {@code runs.max-records}: the index entries of expired runs go, and beyond the bound the
 * oldest ended runs are deleted (queued and running ones never are). Run every few hundred runs by the replica that
 * queued them; several replicas trimming at once delete the same runs, which is harmless.
 */
final class RecordsTrim {

    /** The most runs one trim deletes (every 256 runs queued here): it keeps up with 4 deleted per run created. */
    static final int MAX_DROPPED = 1024;

    private RecordsTrim() {
    }

    static void trim(RedisRunStore store, int maxRecords) {
        RedisKeys keys = store.keys();
        long oldest = (System.currentTimeMillis() - store.retentionMillis()) * 1000;
        store.redis().batch(List.of(
                Request.cmd(Command.ZREMRANGEBYSCORE).arg(keys.runs()).arg("-inf").arg("(" + oldest),
                Request.cmd(Command.ZCARD).arg(keys.runs())))
                .compose(replies -> {
                    long excess = Math.min(replies.get(1).toLong() - maxRecords, MAX_DROPPED);
                    if (excess <= 0) {
                        return io.vertx.core.Future.succeededFuture();
                    }
                    return store.redis().send(Request.cmd(Command.ZRANGE).arg(keys.runs()).arg(0).arg(excess - 1))
                            .compose(ids -> drop(store, ids));
                })
                .onFailure(store::failed);
    }

    private static io.vertx.core.Future<?> drop(RedisRunStore store, Response ids) {
        RedisKeys keys = store.keys();
        List<Request> reads = new ArrayList<>(ids.size());
        for (Response id : ids) {
            reads.add(Request.cmd(Command.HGET).arg(keys.run(id.toString())).arg("st"));
            reads.add(Request.cmd(Command.EXISTS).arg(keys.run(id.toString())));
        }
        return store.redis().batch(reads).compose(replies -> {
            List<Request> deletes = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                String id = ids.get(i).toString();
                Response st = replies.get(2 * i);
                RunStatus status = st == null ? null : RunStatus.parse(st.toString());
                // Ended, or gone (expired); a run without a status yet is queued or being written: kept
                if (status != null && status.terminal() || replies.get(2 * i + 1).toLong() == 0) {
                    deletes.add(Request.cmd(Command.DEL).arg(keys.run(id)).arg(keys.events(id)));
                    deletes.add(Request.cmd(Command.ZREM).arg(keys.runs()).arg(id));
                }
            }
            return deletes.isEmpty() ? io.vertx.core.Future.succeededFuture() : store.redis().batch(deletes);
        });
    }
}
