package io.quarkiverse.pipelinedeployment.redis.runtime;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.quarkiverse.pipelinedeployment.runtime.engine.Run;
import io.quarkiverse.pipelinedeployment.runtime.engine.RunCodec;
import io.quarkiverse.pipelinedeployment.runtime.engine.RunStatus;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;

/**
 * Writes one run to Redis as it goes, in order: its state when it changes, and its new events. The writes of a run are
 * sent as one batch (one connection, in order) at a time; what happens meanwhile goes in the next batch, so a run
 * costs a few round trips, not one per event, and its stream's ids ({@code 0-<n>}) always grow.
 */
final class RunWriter {

    private final RedisRunStore store;
    private final Run run;
    private final long expiresAt;
    /** Guarded by this. */
    private long eventsWritten;
    private RunStatus statusWritten;
    private boolean parametersWritten;
    private boolean inFlight;
    private boolean again;
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
    }

    /** Writes what changed since the last batch, now or after the batch in flight. */
    void flush() {
        List<Request> batch;
        synchronized (this) {
            if (inFlight) {
                again = true;
                return;
            }
            batch = changes();
            if (batch.isEmpty()) {
                return;
            }
            inFlight = true;
        }
        store.redis().batch(batch).onComplete(result -> {
            if (result.failed()) {
                store.failed(result.cause());
            }
            boolean more;
            synchronized (this) {
                inFlight = false;
                more = again;
                again = false;
            }
            if (more) {
                flush();
            } else if (done()) {
                store.written(run);
            }
        });
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

    private synchronized boolean done() {
        return !inFlight && statusWritten != null && statusWritten.terminal()
                && eventsWritten == run.events().lastId();
    }

    /** The commands of what changed; guarded by this. */
    private List<Request> changes() {
        List<Request> batch = new ArrayList<>(8);
        if (discarded) {
            return batch;
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
                    // Held under a lease while this replica executes it: lost if this replica stops
                    batch.add(Request.cmd(Command.ZADD).arg(keys.leases())
                            .arg(System.currentTimeMillis() + store.leaseMillis()).arg(id));
                }
                if (status.terminal()) {
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
        return batch;
    }
}
