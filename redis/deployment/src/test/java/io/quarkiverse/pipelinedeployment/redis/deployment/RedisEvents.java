package io.quarkiverse.pipelinedeployment.redis.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkiverse.pipelinedeployment.test.RedisServer;

/** Waits for what the store writes to Redis, read with Redis' own commands. */
final class RedisEvents {

    private RedisEvents() {
    }

    /** Waits until the stream holds {@code count} events (10 s at most). */
    static void await(RedisServer redis, String stream, long count) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while ((Long) redis.command("XLEN", stream) < count) {
            if (System.currentTimeMillis() > deadline) {
                assertThat(redis.command("XRANGE", stream, "-", "+")).as("%d events in %s (keys: %s)", count, stream,
                        redis.command("KEYS", "*")).asList().hasSize((int) count);
            }
            Thread.sleep(20);
        }
    }
}
