package io.quarkiverse.pipelinedeployment.runtime.engine;

import java.util.Locale;

import io.quarkiverse.pipelinedeployment.InvocationResponse.Outcome;

/** Where a run is in its life, as run records and lists report it. */
public enum RunStatus {
    QUEUED,
    RUNNING,
    COMPLETED,
    FAILED,
    TIMED_OUT,
    CANCELLED;

    /** The wire name: {@code queued}, {@code running}, {@code completed}, ... */
    public final String label = name().toLowerCase(Locale.ROOT);

    /** Whether the run has ended. */
    public boolean terminal() {
        return ordinal() >= COMPLETED.ordinal();
    }

    /** The terminal status of an outcome. */
    public static RunStatus of(Outcome outcome) {
        return switch (outcome) {
            case SUCCESS -> COMPLETED;
            case FAILURE -> FAILED;
            case TIMEOUT -> TIMED_OUT;
            case CANCELLED -> CANCELLED;
        };
    }

    /** The status of a wire name, or {@code null} for an unknown one. */
    public static RunStatus parse(String label) {
        for (RunStatus status : values()) {
            if (status.label.equals(label)) {
                return status;
            }
        }
        return null;
    }

    /** The name of the terminal event: {@code run_completed}, {@code run_failed}, ... */
    public String terminalEvent() {
        return "run_" + label;
    }
}
