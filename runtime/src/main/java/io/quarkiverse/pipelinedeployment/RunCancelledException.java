package io.quarkiverse.pipelinedeployment;

/**
 * Thrown by a {@code @Step} call made after its run was cancelled: once a cancel is requested, no further step of the
 * run starts. The run ends {@code cancelled} whatever the pipeline does with this exception.
 */
public class RunCancelledException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RunCancelledException(String runId) {
        super("Run " + runId + " was cancelled");
    }
}
