package io.quarkiverse.pipelinedeployment.redis.runtime;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.quarkiverse.pipelinedeployment.runtime.engine.Run;
import io.quarkiverse.pipelinedeployment.runtime.engine.RunCodec;
import io.quarkiverse.pipelinedeployment.runtime.engine.RunStatus;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;

/**
 * What of one run is still to be written to Redis: its state, when it changed, and its new events. A run that changed
 * is marked dirty with the {@link GroupCommit}, which asks it for its commands when it sends the next batch: a run
 * that changed several times meanwhile (a short synchronous run: queued, running, steps, ended) is encoded once, in
 * its latest state, and its stream's ids ({@code 0-<n>}) always grow, batch after batch.
 */
final class RunWriter {

    private final RedisRunStore store;
    private final Run run;
    private final long expiresAt;
    /** Guarded by this. */
    private long eventsWritten;
    private RunStatus statusWritten;
    private boolean parametersWritten;
    private boolean leased;
    private final boolean fromQueue;
    private boolean dirty;
    private boolean discarded;

    /**
     * @param eventsWritten the events of the run already in its stream: those of a run taken from the shared queue
     *        ({@code run_queued})
     */
    RunWriter(RedisRunStore store, Run run, long eventsWritten) {
        this.store = store;
        this.run = run;
        this.expiresAt = run.created().toEpochMilli() + store.retentionMillis();
        this.eventsWritten = eventsWritten;
        this.fromQueue = eventsWritten > 0; // its lease began when it was taken
    }

    Run run() {
        return run;
    }

    /** The run changed: it is written with the next batch. */
    void flush() {
        synchronized (this) {
            if (dirty || discarded) {
                return;
            }
            dirty = true;
        }
        store.commits().dirty(this);
    }

    /** Adds the commands of what changed since the last batch to {@code batch}; called by the group commit. */
    synchronized void collect(List<Request> batch) {
        dirty = false;
        changes(batch);
    }

    /** Whether all of the run, up to its end, is in the batches sent. */
    synchronized boolean complete() {
        return !dirty && statusWritten != null && statusWritten.terminal() && eventsWritten == run.events().lastId();
    }

    /** The run was turned away before it was queued: whatever was written of it goes. */
    void discard() {
        synchronized (this) {
            discarded = true;
            if (statusWritten == null) {
                return;
            }
        }
        RedisKeys keys = store.keys();
        store.redis().batch(List.of(Request.cmd(Command.DEL).arg(keys.run(run.id())).arg(keys.events(run.id())),
                Request.cmd(Command.ZREM).arg(keys.runs()).arg(run.id())))
                .onFailure(store::failed);
    }

    /** The commands of what changed; guarded by this. */
    private void changes(List<Request> batch) {
        if (discarded) {
            return;
        }
        RedisKeys keys = store.keys();
        String id = run.id();
        RunStatus status = run.status();
        boolean first = statusWritten == null;
        if (status != statusWritten) {
            byte[] record;
            try {
                record = RunCodec.encode(run, store.writer(), false);
            } catch (JsonProcessingException e) {
                record = null; // its outputs cannot be written as JSON: its result answers why, as it did
            }
            if (record != null) {
                Request hset = Request.cmd(Command.HSET).arg(keys.run(id)).arg("rec").arg(record);
                if (status != RunStatus.QUEUED) { // only the shared queue's script marks a run queued
                    hset.arg("st").arg(status.label);
                }
                if (first) {
                    hset.arg("own").arg(store.deploymentId());
                }
                if (!parametersWritten && run.parametersUsed() != null) {
                    hset.arg("par").arg(run.parametersUsed().toString());
                    parametersWritten = true;
                }
                batch.add(hset);
                if (first) {
                    batch.add(Request.cmd(Command.PEXPIREAT).arg(keys.run(id)).arg(expiresAt));
                    batch.add(Request.cmd(Command.ZADD).arg(keys.runs()).arg(RedisRunStore.score(run)).arg(id));
                }
                if (!status.terminal() && !leased) {
                    // Held under a lease while this replica executes it: lost if this replica stops
                    batch.add(Request.cmd(Command.ZADD).arg(keys.leases())
                            .arg(System.currentTimeMillis() + store.leaseMillis()).arg(id));
                    leased = true;
                } else if (status.terminal() && (leased || fromQueue)) {
                    batch.add(Request.cmd(Command.ZREM).arg(keys.leases()).arg(id));
                }
            }
            statusWritten = status;
        }
        long before = eventsWritten;
        eventsWritten = run.events().exportSince(eventsWritten,
                (eventId, kind, data, number) -> batch.add(StreamEvents.add(keys.events(id), store.maxEvents(),
                        store.writer(), eventId, kind, data, number)));
        if (first && eventsWritten > before) {
            batch.add(Request.cmd(Command.PEXPIREAT).arg(keys.events(id)).arg(expiresAt));
        }
    }
}
