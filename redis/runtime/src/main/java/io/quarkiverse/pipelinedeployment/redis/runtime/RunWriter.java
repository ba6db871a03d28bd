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
    private boolean rewound;
    private int failures;
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

    /** The most events of one run in one batch: a run that published more goes on in the next batches. */
    static final int MAX_EVENTS = 256;
    /** The failed batches after which an ended run is given up. */
    static final int MAX_FAILURES = 5;

    /**
     * Adds the commands of what changed since the last batch to {@code batch}; called by the group commit.
     *
     * @return whether more is left for the next batch (the run published more than {@value #MAX_EVENTS} events)
     */
    synchronized boolean collect(List<Request> batch) {
        dirty = false;
        changes(batch);
        boolean more = !discarded && eventsWritten < run.events().lastId();
        dirty = more;
        return more;
    }

    /** Whether all of the run, up to its end, is in the batches sent. */
    synchronized boolean complete() {
        return discarded
                || !dirty && statusWritten != null && statusWritten.terminal() && eventsWritten == run.events().lastId();
    }

    /**
     * The batch with this run's last commands failed (Redis unavailable): its state is written again with the next
     * batch, in full (expiry, index, lease). The events of the failed batch are not sent again (some may have been
     * written: their ids would be refused). An ended run whose writes failed {@value #MAX_FAILURES} times is given up.
     *
     * @return whether it is written again
     */
    synchronized boolean rewind() {
        if (++failures > MAX_FAILURES && run.status().terminal()) {
            discarded = true; // an ended run is not kept waiting for Redis for ever: it goes unrecorded
            return false;
        }
        if (statusWritten != null) {
            statusWritten = null;
            rewound = true;
            parametersWritten = false;
            leased = false;
        }
        return true;
    }

    /** The run was turned away before it was queued: whatever was written of it goes (after what was sent). */
    void discard() {
        synchronized (this) {
            discarded = true;
            if (statusWritten == null && eventsWritten == 0) {
                return;
            }
        }
        RedisKeys keys = store.keys();
        store.commits().send(List.of(
                Request.cmd(Command.DEL).arg(keys.run(run.id())).arg(keys.events(run.id())),
                Request.cmd(Command.ZREM).arg(keys.runs()).arg(run.id()),
                Request.cmd(Command.ZREM).arg(keys.leases()).arg(run.id())));
    }

    /** A run taken from the shared queue was given back to it: nothing more of it is written from here. */
    synchronized void abandon() {
        discarded = true;
    }

    /** The commands of what changed; guarded by this. */
    private void changes(List<Request> batch) {
        if (discarded) {
            return;
        }
        RedisKeys keys = store.keys();
        String id = run.id();
        // The events are read up to here before the state: a terminal event sent is never ahead of the state
        long upTo = Math.min(run.events().lastId(), eventsWritten + MAX_EVENTS);
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
                } else if (status.terminal() && (leased || fromQueue || rewound)) {
                    batch.add(Request.cmd(Command.ZREM).arg(keys.leases()).arg(id));
                }
            }
            statusWritten = status;
        }
        long before = eventsWritten;
        eventsWritten = run.events().exportSince(eventsWritten, upTo,
                (eventId, kind, data, number) -> batch.add(StreamEvents.add(keys.events(id), store.maxEvents(),
                        store.writer(), eventId, kind, data, number)));
        if ((first || before == 0) && eventsWritten > before) {
            batch.add(Request.cmd(Command.PEXPIREAT).arg(keys.events(id)).arg(expiresAt));
        }
    }
}
