package io.quarkiverse.pipelinedeployment.runtime.engine;

import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jboss.logging.Logger;

import io.quarkiverse.pipelinedeployment.InvocationRejectedException;
import io.quarkiverse.pipelinedeployment.InvocationRequest;
import io.quarkiverse.pipelinedeployment.InvocationResponse;
import io.quarkiverse.pipelinedeployment.InvocationResponse.Outcome;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Handler;

/**
 * One run of the pipeline, from acceptance to its single response. Whichever comes first, the pipeline's result, the
 * time limit or the subscriber's cancellation (nobody waits for the answer any more), ends the run; the others are
 * ignored. A run that ends early stops its work: a queued one leaves the queue, a running one is interrupted, a
 * {@code Uni} is cancelled.
 */
public final class PipelineRun implements Runnable, Handler<Long> {

    private static final Logger LOG = Logger.getLogger(PipelineRun.class);

    private final PipelineRuntime engine;
    private final RunListeners listeners;
    private final Deployment deployment;
    private final InvocationRequest request;
    private final ParameterBinder.Bound bound;
    private final UniEmitter<? super InvocationResponse> emitter;
    private final Run run;
    private final StepLog steps;
    private final AtomicBoolean done = new AtomicBoolean();
    private final long acceptedNanos = System.nanoTime();
    private final long deadlineNanos;
    private volatile long startedNanos;
    private final RunTimer timer;
    private volatile Future<?> future;
    private volatile Cancellable subscription;

    private PipelineRun(PipelineRuntime runtime, InvocationRequest request, ParameterBinder.Bound bound,
            UniEmitter<? super InvocationResponse> emitter) {
        this.engine = runtime;
        this.listeners = runtime.listeners();
        this.timer = new RunTimer(runtime.vertx());
        this.deployment = runtime.deployment();
        this.request = request;
        this.bound = bound;
        this.emitter = emitter;
        this.run = Handoff.adopt(runtime, request);
        this.deadlineNanos = request.receivedAtNanos() + runtime.timeoutNanos(request.timeout());
        this.steps = new StepLog(run, listeners.all(), runtime.maxRecordedSteps());
        run.bound(bound.used(), steps);
    }

    /**
     * Runs the pipeline with the request's bound parameters, following the pipeline's execution model, as the run
     * handed to the engine ({@link Handoff#handing}) or a new one. Must be called on the request's Vert.x
     * context.
     */
    public static Uni<InvocationResponse> start(PipelineRuntime runtime, InvocationRequest request,
            ParameterBinder.Bound bound) {
        return Uni.createFrom().emitter(emitter -> new PipelineRun(runtime, request, bound, emitter).start());
    }

    private void start() {
        if (engine.stopping()) {
            listeners.queued(run);
            // Another instance can take it at once
            reject("The service is shutting down; retry on another instance", 1);
            return;
        }
        emitter.onTermination(() -> {
            if (done.compareAndSet(false, true)) {
                cancelled();
            }
        });
        listeners.queued(run);
        switch (deployment.definition().getExecutionMode()) {
            case EVENT_LOOP -> {
                accepted();
                runInline();
            }
            case ASYNC -> {
                accepted();
                timer.arm(deadlineNanos, this, done);
                runAsync();
            }
            default -> {
                try {
                    future = engine.pool().executor().submit(this);
                } catch (RejectedExecutionException e) {
                    reject("Too many pipeline invocations in progress: every invocation thread is busy and the queue"
                            + " (quarkus.pipeline.max-queued-invocations) is full", engine.pool().retryAfterSeconds());
                    return;
                }
                accepted();
                timer.arm(deadlineNanos, this, done);
            }
        }
    }

    private void reject(String detail, int retryAfterSeconds) {
        done.set(true);
        listeners.rejected(run);
        emitter.fail(new InvocationRejectedException(detail, retryAfterSeconds));
    }

    private void accepted() {
        listeners.accepted(run);
        // A cancel requested from now on (or before) stops the run
        run.onCancel(this::cancelRequested);
    }

    /** Moves the run to running; {@code false} when it ended while queued. */
    private boolean began() {
        startedNanos = System.nanoTime();
        boolean running = run.markRunning();
        if (running) {
            listeners.running(run);
        }
        return running;
    }

    /** Runs on an invocation thread or a virtual thread. */
    @Override
    public void run() {
        if (done.get() || !began()) {
            return; // ran out of time, or was cancelled, while queued
        }
        long began = startedNanos;
        StepLog previous = steps.enter();
        try {
            finish(Outcome.SUCCESS, engine.invoker().invoke(null, bound.arguments()), null);
        } catch (Throwable t) {
            finish(Outcome.FAILURE, null, t);
        } finally {
            StepLog.exit(previous);
            engine.pool().ranFor(System.nanoTime() - began);
        }
    }

    private void runInline() {
        if (!began()) {
            return;
        }
        StepLog previous = steps.enter();
        Object result;
        try {
            result = engine.invoker().invoke(null, bound.arguments());
        } catch (Throwable t) {
            finish(Outcome.FAILURE, null, t);
            return;
        } finally {
            StepLog.exit(previous);
        }
        // An event-loop pipeline cannot be preempted: its result is discarded if it came too late
        finish(System.nanoTime() - deadlineNanos > 0 ? Outcome.TIMEOUT : Outcome.SUCCESS, result, null);
    }

    private void runAsync() {
        if (!began()) {
            return;
        }
        StepLog previous = steps.enter();
        steps.bindToVertxContext();
        try {
            Uni<?> uni = ExecutionMode.asUni(engine.invoker().invoke(null, bound.arguments()));
            if (done.get()) {
                // Cancelled (or out of time) while the method ran: its Uni is never started
                return;
            }
            subscription = uni.subscribe().with(
                    item -> finish(Outcome.SUCCESS, item, null),
                    failure -> finish(Outcome.FAILURE, null, failure));
            if (done.get()) {
                cancelWork();
            }
        } catch (Throwable t) {
            finish(Outcome.FAILURE, null, t);
        } finally {
            StepLog.exit(previous);
        }
    }

    /** The run's time is up (its Vert.x timer fired). */
    @Override
    public void handle(Long id) {
        if (done.compareAndSet(false, true)) {
            cancelWork();
            emitter.complete(record(Outcome.TIMEOUT, null, null));
        }
    }

    /** The subscriber went away (the client disconnected): cancelled as by the cancel endpoint, nobody answered. */
    private void cancelled() {
        run.cancel(); // only marks it: done is set, so the stop it calls does nothing; the work is stopped here
        timer.cancel();
        cancelWork();
        LOG.debugf("Pipeline %s run %s (%s) cancelled: nobody waits for its answer",
                deployment.definition().getName(), ClientText.forLog(run.name()), run.id());
        record(Outcome.CANCELLED, null, null);
    }

    /** A cancel was requested ({@code POST <runs>/<id>/cancel}): stop the work, answer the cancelled envelope. */
    private void cancelRequested() {
        if (done.compareAndSet(false, true)) {
            timer.cancel();
            cancelWork();
            emitter.complete(record(Outcome.CANCELLED, null, null));
        }
    }

    private void cancelWork() {
        Future<?> f = future;
        if (f != null) {
            f.cancel(true);
            // A queued run gives its place back now, not when a thread would have picked it up
            engine.pool().dequeue(f);
        }
        Cancellable s = subscription;
        if (s != null) {
            s.cancel();
        }
    }

    private void finish(Outcome outcome, Object result, Throwable failure) {
        if (!done.compareAndSet(false, true)) {
            return;
        }
        timer.cancel();
        emitter.complete(record(outcome, result, failure));
    }

    /** Ends the run with its envelope and tells the listeners. */
    private InvocationResponse record(Outcome outcome, Object result, Throwable failure) {
        long end = System.nanoTime();
        long began = startedNanos != 0 ? startedNanos : acceptedNanos;
        InvocationResponse response = RunAnswers.answer(deployment, run, bound, steps, outcome, result, failure,
                (end - began) / 1e9, (deadlineNanos - request.receivedAtNanos()) / 1e9);
        run.finish(outcome, response);
        listeners.finished(run, outcome, end - began, response);
        return response;
    }
}
