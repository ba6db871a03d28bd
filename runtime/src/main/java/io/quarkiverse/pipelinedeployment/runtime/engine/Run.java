package io.quarkiverse.pipelinedeployment.runtime.engine;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkiverse.pipelinedeployment.InvocationResponse;
import io.quarkiverse.pipelinedeployment.InvocationResponse.Outcome;
import io.quarkiverse.pipelinedeployment.InvocationResponse.StepExecution;

/**
 * One run of the pipeline as a resource: its identity, where it is in its life, what it was given and what it
 * answered, and its events. Created when the run is accepted (by an HTTP request now; Kafka and the batcher next),
 * before it is queued; the engine moves it along, the run store keeps it, and its events are streamed to the clients
 * that follow it.
 * <p>
 * A run that is not recorded ({@code quarkus.pipeline.runs.record=async} for a synchronous invocation) has no events
 * and is never stored; it still gives the pipeline its {@code RunContext}.
 */
public final class Run extends RunCancellation {

    private final String id;
    private volatile String name;
    private final long sequence;
    private final RunSource source;
    private final Instant created;
    private final RunEvents events;
    private final boolean async;
    private volatile RunStatus status = RunStatus.QUEUED;
    private volatile Instant started;
    private volatile Instant finished;
    private volatile JsonNode parametersUsed;
    private volatile StepLog steps;
    private volatile InvocationResponse response;
    /** The envelope as its synchronous answer wrote it, kept instead of {@code response} and its objects. */
    private volatile byte[] envelopeJson;
    private double seconds;
    private String error;
    private volatile boolean engineRun;
    private long requestBytes;
    /** Read from a store, executed by another replica: follows the store's state of the run. */
    private volatile boolean followed;

    /**
     * @param sequence the run's place in this deployment's creation order (list cursors)
     * @param events the run's events, or {@code null} for a run that is not recorded
     * @param async whether its submitter does not wait for its answer
     */
    public Run(String id, String name, long sequence, RunSource source, Instant created, RunEvents events,
            boolean async) {
        this.id = id;
        this.async = async;
        this.name = name;
        this.sequence = sequence;
        this.source = source;
        this.created = created;
        this.events = events;
        if (events != null) {
            events.of(this);
        }
    }

    /** A kept run read back from a store ({@link RunCodec}): ended, its envelope as the JSON it was answered with. */
    Run(String id, String name, long sequence, RunSource source, boolean async, Instant[] times, RunStatus status,
            byte[] envelope, double seconds, String error, RunEvents events) {
        this(id, name, sequence, source, times[0], events, async);
        this.started = times[1];
        this.finished = times[2];
        this.status = status;
        this.envelopeJson = envelope;
        this.seconds = seconds;
        this.error = error;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    /** Names the run as the request a replaced deployment service handed to the engine did. */
    void rename(String name) {
        this.name = name;
    }

    /** The size of the run's request, in bytes (the store estimates its memory from it); before it is queued. */
    public void sized(long bytes) {
        requestBytes = Math.max(0, bytes);
    }

    public long requestBytes() {
        return requestBytes;
    }

    public long sequence() {
        return sequence;
    }

    public RunSource source() {
        return source;
    }

    public Instant created() {
        return created;
    }

    @Override
    public RunStatus status() {
        return status;
    }

    /** When the pipeline began, or {@code null}. */
    public Instant started() {
        return started;
    }

    /** When the run ended, or {@code null}. */
    public Instant finished() {
        return finished;
    }

    /** The bound parameters with their defaults, once bound; else {@code null}. */
    public JsonNode parametersUsed() {
        return parametersUsed;
    }

    /** The steps that ended so far, in call order; read {@link #envelopeJson()} once it is set. */
    public List<StepExecution> steps() {
        InvocationResponse r = response;
        if (r != null && r.metadata() != null) {
            return r.metadata().steps();
        }
        StepLog log = steps;
        return log != null ? log.snapshot() : followed && events != null ? FollowedSteps.of(events) : List.of();
    }

    /**
     * This run was read from a store and another replica executes it: it takes the state of {@code newer}, the same
     * run read again from the store, before its next event is added.
     */
    public synchronized void follow(Run newer) {
        followed = true;
        status = newer.status;
        started = newer.started;
        finished = newer.finished;
        envelopeJson = newer.envelopeJson;
        seconds = newer.seconds;
        error = newer.error;
        if (newer.parametersUsed != null) {
            parametersUsed = newer.parametersUsed;
        }
        restoreCancel(newer.cancelRequested());
    }

    /** The parameters of a run read from a store, as the replica that bound them wrote them. */
    public void restoreParameters(JsonNode used) {
        parametersUsed = used;
    }

    /** The envelope of the ended run; {@code null} before the end, and once {@link #envelopeJson()} is set. */
    public InvocationResponse response() {
        return response;
    }

    /** The envelope as its synchronous answer wrote it, or {@code null}: then {@link #response()} holds it. */
    public byte[] envelopeJson() {
        return envelopeJson;
    }

    /**
     * Keeps the ended run's envelope as the JSON its synchronous answer wrote, dropping its objects (outputs, steps,
     * parameters): a kept run, one of thousands, then holds a few objects for the collector to copy, not a graph.
     */
    public void written(InvocationResponse answered, byte[] json) {
        InvocationResponse r = response;
        if (r != null && r == answered && events != null) {
            seconds = r.executionTime();
            error = r.error();
            envelopeJson = json;
            response = null;
            parametersUsed = null;
        }
    }

    /** The ended run's error, or {@code null}. */
    public String error() {
        InvocationResponse r = response;
        return r != null ? r.error() : error;
    }

    /** Whether its submitter does not wait for its answer (it was submitted asynchronously). */
    public boolean async() {
        return async;
    }

    /** Whether the run's events are kept (and the run stored). */
    public boolean recorded() {
        return events != null;
    }

    /** The run's events, or {@code null} for a run that is not recorded. */
    public RunEvents events() {
        return events;
    }

    /** Whether the engine executes the run (the built-in service), rather than a replaced service on its own. */
    public boolean engineRun() {
        return engineRun;
    }

    /** The pipeline is about to run with these parameters; {@code steps} records its steps. */
    void bound(JsonNode used, StepLog log) {
        this.engineRun = true;
        this.parametersUsed = used;
        this.steps = log;
    }

    /** The parameters of a run the built-in engine does not execute (a replaced deployment service). */
    public void parameters(JsonNode given) {
        if (parametersUsed == null) {
            parametersUsed = given;
        }
    }

    /** Moves a queued run to {@code running}; {@code false} when it is no longer queued (it was cancelled). */
    public synchronized boolean markRunning() {
        if (status != RunStatus.QUEUED) {
            return false;
        }
        started = Instant.now();
        status = RunStatus.RUNNING;
        return true;
    }

    /** Ends the run with its envelope; {@code false} when it had ended already. */
    public synchronized boolean finish(Outcome outcome, InvocationResponse envelope) {
        if (status.terminal()) {
            return false;
        }
        finished = Instant.now();
        response = envelope;
        status = RunStatus.of(outcome);
        // The stopper holds the execution (and, through it, the request that waited): a kept record must not
        steps = null;
        dropCanceller();
        return true;
    }

    /** Seconds the run took (its envelope's), or has been running so far; 0 before it started. */
    public double executionTime() {
        InvocationResponse r = response;
        Instant from = started;
        return r != null ? r.executionTime()
                : envelopeJson != null ? seconds
                        : from == null ? 0 : (System.currentTimeMillis() - from.toEpochMilli()) / 1000.0;
    }
}
