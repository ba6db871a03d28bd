package io.quarkiverse.pipelinedeployment.runtime.runs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.quarkiverse.pipelinedeployment.InvocationResponse;
import io.quarkiverse.pipelinedeployment.InvocationResponse.Outcome;
import io.quarkiverse.pipelinedeployment.runtime.engine.Run;
import io.quarkiverse.pipelinedeployment.runtime.engine.RunStatus;
import io.smallrye.mutiny.Uni;

/**
 * The embedded store ({@code quarkus.pipeline.runs.store=memory}): the runs of this process, in its memory. At most
 * {@code runs.max-records} runs are kept, holding at most {@code runs.max-memory} (estimated from their requests'
 * sizes): beyond either, the oldest finished ones go first, and queued or running ones never. A finished run older than
 * {@code runs.retention} is dropped when it is next looked up, and by the runs
 * created after it.
 */
public final class MemoryRunStore implements RunStore {

    static final String SHUTTING_DOWN = "Deployment shutting down";

    private final int maxRecords;
    private final long maxBytes;
    private final long retentionMillis;
    private final ConcurrentHashMap<String, Run> byId = new ConcurrentHashMap<>();
    /** The runs by creation order, oldest first. */
    private final ConcurrentSkipListMap<Long, Run> bySequence = new ConcurrentSkipListMap<>();
    private final ConcurrentHashMap<String, Claim> keys = new ConcurrentHashMap<>();
    /** The idempotency key of a run that has one, to drop it with the run. */
    private final ConcurrentHashMap<String, String> keyOfRun = new ConcurrentHashMap<>();
    private final AtomicInteger size = new AtomicInteger();
    /** The estimated memory the kept runs hold. */
    private final AtomicLong retained = new AtomicLong();
    /** The runs kept that have ended: eviction looks for one only when there is one. */
    private final AtomicInteger ended = new AtomicInteger();

    /**
     * @param maxBytes the most memory the kept runs may hold, estimated ({@link #weight(Run)})
     */
    public MemoryRunStore(int maxRecords, long maxBytes, Duration retention) {
        this.maxRecords = maxRecords;
        this.maxBytes = maxBytes;
        this.retentionMillis = retention.toMillis();
    }

    @Override
    public void queued(Run run) {
        if (!run.recorded()) {
            return;
        }
        byId.put(run.id(), run);
        bySequence.put(run.sequence(), run);
        retained.addAndGet(weight(run));
        if (size.incrementAndGet() > maxRecords || retained.get() > maxBytes) {
            evict();
        }
        expireOldest();
    }

    @Override
    public void rejected(Run run) {
        remove(run);
    }

    @Override
    public void finished(Run run, Outcome outcome, long nanos, InvocationResponse response) {
        if (!run.recorded()) {
            return;
        }
        ended.incrementAndGet();
        if (over()) {
            // Runs that could not be evicted while they were running may go now
            evict();
        }
    }

    /**
     * The estimated memory a kept run holds: about 2 KiB for its record, events and envelope, and its parameters as a
     * JSON tree, about four times the request's text.
     */
    static long weight(Run run) {
        return 2048 + 4 * run.requestBytes();
    }

    private boolean over() {
        return size.get() > maxRecords || retained.get() > maxBytes;
    }

    /**
     * Drops the oldest finished runs until at most {@code max-records} are left within {@code max-memory}, or only
     * unfinished ones.
     */
    private void evict() {
        Iterator<Run> oldestFirst = bySequence.values().iterator();
        // With only queued and running runs over the bound, there is nothing to drop: no scan
        while (over() && ended.get() > 0 && oldestFirst.hasNext()) {
            Run run = oldestFirst.next();
            if (run.status().terminal()) {
                remove(run);
            }
        }
    }

    /** Drops the oldest runs past their retention, while they have ended. */
    private void expireOldest() {
        for (int i = 0; i < 2; i++) {
            Map.Entry<Long, Run> oldest = bySequence.firstEntry();
            if (oldest == null || !expired(oldest.getValue())) {
                return;
            }
            remove(oldest.getValue());
        }
    }

    private boolean expired(Run run) {
        return run.status().terminal() && run.created().toEpochMilli() + retentionMillis < System.currentTimeMillis();
    }

    private void remove(Run run) {
        if (byId.remove(run.id(), run)) {
            bySequence.remove(run.sequence(), run);
            size.decrementAndGet();
            retained.addAndGet(-weight(run));
            if (run.status().terminal()) {
                ended.decrementAndGet();
            }
            String key = keyOfRun.remove(run.id());
            if (key != null) {
                // Unless the key has been claimed again since (by a run after this one expired)
                keys.computeIfPresent(key, (k, claim) -> claim.run() == run ? null : claim);
            }
        }
    }

    @Override
    public Uni<Run> find(String id) {
        Run run = byId.get(id);
        if (run != null && expired(run)) {
            remove(run);
            run = null;
        }
        return Uni.createFrom().item(run);
    }

    @Override
    public Uni<Page> list(Query query) {
        NavigableMap<Long, Run> newestFirst = bySequence.descendingMap();
        if (query.after() != null) {
            long after;
            try {
                after = Long.parseLong(query.after());
            } catch (NumberFormatException e) {
                after = 0;
            }
            if (after < 1) {
                // A cursor is the sequence of a page's last run: 1 or more
                return Uni.createFrom().failure(new IllegalArgumentException("Unknown cursor"));
            }
            newestFirst = newestFirst.tailMap(after, false);
        }
        List<Run> page = new ArrayList<>(Math.min(query.limit(), 64));
        String next = null;
        for (Run run : newestFirst.values()) {
            if ((query.statuses() != null && !query.statuses().contains(run.status()))
                    || (query.source() != null && query.source() != run.source()) || expired(run)) {
                continue;
            }
            if (page.size() == query.limit()) {
                next = Long.toString(page.get(page.size() - 1).sequence());
                break;
            }
            page.add(run);
        }
        return Uni.createFrom().item(new Page(page, next));
    }

    @Override
    public Uni<Claim> claim(String key, String fingerprint, Run run) {
        Claim mine = new Claim(fingerprint, run);
        Claim held = keys.putIfAbsent(key, mine);
        if (held != null && expired(held.run())) {
            // The key outlived its run's retention: it is free again
            if (keys.replace(key, held, mine)) {
                held = null;
            } else {
                held = keys.get(key);
            }
        }
        if (held == null) {
            keyOfRun.put(run.id(), key);
        }
        return Uni.createFrom().item(held);
    }

    @Override
    public void release(String key, Run run) {
        Claim claim = keys.get(key);
        if (claim != null && claim.run() == run) {
            keys.remove(key, claim);
            keyOfRun.remove(run.id());
        }
    }

    @Override
    public void shutdown() {
        for (Run run : bySequence.values()) {
            if (run.async() && run.status() == RunStatus.QUEUED) {
                run.cancel(SHUTTING_DOWN);
            }
        }
    }

    /** The runs kept. */
    int size() {
        return size.get();
    }
}
