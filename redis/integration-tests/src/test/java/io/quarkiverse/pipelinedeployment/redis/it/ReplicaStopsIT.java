package io.quarkiverse.pipelinedeployment.redis.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkiverse.pipelinedeployment.test.RedisServer;
import io.quarkiverse.pipelinedeployment.test.RequiresRedis;

/**
 * Replicas that stop: with {@code runs.redelivery=retry}, the run of a replica killed with {@code kill -9} is queued
 * again once and executed by another replica (at least once: twice here); the runs queued when a replica stops
 * gracefully stay in the shared queue, and another replica executes them.
 */
@RequiresRedis
class ReplicaStopsIT {

    static final RedisServer REDIS = RedisServer.of(ReplicaStopsIT.class);

    @AfterAll
    static void stop() {
        REDIS.close();
    }

    static long executions(String id) {
        Object count = REDIS.command("GET", "it:executions:" + id);
        return count == null ? 0 : Long.parseLong(count.toString());
    }

    @Test
    void aLostRunIsRetriedOnceElsewhere() throws Exception {
        Map<String, String> config = Map.of("quarkus.pipeline.runs.lease", "3s",
                "quarkus.pipeline.runs.redelivery", "retry");
        Replica x = Replica.start("retry-x", REDIS, config);
        String id = x.submit("again", 4_000);
        TwoReplicasIT.awaitStatus(x, id, "running", 10_000);
        try (Replica y = Replica.start("retry-y", REDIS, config)) {
            x.kill();
            JsonNode done = TwoReplicasIT.awaitStatus(y, id, "completed", 3_000 + 5_000 + 10_000);
            assertThat(done.path("outputs").path("output").asText()).isEqualTo("AGAIN");
            assertThat(executions(id)).isEqualTo(2);
            Object own = REDIS.command("HGET", "pipeline:{jobs}:run:" + id, "own");
            assertThat(own).isEqualTo(y.deploymentId);
            List<Sse.Event> events = Sse.read(y, "/runs/" + id + "/events", null, e -> e.kind().equals("run_completed"));
            assertThat(events.stream().filter(e -> e.kind().equals("run_queued")).count()).isEqualTo(2);
            assertThat(events).extracting(Sse.Event::id).doesNotHaveDuplicates().isSorted();
        }
    }

    @Test
    void queuedRunsOutliveTheReplicaThatAcceptedThem() throws Exception {
        Map<String, String> one = Map.of("quarkus.pipeline.thread-pool-size", "1");
        Replica p = Replica.start("stop-p", REDIS, one);
        List<String> ids = new ArrayList<>();
        ids.add(p.submit("busy", 1_500));
        TwoReplicasIT.awaitStatus(p, ids.get(0), "running", 10_000);
        for (int i = 0; i < 3; i++) {
            ids.add(p.submit("waiting" + i, 0));
        }
        assertThat(p.json("/runs/" + ids.get(3)).path("status").asText()).isEqualTo("queued");
        p.close(); // SIGTERM: the run in flight drains; the queued ones stay in Redis
        try (Replica q = Replica.start("stop-q", REDIS, Map.of())) {
            for (String id : ids) {
                JsonNode done = TwoReplicasIT.awaitStatus(q, id, "completed", 20_000);
                assertThat(done.path("status").asText()).isEqualTo("completed");
                assertThat(executions(id)).isEqualTo(1);
            }
            for (String id : ids.subList(1, ids.size())) {
                assertThat(REDIS.command("HGET", "pipeline:{jobs}:run:" + id, "own")).isEqualTo(q.deploymentId);
            }
        }
    }
}
