package io.quarkiverse.pipelinedeployment.runtime.engine;

import java.util.List;

import io.quarkiverse.pipelinedeployment.InvocationResponse;
import io.quarkiverse.pipelinedeployment.InvocationResponse.Outcome;

/**
 * The engine's listeners of runs, fixed when the engine is built, in the order they are told: the statistics, the
 * run's events ({@link RunHistory}), the others (the run store, metrics), the Dev UI's recent invocations.
 */
public final class RunListeners {

    private final RunListener[] all;

    /**
     * @param others listeners besides the statistics, the run events and the recent invocations
     * @param recent the Dev UI's last invocations, or {@code null} outside dev mode
     */
    RunListeners(RunStatistics statistics, List<RunListener> others, RecentInvocations recent) {
        int count = 2 + others.size() + (recent != null ? 1 : 0);
        all = new RunListener[count];
        all[0] = statistics;
        all[1] = new RunHistory();
        for (int i = 0; i < others.size(); i++) {
            all[i + 2] = others.get(i);
        }
        if (recent != null) {
            all[count - 1] = recent;
        }
    }

    /** Every listener, for the step log, which tells them of steps and published events. */
    RunListener[] all() {
        return all;
    }

    public void queued(Run run) {
        for (RunListener listener : all) {
            listener.queued(run);
        }
    }

    public void accepted(Run run) {
        for (RunListener listener : all) {
            listener.accepted(run);
        }
    }

    public void running(Run run) {
        for (RunListener listener : all) {
            listener.running(run);
        }
    }

    public void finished(Run run, Outcome outcome, long nanos, InvocationResponse response) {
        for (RunListener listener : all) {
            listener.finished(run, outcome, nanos, response);
        }
    }

    public void rejected(Run run) {
        for (RunListener listener : all) {
            listener.rejected(run);
        }
    }
}
