package io.quarkiverse.pipelinedeployment.runtime.engine;

import java.time.Instant;

import io.quarkiverse.pipelinedeployment.InvocationResponse;
import io.quarkiverse.pipelinedeployment.InvocationResponse.Outcome;

/**
 * Turns what happens to a recorded run into its events: {@code run_queued}, {@code run_started}, the steps, the
 * pipeline's own events and one terminal event whose data is the envelope. A listener of runs.
 */
final class RunHistory implements RunListener {

    @Override
    public void queued(Run run) {
        RunEvents events = run.events();
        if (events != null && events.lastId() == 0) { // a run taken from a shared queue was queued there
            events.appendFromRun(RunEvent.QUEUED, false);
        }
    }

    @Override
    public void running(Run run) {
        RunEvents events = run.events();
        if (events != null) {
            events.appendFromRun(RunEvent.STARTED, false);
        }
    }

    @Override
    public void stepStarted(Run run, String step, Instant start) {
        RunEvents events = run.events();
        if (events != null) {
            events.appendStep(RunEvent.STEP_STARTED, step, start.getEpochSecond() * 1_000_000_000L + start.getNano());
        }
    }

    @Override
    public void stepFinished(Run run, String step, long nanos, String error) {
        RunEvents events = run.events();
        if (events != null) {
            if (error == null) {
                events.appendStep(RunEvent.STEP_COMPLETED, step, nanos);
            } else {
                events.append(RunEvent.STEP_FAILED, new RunEvent.StepEnded(step, nanos / 1_000_000_000.0, error), false);
            }
        }
    }

    @Override
    public void published(Run run, String kind, Object data) {
        RunEvents events = run.events();
        if (events != null) {
            events.append(kind, data, false);
        }
    }

    @Override
    public void finished(Run run, Outcome outcome, long nanos, InvocationResponse response) {
        RunEvents events = run.events();
        if (events != null) {
            events.appendFromRun(RunStatus.of(outcome).terminalEvent(), true);
        }
    }
}
