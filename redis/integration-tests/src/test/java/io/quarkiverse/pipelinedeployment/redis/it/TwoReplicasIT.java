package io.quarkiverse.pipelinedeployment.redis.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkiverse.pipelinedeployment.test.RedisServer;
import io.quarkiverse.pipelinedeployment.test.RequiresRedis;

/**
 * Two replicas of the packaged service, one real {@code redis-server}: a run executed by one is followed, resumed and
 * cancelled on the other; 2,000 asynchronous runs submitted to both are each executed exactly once, by both replicas,
 * and an idempotency key sent to both runs once; a replica killed with {@code kill -9} loses its runs, which end
 * {@code failed} within the lease and 5 s.
 */
@RequiresRedis
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoReplicasIT {

    static final RedisServer REDIS = RedisServer.of(TwoReplicasIT.class);
    static final Map<String, String> CONFIG = Map.of("quarkus.pipeline.runs.lease", "3s");
    static Replica a;
    static Replica b;

    @BeforeAll
    static void start() throws Exception {
        a = Replica.start("a", REDIS, CONFIG);
        b = Replica.start("b", REDIS, CONFIG);
    }

    @AfterAll
    static void stop() throws Exception {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
        REDIS.close();
    }

    static String owner(String id) {
        Object own = REDIS.command("HGET", "pipeline:{jobs}:run:" + id, "own");
        return own == null ? null : own.toString();
    }

    /** Waits until the replica reads the run in this status. */
    static JsonNode awaitStatus(Replica replica, String id, String status, long timeoutMillis) throws Exception {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (true) {
            JsonNode record = replica.json("/runs/" + id);
            if (status.equals(record.path("status").asText())) {
                return record;
            }
            assertThat(System.currentTimeMillis()).as("%s is %s on %s: %s", id, status, replica.name, record)
                    .isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    @Test
    @Order(1)
    void aRunIsFollowedResumedAndCancelledOnTheOtherReplica() throws Exception {
        String id = a.submit("follow", 60_000);
        awaitStatus(a, id, "running", 10_000);
        Replica executing = a.deploymentId.equals(owner(id)) ? a : b;
        Replica other = executing == a ? b : a;

        JsonNode record = awaitStatus(other, id, "running", 5_000);
        assertThat(record.path("parameters_used").path("word").asText()).isEqualTo("follow");
        // Follow on the other replica until the step started, disconnect, resume after the last event seen
        List<Sse.Event> first = Sse.read(other, "/runs/" + id + "/events", null, e -> e.kind().equals("step_started"));
        assertThat(first).extracting(Sse.Event::kind).containsExactly("run_queued", "run_started", "step_started");
        assertThat(first).extracting(Sse.Event::id).containsExactly(1L, 2L, 3L);
        ExecutorService background = Executors.newSingleThreadExecutor();
        Future<List<Sse.Event>> resumed = background.submit(
                () -> Sse.read(other, "/runs/" + id + "/events", "3", e -> e.kind().startsWith("run_")));
        Thread.sleep(300); // the resumed stream follows live

        long cancelled = System.nanoTime();
        HttpResponse<String> cancel = other.post("/runs/" + id + "/cancel", "");
        assertThat(cancel.statusCode()).isEqualTo(202);
        awaitStatus(other, id, "cancelled", 5_000);
        long reachedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - cancelled);
        assertThat(reachedMillis).as("the cancel reached the executing replica within a second").isLessThan(1000);
        JsonNode result = other.json("/runs/" + id + "/result");
        assertThat(result.path("success").asBoolean()).isFalse();
        assertThat(result.path("error").asText()).isEqualTo("Run cancelled");

        List<Sse.Event> rest = resumed.get(10, TimeUnit.SECONDS);
        background.shutdown();
        assertThat(rest).extracting(Sse.Event::id).startsWith(4L);
        assertThat(rest.get(rest.size() - 1).kind()).isEqualTo("run_cancelled");
        List<Long> ids = new ArrayList<>(rest.stream().map(Sse.Event::id).toList());
        assertThat(ids).doesNotHaveDuplicates().isSorted();
    }

    @Test
    @Order(2)
    void twoThousandRunsAreEachExecutedOnceByBothReplicas() throws Exception {
        int total = 2000;
        ExecutorService clients = Executors.newFixedThreadPool(16);
        List<Future<String>> submitted = new ArrayList<>();
        Map<Integer, List<Future<String>>> keyed = new HashMap<>();
        for (int i = 0; i < total; i++) {
            int n = i;
            Replica to = i % 2 == 0 ? a : b;
            if (i % 20 == 0) {
                // The same key sent to both replicas: one run
                String key = "order-" + n;
                List<Future<String>> both = List.of(
                        clients.submit(() -> a.submit("w" + n, 0, "Idempotency-Key", key)),
                        clients.submit(() -> b.submit("w" + n, 0, "Idempotency-Key", key)));
                keyed.put(n, both);
                submitted.add(both.get(0));
            } else {
                submitted.add(clients.submit(() -> to.submit("w" + n, 0)));
            }
        }
        List<String> ids = new ArrayList<>();
        for (Future<String> id : submitted) {
            ids.add(id.get(60, TimeUnit.SECONDS));
        }
        for (List<Future<String>> both : keyed.values()) {
            assertThat(both.get(1).get(60, TimeUnit.SECONDS)).isEqualTo(both.get(0).get());
        }
        List<Future<String>> statuses = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            Replica from = i % 2 == 0 ? b : a;
            statuses.add(clients.submit(() -> from.json("/runs/" + id + "/result?wait=60").path("success").asText()));
        }
        for (Future<String> status : statuses) {
            assertThat(status.get(120, TimeUnit.SECONDS)).isEqualTo("true");
        }
        clients.shutdown();

        Map<String, Integer> byReplica = new HashMap<>();
        for (String id : ids) {
            assertThat(REDIS.command("GET", "it:executions:" + id)).as("executions of %s", id).isEqualTo("1");
            byReplica.merge(owner(id), 1, Integer::sum);
        }
        assertThat(byReplica.keySet()).containsExactlyInAnyOrder(a.deploymentId, b.deploymentId);
        assertThat(byReplica.values()).allSatisfy(count -> assertThat(count).isGreaterThan(0));
        System.out.printf("2000 runs: %s%n", byReplica);
    }

    @Test
    @Order(3)
    void theRunsOfAKilledReplicaEndFailed() throws Exception {
        Replica c = Replica.start("c", REDIS, CONFIG);
        ExecutorService client = Executors.newSingleThreadExecutor();
        // A synchronous invocation executes on the replica it was sent to, under its lease
        client.submit(() -> c.post("/invoke", "{\"parameters\": {\"word\": \"lost\", \"millis\": 60000}}"));
        String id = null;
        long deadline = System.currentTimeMillis() + 10_000;
        while (id == null) {
            for (JsonNode run : b.json("/runs?status=running").path("runs")) {
                String running = run.path("run_id").asText();
                Object parameters = REDIS.command("HGET", "pipeline:{jobs}:run:" + running, "par");
                if (c.deploymentId.equals(owner(running)) && String.valueOf(parameters).contains("\"lost\"")) {
                    id = running;
                }
            }
            assertThat(System.currentTimeMillis()).as("the run on c").isLessThan(deadline);
            Thread.sleep(50);
        }

        long killed = System.nanoTime();
        c.kill();
        JsonNode record = awaitStatus(b, id, "failed", 3_000 + 5_000);
        System.out.printf("lost after %d ms%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killed));
        assertThat(record.path("error").asText()).isEqualTo("Run lost: deployment " + c.deploymentId + " stopped");
        client.shutdownNow();
    }
}
