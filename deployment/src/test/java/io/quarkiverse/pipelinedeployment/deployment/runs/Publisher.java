package io.quarkiverse.pipelinedeployment.deployment.runs;

import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import io.quarkiverse.pipelinedeployment.Pipeline;
import io.quarkiverse.pipelinedeployment.RunContext;

/**
 * A pipeline that the test drives, for the event stream tests: on each command of its {@code channel} it publishes
 * that many {@code tick} events (data {@code {"n": <k>, "pad": "<size characters>"}}, k counting from 1) and
 * acknowledges them; a command of 0 ends the run.
 */
public class Publisher {

    static final Map<String, BlockingQueue<Integer>> COMMANDS = new ConcurrentHashMap<>();
    static final Map<String, BlockingQueue<Integer>> ACKS = new ConcurrentHashMap<>();

    @Inject
    RunContext run;

    /** Publishes {@code count} more ticks in the run of {@code channel} and waits until they are published. */
    static void publish(String channel, int count) throws InterruptedException {
        commands(channel).put(count);
        Integer ack = acks(channel).poll(30, TimeUnit.SECONDS);
        if (ack == null || ack != count) {
            throw new AssertionError("The pipeline did not publish " + count + " events: " + ack);
        }
    }

    /** Ends the run of {@code channel}. */
    static void finish(String channel) throws InterruptedException {
        commands(channel).put(0);
    }

    static BlockingQueue<Integer> commands(String channel) {
        return COMMANDS.computeIfAbsent(channel, c -> new LinkedBlockingQueue<>());
    }

    static BlockingQueue<Integer> acks(String channel) {
        return ACKS.computeIfAbsent(channel, c -> new LinkedBlockingQueue<>());
    }

    @Pipeline
    public int publisher(String channel, int size) throws InterruptedException {
        String pad = "x".repeat(size);
        int published = 0;
        while (true) {
            Integer count = commands(channel).poll(30, TimeUnit.SECONDS);
            if (count == null) {
                throw new IllegalStateException("No command for 30 s");
            }
            if (count == 0) {
                return published;
            }
            for (int i = 0; i < count; i++) {
                run.publish("tick", Map.of("n", ++published, "pad", pad));
            }
            acks(channel).put(count);
        }
    }
}
