package io.quarkiverse.pipelinedeployment.runtime.engine;

/** For tests of other packages: runs as the built-in engine executes them. */
public final class EngineRuns {

    private EngineRuns() {
    }

    /** Marks {@code run} as executed by the engine (not by a replaced deployment service). */
    public static Run executed(Run run) {
        run.bound(null, null);
        return run;
    }
}
