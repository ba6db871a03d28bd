package io.quarkiverse.pipelinedeployment.runtime.runs;

import io.quarkiverse.pipelinedeployment.InvocationRequest;
import io.quarkiverse.pipelinedeployment.InvocationResponse;
import io.quarkiverse.pipelinedeployment.InvocationResponse.Outcome;
import io.quarkiverse.pipelinedeployment.runtime.engine.PipelineRuntime;
import io.quarkiverse.pipelinedeployment.runtime.engine.Run;
import io.smallrye.mutiny.subscription.UniSubscriber;
import io.smallrye.mutiny.subscription.UniSubscription;

/**
 * Subscribes to the deployment service's answer for a run and passes it on to whoever waits for it (nobody, for an
 * asynchronous run). A failure during the submission itself (the parameters do not bind, the queue is full) is kept
 * for {@link #submitted()}. When the service did not execute the run through the engine (a replaced service that
 * does not call the built-in one), the tracker moves the run along itself: queued, running, then ended with the
 * service's answer, and a cancel cancels the subscription.
 */
final class Tracker implements UniSubscriber<InvocationResponse> {

    private final PipelineRuntime runtime;
    private final Run run;
    private final InvocationRequest request;
    private final UniSubscriber<InvocationResponse> answer;
    private final long startNanos = System.nanoTime();
    private volatile UniSubscription subscription;
    /** While the service is being called (a failure then is the submission's); guarded by this. */
    private boolean submitting = true;
    private Throwable submissionFailure;
    /** The answer of a service run that arrived during the submission (maybe on another thread); guarded by this. */
    private InvocationResponse early;
    /** Whoever waited for the answer went away. */
    private volatile boolean gone;

    Tracker(PipelineRuntime runtime, Run run, InvocationRequest request, UniSubscriber<InvocationResponse> answer) {
        this.runtime = runtime;
        this.run = run;
        this.request = request;
        this.answer = answer;
    }

    @Override
    public void onSubscribe(UniSubscription s) {
        subscription = s;
        if (answer != null) {
            // Whoever waits may go away (the client disconnects): the run is then cancelled
            answer.onSubscribe(this::abandoned);
        }
    }

    /**
     * Whoever waited for the answer went away: the run is cancelled as by the cancel endpoint. The engine cancels a
     * run it executes when its subscription goes; a service run is cancelled here, at once, or as soon as it is
     * queued when this happens during the submission.
     */
    private void abandoned() {
        gone = true;
        if (!run.engineRun()) {
            run.cancel();
        }
        subscription.cancel();
    }

    @Override
    public void onItem(InvocationResponse item) {
        if (!run.engineRun() && !stashed(item)) {
            end(item.outcome() == null ? Outcome.SUCCESS : item.outcome(), item);
        }
        if (answer != null) {
            answer.onItem(item);
        }
    }

    @Override
    public void onFailure(Throwable failure) {
        boolean duringSubmission;
        synchronized (this) {
            duringSubmission = submitting;
            if (duringSubmission) {
                submissionFailure = failure;
            }
        }
        if (!duringSubmission && !run.engineRun()) {
            end(Outcome.FAILURE, runtime.unanswered(run, Outcome.FAILURE, failure, seconds()));
        }
        if (answer != null) {
            answer.onFailure(failure);
        }
    }

    /**
     * The submission returned: the failure that turned the run away before it existed, or {@code null} when the run
     * was accepted (and, for a service run, is now queued and running).
     */
    Throwable submitted() {
        Throwable failure;
        InvocationResponse answered;
        synchronized (this) {
            submitting = false;
            failure = submissionFailure;
            answered = early;
        }
        if (failure != null || run.engineRun()) {
            return failure;
        }
        run.parameters(request.parameters());
        runtime.listeners().queued(run);
        runtime.listeners().accepted(run);
        run.onCancel(this::cancel);
        if (run.markRunning()) {
            runtime.listeners().running(run);
        }
        if (answered != null) {
            end(answered.outcome() == null ? Outcome.SUCCESS : answered.outcome(), answered);
        }
        return null;
    }

    /** Keeps a service run's answer that arrived during the submission; {@code false} after it. */
    private synchronized boolean stashed(InvocationResponse item) {
        if (submitting) {
            early = item;
        }
        return submitting;
    }

    /** A cancel was requested for a service run: stop waiting for the service, and answer the cancelled envelope. */
    private void cancel() {
        UniSubscription s = subscription;
        if (s != null) {
            s.cancel();
        }
        InvocationResponse cancelled = runtime.unanswered(run, Outcome.CANCELLED, null, seconds());
        if (end(Outcome.CANCELLED, cancelled) && answer != null && !gone) {
            answer.onItem(cancelled);
        }
    }

    private boolean end(Outcome outcome, InvocationResponse response) {
        if (run.finish(outcome, response)) {
            runtime.listeners().finished(run, outcome, System.nanoTime() - startNanos, response);
            return true;
        }
        return false;
    }

    private double seconds() {
        return (System.nanoTime() - startNanos) / 1_000_000_000.0;
    }
}
