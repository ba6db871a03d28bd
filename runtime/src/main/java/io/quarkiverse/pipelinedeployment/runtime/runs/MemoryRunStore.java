package io.quarkiverse.pipelinedeployment.runtime.runs;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.ObjectWriter;

import io.quarkiverse.pipelinedeployment.InvocationResponse;
import io.quarkiverse.pipelinedeployment.InvocationResponse.Outcome;
import io.quarkiverse.pipelinedeployment.runtime.engine.Run;
import io.quarkiverse.pipelinedeployment.runtime.engine.RunCodec;
import io.quarkiverse.pipelinedeployment.runtime.engine.RunStatus;
import io.smallrye.mutiny.Uni;

/**
 * The embedded store ({@code quarkus.pipeline.runs.store=memory}): the runs of this process, in its memory. At most
 * {@code runs.max-records} runs are kept, holding at most {@code runs.max-memory}: beyond either, about the oldest
 * finished ones go first, and queued or running ones never. A finished run older than {@code runs.retention} is
 * dropped when it is next looked up, and by the runs created after it.
 * <p>
 * Queued and running runs are kept as they are. Once a run has ended and its answer is written, it is kept as bytes
 * ({@link RunArchive}): thousands of kept runs then cost the garbage collector almost nothing, which is what lets
 * every synchronous invocation be recorded ({@code runs.record=all}).
 */
public final class MemoryRunStore implements RunStore {

    static final String SHUTTING_DOWN = "Deployment shutting down";
    /** How long an ended synchronous run waits for its answer to be written before it is kept as it is. */
    private static final long ANSWER_WAIT_MILLIS = 1000;

    private final int maxRecords;
    private final long maxBytes;
    private final long retentionMillis;
    private final ObjectWriter writer;
    private final IdempotencyKeys keys = new IdempotencyKeys();
    /** The runs kept as objects: queued, running, and ended ones not archived (yet). */
    private final ConcurrentHashMap<String, Run> live = new ConcurrentHashMap<>();
    private final AtomicLong liveBytes = new AtomicLong();
    /** Ended runs to archive, in the order they ended. */
    private final ConcurrentLinkedQueue<Run> pending = new ConcurrentLinkedQueue<>();
    /** Guards the archive, the ended runs left as objects, those whose answer is being written, and eviction. */
    private final Object lock = new Object();
    private final RunArchive archive = new RunArchive();
    private final ArrayDeque<Run> endedLive = new ArrayDeque<>();
    private final ArrayDeque<Run> unanswered = new ArrayDeque<>();

    /** @param writer writes the envelopes of the runs that hold them as objects, and the pipeline's own events */
    public MemoryRunStore(int maxRecords, long maxBytes, Duration retention, ObjectWriter writer) {
        this.maxRecords = maxRecords;
        this.maxBytes = maxBytes;
        this.retentionMillis = retention.toMillis();
        this.writer = writer;
    }

    @Override
    public void queued(Run run) {
        if (!run.recorded()) {
            return;
        }
        live.put(run.id(), run);
        liveBytes.addAndGet(weight(run));
        synchronized (lock) {
            archivePending();
            evict();
        }
    }

    @Override
    public void rejected(Run run) {
        removeLive(run, true);
    }

    @Override
    public void finished(Run run, Outcome outcome, long nanos, InvocationResponse response) {
        if (run.recorded()) {
            pending.add(run);
            // A synchronous run waits for the next run queued (its answer is being written); runs that could not be
            // evicted while they were running may go now
            if (run.async() || over()) {
                synchronized (lock) {
                    archivePending();
                    evict();
                }
            }
        }
    }

    /** The memory a run kept as an object holds: 2 KiB, and its parameters' tree (about 4 x its request's size). */
    static long weight(Run run) {
        return 2048 + 4 * run.requestBytes();
    }

    /**
     * Archives the ended runs, oldest first. A synchronous run whose answer is being written waits for it, for a
     * second at most (its client may be gone): then it is kept as it is.
     */
    private void archivePending() {
        long now = System.currentTimeMillis();
        for (Iterator<Run> waiting = unanswered.iterator(); waiting.hasNext();) {
            Run run = waiting.next();
            if (live.get(run.id()) != run || run.envelopeJson() != null
                    || now - run.finished().toEpochMilli() > ANSWER_WAIT_MILLIS) {
                waiting.remove();
                archive(run);
            }
        }
        Run run;
        while ((run = pending.poll()) != null) {
            if (!run.async() && run.envelopeJson() == null && run.response() != null) {
                unanswered.addLast(run);
            } else {
                archive(run);
            }
        }
    }

    private void archive(Run run) {
        if (live.get(run.id()) != run) {
            return; // evicted or expired meanwhile
        }
        byte[] kept = RunArchive.bytes(run, writer);
        if (kept == null) {
            endedLive.addLast(run);
        } else {
            removeLive(run, false);
            archive.add(kept, run);
        }
    }

    private boolean over() {
        return live.size() + archive.size() > maxRecords || liveBytes.get() + archive.bytes() > maxBytes;
    }

    /**
     * Drops about the oldest ended runs (the older of the oldest archived and the oldest ended left as an object)
     * while over a bound, and those past their retention.
     */
    private void evict() {
        long now = System.currentTimeMillis();
        while (true) {
            Run object = oldestEndedLive();
            boolean fromArchive = archive.size() > 0
                    && (object == null || archive.sequence(archive.slot(0)) < object.sequence());
            if (fromArchive && (over() || archive.createdMillis(archive.slot(0)) + retentionMillis < now)) {
                if (keys.any()) {
                    keys.dropped(archive.id(archive.slot(0)));
                }
                archive.removeOldest();
            } else if (object != null && (over() || expired(object))) {
                endedLive.pollFirst();
                removeLive(object, true);
            } else {
                return;
            }
        }
    }

    /** The oldest ended run left as an object, after dropping those no longer kept. */
    private Run oldestEndedLive() {
        Run run;
        while ((run = endedLive.peekFirst()) != null && live.get(run.id()) != run) {
            endedLive.pollFirst();
        }
        return run;
    }

    private boolean expired(Run run) {
        return run.status().terminal() && run.created().toEpochMilli() + retentionMillis < System.currentTimeMillis();
    }

    /** @param dropped whether the run is no longer kept at all (else it was archived: its key still maps to it) */
    private void removeLive(Run run, boolean dropped) {
        if (live.remove(run.id(), run)) {
            liveBytes.addAndGet(-weight(run));
            if (dropped) {
                keys.dropped(run.id());
            }
        }
    }

    @Override
    public Uni<Run> find(String id) {
        Run run = live.get(id);
        if (run != null) {
            if (expired(run)) {
                removeLive(run, true);
                run = null;
            }
            return Uni.createFrom().item(run);
        }
        byte[] kept;
        synchronized (lock) {
            int slot = archive.find(id);
            boolean found = slot >= 0 && archive.createdMillis(slot) + retentionMillis >= System.currentTimeMillis();
            kept = found ? archive.run(slot) : null;
        }
        return Uni.createFrom().item(kept == null ? null : RunCodec.decode(kept));
    }

    @Override
    public Uni<Page> list(Query query) {
        long before = RunPage.before(query);
        if (before < 1) {
            return Uni.createFrom().failure(new IllegalArgumentException("Unknown cursor"));
        }
        RunPage page = new RunPage(query, before, retentionMillis);
        for (Run run : live.values()) {
            page.offer(run);
        }
        synchronized (lock) {
            page.offer(archive);
        }
        return Uni.createFrom().item(page.page());
    }

    @Override
    public Uni<Claim> claim(String key, String fingerprint, Run run) {
        return Uni.createFrom().item(keys.claim(key, fingerprint, run, this::expired));
    }

    @Override
    public void release(String key, Run run) {
        keys.release(key, run);
    }

    @Override
    public void shutdown() {
        for (Run run : live.values()) {
            if (run.async() && run.status() == RunStatus.QUEUED) {
                run.cancel(SHUTTING_DOWN);
            }
        }
    }

    /** What is kept, for tests: the runs, those kept as bytes, and the memory these hold. */
    record Kept(int runs, int archived, long archivedBytes) {
    }

    Kept kept() {
        synchronized (lock) {
            return new Kept(live.size() + archive.size(), archive.size(), archive.bytes());
        }
    }
}
