package io.quarkiverse.pipelinedeployment.runtime.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkiverse.pipelinedeployment.InvocationResponse.Outcome;
import io.quarkiverse.pipelinedeployment.runtime.engine.Run;
import io.quarkiverse.pipelinedeployment.runtime.engine.RunEvents;
import io.quarkiverse.pipelinedeployment.runtime.engine.RunSource;
import io.quarkiverse.pipelinedeployment.runtime.engine.RunStatus;

class MemoryRunStoreTest {

    private long sequence;

    private Run run(Instant created) {
        sequence++;
        return new Run("run-" + sequence, "name-" + sequence, sequence, RunSource.HTTP, created, new RunEvents(10),
                true);
    }

    private Run stored(MemoryRunStore store, RunStatus status) {
        Run run = run(Instant.now());
        store.queued(run);
        if (status != RunStatus.QUEUED) {
            run.markRunning();
        }
        if (status.terminal()) {
            run.finish(Outcome.SUCCESS, null);
            store.finished(run, Outcome.SUCCESS, 1, null);
        }
        return run;
    }

    private static Run find(MemoryRunStore store, String id) {
        return store.find(id).await().indefinitely();
    }

    @Test
    void evictionDropsTheOldestFinishedRunsAndNeverQueuedOrRunningOnes() {
        MemoryRunStore store = new MemoryRunStore(3, Long.MAX_VALUE, Duration.ofHours(1));
        Run queued = stored(store, RunStatus.QUEUED);
        Run running = stored(store, RunStatus.RUNNING);
        List<Run> finished = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            finished.add(stored(store, RunStatus.COMPLETED));
        }

        assertThat(store.size()).isEqualTo(3);
        assertThat(find(store, queued.id())).isSameAs(queued);
        assertThat(find(store, running.id())).isSameAs(running);
        assertThat(find(store, finished.get(4).id())).as("the newest finished run").isNotNull();
        for (int i = 0; i < 4; i++) {
            assertThat(find(store, finished.get(i).id())).isNull();
        }
    }

    @Test
    void theMemoryBoundDropsTheOldestFinishedRunsToo() {
        // Each run weighs 2 KiB + 4 x 10 KB: a budget of 150 KB keeps three of them
        MemoryRunStore store = new MemoryRunStore(1000, 150_000, Duration.ofHours(1));
        List<Run> runs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Run run = run(Instant.now());
            run.sized(10_000);
            store.queued(run);
            run.markRunning();
            run.finish(Outcome.SUCCESS, null);
            store.finished(run, Outcome.SUCCESS, 1, null);
            runs.add(run);
        }

        assertThat(store.size()).isEqualTo(3);
        assertThat(find(store, runs.get(5).id())).isNotNull();
        assertThat(find(store, runs.get(2).id())).isNull();
    }

    @Test
    void unfinishedRunsMayExceedTheBoundUntilTheyEnd() {
        MemoryRunStore store = new MemoryRunStore(2, Long.MAX_VALUE, Duration.ofHours(1));
        Run a = stored(store, RunStatus.RUNNING);
        Run b = stored(store, RunStatus.RUNNING);
        Run c = stored(store, RunStatus.QUEUED);

        assertThat(store.size()).isEqualTo(3);

        a.finish(Outcome.SUCCESS, null);
        store.finished(a, Outcome.SUCCESS, 1, null);

        assertThat(store.size()).isEqualTo(2);
        assertThat(find(store, a.id())).isNull();
        assertThat(find(store, b.id())).isSameAs(b);
        assertThat(find(store, c.id())).isSameAs(c);
    }

    @Test
    void finishedRunsExpireAfterTheRetention() {
        MemoryRunStore store = new MemoryRunStore(100, Long.MAX_VALUE, Duration.ofMinutes(1));
        Run old = run(Instant.now().minus(Duration.ofMinutes(2)));
        store.queued(old);
        Run oldRunning = run(Instant.now().minus(Duration.ofMinutes(2)));
        store.queued(oldRunning);
        oldRunning.markRunning();
        old.markRunning();
        old.finish(Outcome.SUCCESS, null);

        assertThat(find(store, old.id())).isNull();
        assertThat(find(store, oldRunning.id())).as("a running run never expires").isSameAs(oldRunning);
    }

    @Test
    void listsNewestFirstWithFiltersAndCursors() {
        MemoryRunStore store = new MemoryRunStore(100, Long.MAX_VALUE, Duration.ofHours(1));
        List<Run> runs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            runs.add(stored(store, i % 2 == 0 ? RunStatus.COMPLETED : RunStatus.RUNNING));
        }

        RunStore.Page first = store.list(new RunStore.Query(null, null, 2, null)).await().indefinitely();
        assertThat(first.runs()).containsExactly(runs.get(4), runs.get(3));
        RunStore.Page second = store.list(new RunStore.Query(null, null, 2, first.next())).await().indefinitely();
        assertThat(second.runs()).containsExactly(runs.get(2), runs.get(1));
        RunStore.Page last = store.list(new RunStore.Query(null, null, 2, second.next())).await().indefinitely();
        assertThat(last.runs()).containsExactly(runs.get(0));
        assertThat(last.next()).isNull();

        RunStore.Page running = store.list(new RunStore.Query(Set.of(RunStatus.RUNNING), null, 10, null))
                .await().indefinitely();
        assertThat(running.runs()).containsExactly(runs.get(3), runs.get(1));
        assertThat(store.list(new RunStore.Query(null, RunSource.KAFKA, 10, null)).await().indefinitely().runs())
                .isEmpty();
    }

    @Test
    void aKeyMapsToOneRunUntilTheRunIsDropped() {
        MemoryRunStore store = new MemoryRunStore(1, Long.MAX_VALUE, Duration.ofHours(1));
        Run first = run(Instant.now());

        assertThat(store.claim("k", "f1", first).await().indefinitely()).isNull();
        store.queued(first);
        Run second = run(Instant.now());
        RunStore.Claim held = store.claim("k", "f2", second).await().indefinitely();
        assertThat(held.run()).isSameAs(first);
        assertThat(held.fingerprint()).isEqualTo("f1");

        // The run is evicted: its key is free again
        first.markRunning();
        first.finish(Outcome.SUCCESS, null);
        store.finished(first, Outcome.SUCCESS, 1, null);
        stored(store, RunStatus.COMPLETED);
        assertThat(find(store, first.id())).isNull();
        assertThat(store.claim("k", "f2", second).await().indefinitely()).isNull();
    }

    @Test
    void aKeyIsFreeAgainOnceItsRunIsPastTheRetention() {
        MemoryRunStore store = new MemoryRunStore(100, Long.MAX_VALUE, Duration.ofMinutes(1));
        Run old = run(Instant.now().minus(Duration.ofMinutes(2)));
        store.claim("k", "f", old).await().indefinitely();
        store.queued(old);
        old.markRunning();
        old.finish(Outcome.SUCCESS, null);
        store.finished(old, Outcome.SUCCESS, 1, null);

        Run next = run(Instant.now());
        assertThat(store.claim("k", "other", next).await().indefinitely()).as("the old run's key expired").isNull();
        Run third = run(Instant.now());
        assertThat(store.claim("k", "other", third).await().indefinitely().run()).isSameAs(next);
    }

    @Test
    void aReleasedKeyIsFree() {
        MemoryRunStore store = new MemoryRunStore(10, Long.MAX_VALUE, Duration.ofHours(1));
        Run first = run(Instant.now());
        store.claim("k", "f", first).await().indefinitely();
        store.release("k", first);

        assertThat(store.claim("k", "f", run(Instant.now())).await().indefinitely()).isNull();
    }

    @Test
    void shutdownCancelsQueuedAsyncRunsOnly() {
        MemoryRunStore store = new MemoryRunStore(10, Long.MAX_VALUE, Duration.ofHours(1));
        Run queued = stored(store, RunStatus.QUEUED);
        Run running = stored(store, RunStatus.RUNNING);

        store.shutdown();

        assertThat(queued.cancelRequested()).isTrue();
        assertThat(queued.cancelReason()).isEqualTo("Deployment shutting down");
        assertThat(running.cancelRequested()).isFalse();
    }
}
