package io.quarkiverse.pipelinedeployment.redis.runtime;

import java.util.ArrayList;
import java.util.List;

import io.quarkiverse.pipelinedeployment.runtime.engine.Run;
import io.quarkiverse.pipelinedeployment.runtime.engine.RunCodec;
import io.quarkiverse.pipelinedeployment.runtime.engine.RunEvents;
import io.quarkiverse.pipelinedeployment.runtime.runs.RunStore.Page;
import io.quarkiverse.pipelinedeployment.runtime.runs.RunStore.Query;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import io.vertx.redis.client.ResponseType;

/**
 * A page of runs from Redis, newest first: the ids of the {@code runs} sorted set below the cursor, a batch at a time,
 * whose states are read and filtered until the page is full. A cursor is {@code <score>:<run id>} of a page's last
 * run (several runs may share a creation microsecond: they are ordered by id, as the sorted set orders them).
 */
final class RedisRunList {

    private static final int BATCH = 200;

    private final RedisRunStore store;
    private final Query query;
    private final List<Run> runs = new ArrayList<>();
    private final Promise<Page> page = Promise.promise();
    private final long oldest;

    private RedisRunList(RedisRunStore store, Query query) {
        this.store = store;
        this.query = query;
        this.oldest = (System.currentTimeMillis() - store.retentionMillis()) * 1000;
    }

    static Future<Page> page(RedisRunStore store, Query query) {
        long score = Long.MAX_VALUE;
        String id = null;
        if (query.after() != null) {
            int colon = query.after().indexOf(':');
            try {
                score = Long.parseLong(query.after().substring(0, Math.max(0, colon)));
                id = query.after().substring(colon + 1);
            } catch (NumberFormatException e) {
                return Future.failedFuture(new IllegalArgumentException("Unknown cursor"));
            }
        }
        RedisRunList list = new RedisRunList(store, query);
        list.next(score, id);
        return list.page.future();
    }

    /** Reads the batch of ids at or below {@code score} (after {@code afterId} among those at {@code score}). */
    private void next(long score, String afterId) {
        Request range = Request.cmd(Command.ZRANGE).arg(store.keys().runs())
                .arg(score == Long.MAX_VALUE ? "+inf" : Long.toString(score)).arg(Long.toString(oldest))
                .arg("BYSCORE").arg("REV").arg("LIMIT").arg(0).arg(BATCH).arg("WITHSCORES");
        store.redis().send(range).onComplete(result -> {
            if (result.failed()) {
                page.tryFail(result.cause());
                return;
            }
            try {
                ids(result.result(), score, afterId);
            } catch (RuntimeException e) {
                page.tryFail(e); // a reply it cannot read: the request is answered, not left waiting
            }
        });
    }

    private void ids(Response reply, long score, String afterId) {
        boolean pairs = reply.size() > 0 && reply.get(0).type() == ResponseType.MULTI; // RESP3, else flat
        int count = pairs ? reply.size() : reply.size() / 2;
        List<String> ids = new ArrayList<>(count);
        List<Long> scores = new ArrayList<>(count);
        boolean skipping = afterId != null;
        for (int i = 0; i < count; i++) {
            String id = (pairs ? reply.get(i).get(0) : reply.get(2 * i)).toString();
            long at = (long) Double.parseDouble((pairs ? reply.get(i).get(1) : reply.get(2 * i + 1)).toString());
            if (skipping && at == score && id.compareTo(afterId) >= 0) {
                continue; // on the previous page
            }
            skipping = false;
            ids.add(id);
            scores.add(at);
        }
        states(ids, scores, count >= BATCH);
    }

    private void states(List<String> ids, List<Long> scores, boolean more) {
        if (ids.isEmpty()) {
            page.complete(new Page(runs, null));
            return;
        }
        List<Request> reads = new ArrayList<>(ids.size());
        for (String id : ids) {
            reads.add(Request.cmd(Command.HGET).arg(store.keys().run(id)).arg("rec"));
        }
        store.redis().batch(reads).onComplete(result -> {
            if (result.failed()) {
                page.tryFail(result.cause());
                return;
            }
            try {
                states(result.result(), ids, scores, more);
            } catch (RuntimeException e) {
                page.tryFail(e);
            }
        });
    }

    private void states(List<Response> records, List<String> ids, List<Long> scores, boolean more) {
        for (int i = 0; i < ids.size(); i++) {
            Response rec = records.get(i);
            if (rec == null) {
                continue; // expired or dropped
            }
            Run run = RunCodec.decode(rec.toBytes(), new RunEvents(1));
            if ((query.statuses() == null || query.statuses().contains(run.status()))
                    && (query.source() == null || query.source() == run.source())) {
                if (runs.size() == query.limit()) {
                    Run last = runs.get(runs.size() - 1);
                    page.complete(new Page(runs, RedisRunStore.score(last) + ":" + last.id()));
                    return;
                }
                runs.add(run);
            }
        }
        if (!more) {
            page.complete(new Page(runs, null));
        } else {
            next(scores.get(scores.size() - 1), ids.get(ids.size() - 1));
        }
    }
}
