package io.quarkiverse.pipelinedeployment.runtime.engine;

import io.quarkiverse.pipelinedeployment.InvocationRequest;

/**
 * Hands a run to the engine across the deployment service, which only sees the request: the submitter sets the run
 * on its thread while it calls the service and subscribes, and the engine's next run created on that thread takes it
 * (a replaced service that calls the built-in one keeps it; one that does not leaves it).
 */
public final class Handoff {

    private static final ThreadLocal<Run> HANDED = new ThreadLocal<>();

    private Handoff() {
    }

    /**
     * Calls {@code submit}, which invokes the deployment service and subscribes to its answer, with {@code run} handed
     * to the engine's next run on this thread.
     *
     * @return whether the engine took the run
     */
    public static boolean handing(Run run, Runnable submit) {
        HANDED.set(run);
        try {
            submit.run();
            return HANDED.get() == null;
        } finally {
            // Set to null rather than removed: the thread keeps its entry instead of making one for every request
            HANDED.set(null);
        }
    }

    /**
     * The run handed to the engine on this thread (once), named as the request names it (a replaced service may name
     * the run itself in the request it passes on); a new run when none was handed.
     */
    static Run adopt(PipelineRuntime runtime, InvocationRequest request) {
        Run run = take();
        if (run == null) {
            return runtime.newRun(request, RunSource.HTTP, false);
        }
        if (request.runName() != null && !request.runName().equals(run.name())) {
            run.rename(request.runName());
        }
        return run;
    }

    /** The run handed to the engine on this thread, once, or {@code null}. */
    static Run take() {
        Run run = HANDED.get();
        if (run != null) {
            HANDED.set(null);
        }
        return run;
    }
}
