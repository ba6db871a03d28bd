package io.quarkiverse.pipelinedeployment.redis.deployment;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkiverse.pipelinedeployment.Pipeline;
import io.quarkiverse.pipelinedeployment.Step;

/**
 * Upper-cases a word in two steps; a word starting with {@code wait-} waits, between them, for {@link #release} of
 * that word (at most 30 s), so that a test sees the run while it runs.
 */
@ApplicationScoped
public class Gated {

    static final ConcurrentHashMap<String, CountDownLatch> GATES = new ConcurrentHashMap<>();

    static void release(String word) {
        gate(word).countDown();
    }

    private static CountDownLatch gate(String word) {
        return GATES.computeIfAbsent(word, w -> new CountDownLatch(1));
    }

    @Step
    String upper(String word) throws InterruptedException {
        if (word.startsWith("wait-")) {
            gate(word).await(30, TimeUnit.SECONDS);
        }
        return word.toUpperCase();
    }

    @Step
    String exclaim(String word) {
        return word + "!";
    }

    @Pipeline(name = "gated")
    public String run(String word) throws InterruptedException {
        return exclaim(upper(word));
    }
}
