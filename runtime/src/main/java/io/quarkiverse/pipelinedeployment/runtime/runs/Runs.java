package io.quarkiverse.pipelinedeployment.runtime.runs;

import io.quarkiverse.pipelinedeployment.DeploymentService;
import io.quarkiverse.pipelinedeployment.InvocationRequest;
import io.quarkiverse.pipelinedeployment.InvocationResponse;
import io.quarkiverse.pipelinedeployment.runtime.engine.Handoff;
import io.quarkiverse.pipelinedeployment.runtime.engine.PipelineRuntime;
import io.quarkiverse.pipelinedeployment.runtime.engine.Run;
import io.quarkiverse.pipelinedeployment.runtime.engine.RunSource;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniSubscriber;

/**
 * The one entry of runs: {@link #submit} starts a run of a request from a source (an HTTP request now; Kafka and the
 * batcher next), synchronously (someone waits for its answer) or asynchronously (nobody does), with an optional
 * idempotency key. The deployment service executes it; the built-in one executes it as that very run, so its steps,
 * events and cancellation are the engine's.
 */
public final class Runs {

    /** How a submission ended. */
    public enum Kind {
        /** A new run was accepted (for a synchronous one: handed to the service, which answers the subscriber). */
        ACCEPTED,
        /** The idempotency key maps to a run of the same request: {@link Result#run()}. */
        REPLAYED,
        /** The idempotency key maps to a run of a different request. */
        KEY_REUSED,
        /** An asynchronous submission was turned away before a run existed: {@link Result#failure()}. */
        FAILED
    }

    /** Who waits for a synchronous run's answer, told which run it is before it starts. */
    public interface Answer extends UniSubscriber<InvocationResponse> {
        void run(Run run);
    }

    /** The result of a submission. */
    public record Result(Kind kind, Run run, Throwable failure) {
    }

    private final PipelineRuntime runtime;
    private final RunStore store;
    private final DeploymentService service;

    public Runs(PipelineRuntime runtime, RunStore store, DeploymentService service) {
        this.runtime = runtime;
        this.store = store;
        this.service = service;
    }

    public RunStore store() {
        return store;
    }

    public PipelineRuntime runtime() {
        return runtime;
    }

    /**
     * Starts a run of {@code request}. Must be called on the request's Vert.x context.
     *
     * @param answer who waits for the run's answer (a synchronous invocation; it also gets the failures: 422, 503),
     *        or {@code null} for an asynchronous submission
     * @param key the idempotency key scoped by the caller's credentials, or {@code null}
     * @param fingerprint the request's fingerprint, with {@code key}
     * @param invoke the run's {@code Uni}, or {@code null} to ask the deployment service for it
     */
    public Uni<Result> submit(InvocationRequest request, RunSource source, UniSubscriber<InvocationResponse> answer,
            String key, String fingerprint, Uni<InvocationResponse> invoke, long requestBytes) {
        // A run with an idempotency key is recorded whatever runs.record says: the key maps to it for the retention
        Run run = runtime.newRun(request, source, answer == null, key != null);
        run.sized(requestBytes);
        boolean queue = answer == null && store.sharesQueue();
        if (key == null) {
            return queue ? enqueue(request, run, null) : Uni.createFrom().item(start(request, run, answer, null, invoke));
        }
        return store.claim(key, fingerprint, run).flatMap(held -> {
            if (held == null) {
                return queue ? enqueue(request, run, key) : Uni.createFrom().item(start(request, run, answer, key, invoke));
            }
            return Uni.createFrom().item(new Result(
                    held.fingerprint().equals(fingerprint) ? Kind.REPLAYED : Kind.KEY_REUSED, held.run(), null));
        });
    }

    /** Whether asynchronous submissions go into the store's shared queue ({@link #submit} then, not {@link #start}). */
    public boolean sharesQueue() {
        return store.sharesQueue();
    }

    /** Queues an asynchronous run in the store's shared queue, once its request passes the checks of a run. */
    private Uni<Result> enqueue(InvocationRequest request, Run run, String key) {
        RuntimeException turnedAway = runtime.check(request);
        Uni<Run> queued = turnedAway != null ? Uni.createFrom().failure(turnedAway) : store.enqueue(run, request);
        return queued.map(seen -> new Result(Kind.ACCEPTED, seen, null)).onFailure().recoverWithItem(failure -> {
            if (key != null) {
                store.release(key, run);
            }
            return new Result(Kind.FAILED, run, failure);
        });
    }

    /**
     * Executes, here, a run another replica queued in the store's shared queue: as it was submitted, asynchronously.
     *
     * @return {@code ACCEPTED}, or {@code FAILED} with why it did not start (turned away, or it failed at once)
     */
    public Result execute(InvocationRequest request, Run run) {
        return start(request, run, null, null, null);
    }

    /**
     * Starts a run with no idempotency key, at once: what {@link #submit} does, without its {@code Uni}, for the
     * synchronous invocations on the hot path.
     */
    public Result start(InvocationRequest request, RunSource source, UniSubscriber<InvocationResponse> answer,
            Uni<InvocationResponse> invoke, long requestBytes) {
        Run run = runtime.newRun(request, source, answer == null);
        run.sized(requestBytes);
        return start(request, run, answer, null, invoke);
    }

    private Result start(InvocationRequest request, Run run, UniSubscriber<InvocationResponse> answer, String key,
            Uni<InvocationResponse> invoke) {
        if (answer instanceof Answer known) {
            known.run(run);
        }
        Tracker tracker = new Tracker(runtime, run, request, answer);
        Handoff.handing(run, () -> {
            Uni<InvocationResponse> uni = invoke;
            if (uni == null) {
                try {
                    uni = service.invoke(request);
                } catch (Throwable t) {
                    uni = Uni.createFrom().failure(t);
                }
            }
            uni.subscribe().withSubscriber(tracker);
        });
        Throwable failure = tracker.submitted();
        if (failure != null) {
            if (key != null) {
                store.release(key, run);
            }
            return new Result(Kind.FAILED, run, failure);
        }
        return new Result(Kind.ACCEPTED, run, null);
    }
}
