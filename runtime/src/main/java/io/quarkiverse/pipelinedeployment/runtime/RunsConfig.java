package io.quarkiverse.pipelinedeployment.runtime;

import java.time.Duration;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.WithDefault;

/**
 * Run records and events ({@code quarkus.pipeline.runs.*}, run time).
 */
public interface RunsConfig {

    /** Whether synchronous invocations are recorded as runs. */
    enum Record {
        /** Every invocation is a run with a record and events, synchronous ones too. */
        ALL,
        /** Only asynchronous submissions are recorded; a synchronous invocation leaves no record. */
        ASYNC
    }

    /**
     * How long a finished run's record, events and idempotency key are kept, counted from its creation. Must be
     * greater than 0.
     */
    @WithDefault("24h")
    Duration retention();

    /** What becomes of a run whose replica stopped holding its lease (the {@code redis} store). */
    enum Redelivery {
        /** The run ends {@code failed}, with {@code Run lost: deployment <id> stopped}. */
        FAIL,
        /** The run is queued again, once (at least once); lost a second time, it ends {@code failed}. */
        RETRY
    }

    /**
     * The most run records kept. Beyond it, the oldest finished runs are dropped first; queued and running runs
     * never are. At least 1. A record keeps the run's parameters and outputs: size it with them in mind.
     */
    @WithDefault("10000")
    int maxRecords();

    /**
     * The most memory the kept runs may hold. A finished run is kept as bytes (its record, its envelope as the JSON it
     * was answered with, and its events) and counts their size; a queued or running run counts an estimate from the
     * size of its request (its parameters as a JSON tree of about four times their text, plus about 2 KiB). Beyond
     * it, the oldest finished runs are dropped first, as beyond {@code max-records}; queued and running runs never
     * are. Defaults to a tenth of the maximum heap.
     */
    Optional<MemorySize> maxMemory();

    /**
     * The most events kept per run. Beyond it, the oldest events are dropped, and a client resuming from one of
     * them first gets a {@code gap} event. At least 1 (the terminal event is always kept).
     */
    @WithDefault("10000")
    int maxEvents();

    /**
     * Which invocations are recorded as runs: {@code all} (synchronous invocations too, so they can be looked up
     * and followed) or {@code async} (only {@code POST <runs>} and {@code Prefer: respond-async} submissions).
     */
    @WithDefault("all")
    Record record();

    /**
     * How often an event stream ({@code GET <runs>/<id>/events}) that has nothing to send sends a
     * {@code : keepalive} comment, so that proxies and load balancers keep the connection open. Keep it below
     * the shortest idle timeout between the clients and the service. Must be greater than 0.
     */
    @WithDefault("15s")
    Duration keepaliveInterval();

    /**
     * With the {@code redis} store: how long a replica holds each run it executes without renewing it (it renews
     * every third of this). When a replica stops holding a run's lease (it crashed, or was killed), another replica
     * ends the run as {@code runs.redelivery} says within about this long. At least 3 seconds.
     */
    @WithDefault("15s")
    Duration lease();

    /**
     * With the {@code redis} store: what becomes of a run whose replica stopped holding its lease: {@code fail} (it
     * ends {@code failed} with {@code Run lost: deployment <id> stopped}) or {@code retry} (it is queued again once,
     * so the pipeline may run twice for it: at least once).
     */
    @WithDefault("fail")
    Redelivery redelivery();

}
