package io.quarkiverse.pipelinedeployment.runtime.runs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.quarkiverse.pipelinedeployment.runtime.engine.Run;
import io.quarkiverse.pipelinedeployment.runtime.engine.RunCodec;
import io.quarkiverse.pipelinedeployment.runtime.engine.RunSource;
import io.quarkiverse.pipelinedeployment.runtime.engine.RunStatus;
import io.quarkiverse.pipelinedeployment.runtime.runs.RunStore.Page;
import io.quarkiverse.pipelinedeployment.runtime.runs.RunStore.Query;

/**
 * One page of the {@link MemoryRunStore}'s list, newest first: the runs kept as objects and the archived ones that
 * match the query, before the cursor, merged by sequence (their creation order). Only the runs on the page are read back from
 * their bytes.
 */
final class RunPage {

    private record Candidate(long sequence, Run run, byte[] kept) {
    }

    private static final Comparator<Candidate> NEWEST_FIRST = Comparator.comparingLong(Candidate::sequence).reversed();

    private final Query query;
    private final long before;
    private final long retentionMillis;
    private final long now = System.currentTimeMillis();
    private final List<Candidate> live = new ArrayList<>();
    private final List<Candidate> archived = new ArrayList<>();

    /** @param before the cursor: only runs of a lower sequence */
    RunPage(Query query, long before, long retentionMillis) {
        this.query = query;
        this.before = before;
        this.retentionMillis = retentionMillis;
    }

    /**
     * The sequence the page's runs are below: {@link Long#MAX_VALUE} without a cursor, below 1 for an unknown cursor (a
     * cursor is the sequence of a page's last run: 1 or more).
     */
    static long before(Query query) {
        if (query.after() == null) {
            return Long.MAX_VALUE;
        }
        try {
            return Long.parseLong(query.after());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Offers a run kept as an object. */
    void offer(Run run) {
        boolean ended = run.status().terminal();
        if (run.sequence() < before && matches(run.status(), run.source())
                && !(ended && run.created().toEpochMilli() + retentionMillis < now)) {
            live.add(new Candidate(run.sequence(), run, null));
        }
    }

    /**
     * Offers the archived runs: all of them are looked at (they are kept in the order they ended, not created), the
     * newest that match are copied.
     */
    void offer(RunArchive archive) {
        List<long[]> matching = new ArrayList<>();
        for (int i = 0; i < archive.size(); i++) {
            int slot = archive.slot(i);
            long sequence = archive.sequence(slot);
            if (sequence < before && matches(archive.status(slot), archive.source(slot))
                    && archive.createdMillis(slot) + retentionMillis >= now) {
                matching.add(new long[] { sequence, slot });
            }
        }
        matching.sort(Comparator.comparingLong((long[] match) -> match[0]).reversed());
        for (int i = 0; i < Math.min(matching.size(), query.limit() + 1); i++) {
            long[] match = matching.get(i);
            archived.add(new Candidate(match[0], null, archive.run((int) match[1])));
        }
    }

    private boolean matches(RunStatus status, RunSource source) {
        return (query.statuses() == null || query.statuses().contains(status))
                && (query.source() == null || query.source() == source);
    }

    Page page() {
        live.sort(NEWEST_FIRST);
        List<Candidate> all = new ArrayList<>(2 * query.limit() + 2);
        all.addAll(live.subList(0, Math.min(live.size(), query.limit() + 1)));
        all.addAll(archived.subList(0, Math.min(archived.size(), query.limit() + 1)));
        all.sort(NEWEST_FIRST);
        List<Run> runs = new ArrayList<>(Math.min(all.size(), query.limit()));
        for (int i = 0; i < all.size() && runs.size() < query.limit(); i++) {
            Candidate candidate = all.get(i);
            runs.add(candidate.run() != null ? candidate.run() : RunCodec.decode(candidate.kept()));
        }
        String next = all.size() > query.limit() ? Long.toString(runs.get(runs.size() - 1).sequence()) : null;
        return new Page(runs, next);
    }
}
