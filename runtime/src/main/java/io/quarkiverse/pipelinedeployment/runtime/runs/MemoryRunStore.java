package io.quarkiverse.pipelinedeployment.runtime.runs;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;

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
    private final long answerWaitMillis;
    private final int maxRecords;
    private final long maxBytes;
    private final long retentionMillis;
    private final ObjectWriter writer;
    private final IdempotencyKeys keys = new IdempotencyKeys();
    private final LiveRuns live = new LiveRuns();
    /** Ended runs to archive, in the order they ended. */
    private final ConcurrentLinkedQueue<Run> pending = new ConcurrentLinkedQueue<>();
    /** Guards the archive, the ended runs left as objects, those whose answer is being written, and eviction. */
    private final Object lock = new Object();
    private final RunArchive archive = new RunArchive();
    private final ArrayDeque<Run> endedLive = new ArrayDeque<>();
    private final ArrayDeque<Run> unanswered = new ArrayDeque<>();

    /** @param writer writes the envelopes of the runs that hold them as objects, and the pipeline's own events */
    public MemoryRunStore(int maxRecords, long maxBytes, Duration retention, ObjectWriter writer) {
        this(maxRecords, maxBytes, retention, writer, 1000);
    }

    MemoryRunStore(int maxRecords, long maxBytes, Duration retention, ObjectWriter writer, long answerWaitMillis) {
        this.answerWaitMillis = answerWaitMillis;
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
        live.add(run);
        if (run.status().terminal()) { // a replaced service's run that ended before it was queued
            pending.add(run);
        }
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

    /** Archives the ended runs; a synchronous one waits for its answer (its client may be gone: not for ever). */
    private void archivePending() {
        long now = unanswered.isEmpty() ? 0 : System.currentTimeMillis();
        for (Iterator<Run> waiting = unanswered.iterator(); now != 0 && waiting.hasNext();) {
            Run run = waiting.next();
            if (!live.has(run) || run.envelopeJson() != null
                    || now - run.finished().toEpochMilli() >= answerWaitMillis) {
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
        if (!live.has(run)) {
            return; // evicted or expired meanwhile
        }
        if (!archive.encode(run, writer)) {
            endedLive.addLast(run);
        } else if (removeLive(run, false)) {
            archive.add(run);
            keys.archived(run.id());
        }
    }

    private boolean over() {
        return live.size() + archive.size() > maxRecords || live.bytes() + archive.bytes() > maxBytes;
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
                if (keys.any()) { // the id is read back from the archive's bytes
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
        while ((run = endedLive.peekFirst()) != null && !live.has(run)) {
            endedLive.pollFirst();
        }
        return run;
    }

    private boolean expired(Run run) {
        return run.status().terminal() && run.created().toEpochMilli() + retentionMillis < System.currentTimeMillis();
    }

    /** @param dropped whether the run is no longer kept at all (else it was archived: its key still maps to it) */
    private boolean removeLive(Run run, boolean dropped) {
        boolean removed = live.remove(run);
        if (removed && dropped) {
            keys.dropped(run.id());
        }
        return removed;
    }

    @Override
    public Uni<Run> find(String id) {
        Run run = live.get(id);
        if (run != null && expired(run)) {
            removeLive(run, true);
            return Uni.createFrom().nullItem();
        }
        return Uni.createFrom().item(run != null ? run : archived(id, true));
    }

    /** The archived run with this id, read back from its bytes. */
    private Run archived(String id, boolean unexpired) {
        byte[] kept;
        synchronized (lock) {
            int slot = archive.find(id);
            boolean found = slot >= 0
                    && (!unexpired || archive.createdMillis(slot) + retentionMillis >= System.currentTimeMillis());
            kept = found ? archive.run(slot) : null;
        }
        return kept == null ? null : RunCodec.decode(kept);
    }

    @Override
    public Uni<Page> list(Query query) {
        long before = RunPage.before(query);
        if (before < 1) {
            return Uni.createFrom().failure(new IllegalArgumentException("Unknown cursor"));
        }
        RunPage page = new RunPage(query, before, retentionMillis);
        synchronized (lock) {
            // Runs move from live to the archive under the lock: a run is seen in one of them
            for (Run run : live.all()) {
                page.offer(run);
            }
            page.offer(archive);
        }
        return Uni.createFrom().item(page.page());
    }

    @Override
    public Uni<Claim> claim(String key, String fingerprint, Run run) {
        return Uni.createFrom().item(keys.claim(key, fingerprint, run,
                id -> Objects.requireNonNullElseGet(live.get(id), () -> archived(id, false)), this::expired));
    }

    @Override
    public void release(String key, Run run) {
        keys.release(key, run);
    }

    @Override
    public void shutdown() {
        for (Run run : live.all()) {
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
