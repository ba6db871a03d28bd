package io.quarkiverse.pipelinedeployment.runtime.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkiverse.pipelinedeployment.InvocationResponse.StepExecution;

/**
 * The ended steps of a run another replica executes, read from its events (a {@code step_started} and the
 * {@code step_completed} or {@code step_failed} after it): what its record shows before it ends.
 */
final class FollowedSteps {

    private FollowedSteps() {
    }

    static List<StepExecution> of(RunEvents events) {
        List<StepExecution> steps = new ArrayList<>();
        Map<String, String> starts = new HashMap<>();
        events.exportSince(0, (id, kind, data, number) -> {
            if (RunEvent.STEP_STARTED.equals(kind) && data instanceof String step) {
                starts.put(step, FastFormats.iso(Instant.ofEpochSecond(0, number)));
            } else if (RunEvent.STEP_COMPLETED.equals(kind) && data instanceof String step) {
                steps.add(new StepExecution(step, StepExecution.COMPLETED, starts.remove(step), number / 1e9));
            } else if (data instanceof RunEvent.StepEnded failed) {
                steps.add(new StepExecution(failed.step(), StepExecution.FAILED, starts.remove(failed.step()),
                        failed.duration()));
            }
        });
        return steps;
    }
}
