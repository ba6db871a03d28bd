package io.quarkiverse.pipelinedeployment.runtime.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

import io.quarkiverse.pipelinedeployment.InvocationResponse;
import io.quarkiverse.pipelinedeployment.InvocationResponse.Outcome;
import io.quarkiverse.pipelinedeployment.runtime.engine.EngineRuns;
import io.quarkiverse.pipelinedeployment.runtime.engine.Run;
import io.quarkiverse.pipelinedeployment.runtime.engine.RunEvents;
import io.quarkiverse.pipelinedeployment.runtime.engine.RunSource;
import io.quarkiverse.pipelinedeployment.runtime.engine.RunStatus;

class MemoryRunStoreTest {

    private static final ObjectWriter WRITER = new ObjectMapper().writer();

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

    private static final InvocationResponse ENVELOPE = new InvocationResponse(true, Map.of("score", 0.5), 0.25, null,
            null, Outcome.SUCCESS);

    /** A run that ended with an envelope: synchronous ones wait for their answer to be written. */
    private Run answered(MemoryRunStore store, boolean async, Instant created) {
        sequence++;
        Run run = EngineRuns.executed(new Run("run-" + sequence, "name-" + sequence, sequence, RunSource.HTTP, created,
                new RunEvents(10), async));
        store.queued(run);
        run.markRunning();
        run.finish(Outcome.SUCCESS, ENVELOPE);
        store.finished(run, Outcome.SUCCESS, 1, ENVELOPE);
        return run;
    }

    private static Run find(MemoryRunStore store, String id) {
        return store.find(id).await().indefinitely();
    }

    @Test
    void evictionDropsTheOldestFinishedRunsAndNeverQueuedOrRunningOnes() {
        MemoryRunStore store = new MemoryRunStore(3, Long.MAX_VALUE, Duration.ofHours(1), WRITER);
        Run queued = stored(store, RunStatus.QUEUED);
        Run running = stored(store, RunStatus.RUNNING);
        List<Run> finished = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            finished.add(stored(store, RunStatus.COMPLETED));
        }

        assertThat(store.kept().runs()).isEqualTo(3);
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
        MemoryRunStore store = new MemoryRunStore(1000, 150_000, Duration.ofHours(1), WRITER);
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

        assertThat(store.kept().runs()).isEqualTo(3);
        assertThat(find(store, runs.get(5).id())).isNotNull();
        assertThat(find(store, runs.get(2).id())).isNull();
    }

    @Test
    void unfinishedRunsMayExceedTheBoundUntilTheyEnd() {
        MemoryRunStore store = new MemoryRunStore(2, Long.MAX_VALUE, Duration.ofHours(1), WRITER);
        Run a = stored(store, RunStatus.RUNNING);
        Run b = stored(store, RunStatus.RUNNING);
        Run c = stored(store, RunStatus.QUEUED);

        assertThat(store.kept().runs()).isEqualTo(3);

        a.finish(Outcome.SUCCESS, null);
        store.finished(a, Outcome.SUCCESS, 1, null);

        assertThat(store.kept().runs()).isEqualTo(2);
        assertThat(find(store, a.id())).isNull();
        assertThat(find(store, b.id())).isSameAs(b);
        assertThat(find(store, c.id())).isSameAs(c);
    }

    @Test
    void finishedRunsExpireAfterTheRetention() {
        MemoryRunStore store = new MemoryRunStore(100, Long.MAX_VALUE, Duration.ofMinutes(1), WRITER);
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
        MemoryRunStore store = new MemoryRunStore(100, Long.MAX_VALUE, Duration.ofHours(1), WRITER);
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
        MemoryRunStore store = new MemoryRunStore(1, Long.MAX_VALUE, Duration.ofHours(1), WRITER);
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
        MemoryRunStore store = new MemoryRunStore(100, Long.MAX_VALUE, Duration.ofMinutes(1), WRITER);
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
        MemoryRunStore store = new MemoryRunStore(10, Long.MAX_VALUE, Duration.ofHours(1), WRITER);
        Run first = run(Instant.now());
        store.claim("k", "f", first).await().indefinitely();
        store.release("k", first);

        assertThat(store.claim("k", "f", run(Instant.now())).await().indefinitely()).isNull();
    }

    @Test
    void shutdownCancelsQueuedAsyncRunsOnly() {
        MemoryRunStore store = new MemoryRunStore(10, Long.MAX_VALUE, Duration.ofHours(1), WRITER);
        Run queued = stored(store, RunStatus.QUEUED);
        Run running = stored(store, RunStatus.RUNNING);

        store.shutdown();

        assertThat(queued.cancelRequested()).isTrue();
        assertThat(queued.cancelReason()).isEqualTo("Deployment shutting down");
        assertThat(running.cancelRequested()).isFalse();
    }

    @Test
    void aSynchronousRunIsKeptAsBytesOnceItsAnswerIsWrittenAndReadBackAsItWas() throws Exception {
        MemoryRunStore store = new MemoryRunStore(100, Long.MAX_VALUE, Duration.ofHours(1), WRITER);
        Run run = answered(store, false, Instant.now());
        stored(store, RunStatus.RUNNING);
        assertThat(store.kept().archived()).as("its answer is not written yet").isZero();
        assertThat(find(store, run.id())).isSameAs(run);

        byte[] answer = WRITER.writeValueAsBytes(ENVELOPE);
        run.written(ENVELOPE, answer);
        stored(store, RunStatus.RUNNING);

        assertThat(store.kept().archived()).isEqualTo(1);
        assertThat(store.kept().runs()).isEqualTo(3);
        Run kept = find(store, run.id());
        assertThat(kept).isNotSameAs(run);
        assertThat(kept.id()).isEqualTo(run.id());
        assertThat(kept.name()).isEqualTo(run.name());
        assertThat(kept.sequence()).isEqualTo(run.sequence());
        assertThat(kept.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(kept.created()).isEqualTo(run.created());
        assertThat(kept.started()).isEqualTo(run.started());
        assertThat(kept.finished()).isEqualTo(run.finished());
        assertThat(kept.envelopeJson()).isEqualTo(answer);
        assertThat(kept.executionTime()).isEqualTo(0.25);
        assertThat(kept.async()).isFalse();
    }

    @Test
    void aSynchronousRunWhoseAnswerIsNeverWrittenIsKeptAsItIsAndEvictedLikeAnyOther() throws Exception {
        // No wait for answers: the next run queued finds it unanswered past the wait
        MemoryRunStore store = new MemoryRunStore(2, Long.MAX_VALUE, Duration.ofHours(1), WRITER, 0);
        Run unanswered = answered(store, false, Instant.now());
        Run next = answered(store, true, Instant.now());

        assertThat(find(store, unanswered.id())).as("kept as it is").isSameAs(unanswered);
        assertThat(store.kept().archived()).isEqualTo(1);

        answered(store, true, Instant.now());
        assertThat(find(store, unanswered.id())).as("the oldest ended run went").isNull();
        assertThat(find(store, next.id())).isNotNull();
    }

    @Test
    void anAsynchronousRunIsKeptAsBytesWhenItEnds() throws Exception {
        MemoryRunStore store = new MemoryRunStore(100, Long.MAX_VALUE, Duration.ofHours(1), WRITER);
        Run run = answered(store, true, Instant.now());

        assertThat(store.kept().archived()).isEqualTo(1);
        assertThat(find(store, run.id()).envelopeJson()).isEqualTo(WRITER.writeValueAsBytes(ENVELOPE));
        assertThat(find(store, "run-unknown")).isNull();
    }

    @Test
    void evictionTakesTheOldestEndedRunWhetherKeptAsBytesOrAsAnObject() {
        MemoryRunStore store = new MemoryRunStore(3, Long.MAX_VALUE, Duration.ofHours(1), WRITER);
        Run running = stored(store, RunStatus.RUNNING);
        Run bytes1 = answered(store, true, Instant.now());
        Run object2 = stored(store, RunStatus.COMPLETED);
        Run bytes3 = answered(store, true, Instant.now());
        Run bytes4 = answered(store, true, Instant.now());

        assertThat(store.kept().runs()).isEqualTo(3);
        assertThat(find(store, running.id())).isSameAs(running);
        assertThat(find(store, bytes1.id())).isNull();
        assertThat(find(store, object2.id())).isNull();
        assertThat(find(store, bytes3.id())).isNotNull();
        assertThat(find(store, bytes4.id())).isNotNull();
    }

    @Test
    void manyRunsKeptAsBytesAreFoundAndEvictedInOrder() {
        MemoryRunStore store = new MemoryRunStore(1000, Long.MAX_VALUE, Duration.ofHours(1), WRITER);
        List<Run> runs = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            runs.add(answered(store, true, Instant.now()));
        }

        assertThat(store.kept().archived()).isEqualTo(1000);
        for (int i = 0; i < 2500; i++) {
            Run kept = find(store, runs.get(i).id());
            if (i < 1500) {
                assertThat(kept).as("run %d", i).isNull();
            } else {
                assertThat(kept).as("run %d", i).isNotNull();
                assertThat(kept.sequence()).isEqualTo(runs.get(i).sequence());
            }
        }
    }

    @Test
    void runsAddedBetweenLookupsAreIndexedOnDemandThroughGrowthAndEviction() {
        // The archive indexes runs when one is next looked up: lookups between batches of every size, while the
        // archive grows (from 256 slots) and then evicts, with part of it indexed and part not
        MemoryRunStore store = new MemoryRunStore(700, Long.MAX_VALUE, Duration.ofHours(1), WRITER);
        Random random = new Random(7);
        List<Run> runs = new ArrayList<>();
        while (runs.size() < 3000) {
            int batch = random.nextInt(random.nextBoolean() ? 5 : 400);
            for (int i = 0; i < batch; i++) {
                runs.add(answered(store, true, Instant.now()));
            }
            int keptFrom = Math.max(0, runs.size() - 700);
            for (int look = 0; look < 20 && !runs.isEmpty(); look++) {
                int i = random.nextInt(runs.size());
                Run kept = find(store, runs.get(i).id());
                if (i < keptFrom) {
                    assertThat(kept).as("run %d of %d", i, runs.size()).isNull();
                } else {
                    assertThat(kept).as("run %d of %d", i, runs.size()).isNotNull();
                    assertThat(kept.sequence()).isEqualTo(runs.get(i).sequence());
                }
            }
            assertThat(find(store, "run-unknown")).isNull();
        }
        for (int i = 0; i < runs.size(); i++) {
            assertThat(find(store, runs.get(i).id()) != null).as("run %d", i).isEqualTo(i >= runs.size() - 700);
        }
    }

    @Test
    void theMemoryBoundCountsTheBytesOfKeptRuns() throws Exception {
        MemoryRunStore probe = new MemoryRunStore(1000, Long.MAX_VALUE, Duration.ofHours(1), WRITER);
        answered(probe, true, Instant.now());
        long each = probe.kept().archivedBytes();
        assertThat(each).isGreaterThan(WRITER.writeValueAsBytes(ENVELOPE).length + RunArchive.ENTRY_BYTES);
        // Room for ten kept runs, and for the run being recorded as an object
        MemoryRunStore store = new MemoryRunStore(1000, LiveRuns.weight(run(Instant.now())) + 10 * each,
                Duration.ofHours(1), WRITER);
        for (int i = 0; i < 50; i++) {
            answered(store, true, Instant.now());
        }

        assertThat(store.kept().archived()).isEqualTo(10);
        // The ids and names of later runs are a few characters longer than the probe's
        assertThat(store.kept().archivedBytes()).isBetween(10 * each, 10 * (each + 4));
    }

    @Test
    void runsKeptAsBytesExpireAfterTheRetention() {
        MemoryRunStore store = new MemoryRunStore(100, Long.MAX_VALUE, Duration.ofMinutes(1), WRITER);
        Run old = answered(store, true, Instant.now().minus(Duration.ofMinutes(2)));
        Run recent = answered(store, true, Instant.now());

        assertThat(find(store, old.id())).isNull();
        assertThat(find(store, recent.id())).isNotNull();
        assertThat(store.kept().archived()).as("the expired run went with the next run").isEqualTo(1);
    }

    @Test
    void listsMergeRunsKeptAsBytesAndAsObjectsNewestFirst() {
        MemoryRunStore store = new MemoryRunStore(100, Long.MAX_VALUE, Duration.ofHours(1), WRITER);
        List<Run> runs = List.of(answered(store, true, Instant.now()), stored(store, RunStatus.COMPLETED),
                answered(store, true, Instant.now()), stored(store, RunStatus.RUNNING),
                answered(store, true, Instant.now()));
        assertThat(store.kept().archived()).isEqualTo(3);

        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            RunStore.Page page = store.list(new RunStore.Query(null, null, 2, cursor)).await().indefinitely();
            page.runs().forEach(run -> ids.add(run.id()));
            cursor = page.next();
        } while (cursor != null);
        assertThat(ids).containsExactly(runs.get(4).id(), runs.get(3).id(), runs.get(2).id(), runs.get(1).id(),
                runs.get(0).id());
        assertThat(store.list(new RunStore.Query(Set.of(RunStatus.COMPLETED), null, 10, null)).await().indefinitely()
                .runs()).extracting(Run::id).containsExactly(runs.get(4).id(), runs.get(2).id(), runs.get(1).id(),
                        runs.get(0).id());
    }

    @Test
    void aKeyMapsToItsRunKeptAsBytesUntilItIsEvicted() {
        MemoryRunStore store = new MemoryRunStore(1, Long.MAX_VALUE, Duration.ofHours(1), WRITER);
        sequence++;
        Run keyed = EngineRuns.executed(
                new Run("run-" + sequence, "n", sequence, RunSource.HTTP, Instant.now(), new RunEvents(10), true));
        assertThat(store.claim("k", "f", keyed).await().indefinitely()).isNull();
        store.queued(keyed);
        keyed.markRunning();
        keyed.finish(Outcome.SUCCESS, ENVELOPE);
        store.finished(keyed, Outcome.SUCCESS, 1, ENVELOPE);
        assertThat(store.kept().archived()).isEqualTo(1);

        RunStore.Claim held = store.claim("k", "f", run(Instant.now())).await().indefinitely();
        assertThat(held.run().id()).isEqualTo(keyed.id());
        assertThat(held.run()).as("read back from its bytes: the key no longer holds the object").isNotSameAs(keyed);
        assertThat(held.run().envelopeJson()).isNotNull();

        answered(store, true, Instant.now());
        assertThat(find(store, keyed.id())).isNull();
        assertThat(store.claim("k", "f", run(Instant.now())).await().indefinitely()).as("its run was evicted").isNull();
    }

    @Test
    void aRunThatEndedBeforeItWasQueuedIsKeptAndEvictedLikeAnyOther() {
        MemoryRunStore store = new MemoryRunStore(1, Long.MAX_VALUE, Duration.ofHours(1), WRITER);
        sequence++;
        Run early = EngineRuns.executed(
                new Run("run-" + sequence, "n", sequence, RunSource.HTTP, Instant.now(), new RunEvents(10), true));
        early.markRunning();
        early.finish(Outcome.SUCCESS, ENVELOPE);
        store.finished(early, Outcome.SUCCESS, 1, ENVELOPE);
        store.queued(early);

        assertThat(store.kept().archived()).isEqualTo(1);
        answered(store, true, Instant.now());
        assertThat(find(store, early.id())).isNull();
        assertThat(store.kept().runs()).isEqualTo(1);
    }

    @Test
    void aReplacedServicesRunIsKeptAsItIs() {
        MemoryRunStore store = new MemoryRunStore(10, Long.MAX_VALUE, Duration.ofHours(1), WRITER);
        sequence++;
        Run served = new Run("run-" + sequence, "n", sequence, RunSource.HTTP, Instant.now(), new RunEvents(10), true);
        store.queued(served);
        served.markRunning();
        served.finish(Outcome.SUCCESS, ENVELOPE);
        store.finished(served, Outcome.SUCCESS, 1, ENVELOPE);

        assertThat(store.kept().archived()).as("its record's parameters are the request's, not its envelope's").isZero();
        assertThat(find(store, served.id())).isSameAs(served);
    }
}
