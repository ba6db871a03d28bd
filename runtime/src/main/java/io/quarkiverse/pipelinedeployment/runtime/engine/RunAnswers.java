package io.quarkiverse.pipelinedeployment.runtime.engine;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import org.jboss.logging.Logger;

import io.quarkiverse.pipelinedeployment.DeploymentInfo;
import io.quarkiverse.pipelinedeployment.InvocationResponse;
import io.quarkiverse.pipelinedeployment.InvocationResponse.Outcome;

/**
 * The single answer of a run that ended: its outputs shaped as the pipeline declares them, or the reason it failed
 * or ran out of time (logged), with the run's metadata and steps.
 */
final class RunAnswers {

    private static final Logger LOG = Logger.getLogger(PipelineRun.class);

    private RunAnswers() {
    }

    /**
     * @param seconds how long the run took
     * @param limit the run's time limit, in seconds
     */
    static InvocationResponse answer(Deployment deployment, Run run, ParameterBinder.Bound bound, StepLog steps,
            Outcome outcome, Object result, Throwable failure, double seconds, double limit) {
        String runId = run.id();
        String runName = run.name();
        DeploymentInfo.Snapshot snapshot = deployment.info().snapshot();
        String pipeline = deployment.definition().getName();
        InvocationResponse.Metadata metadata = new InvocationResponse.Metadata(deployment.id(), deployment.name(),
                snapshot.id(), snapshot.name(), pipeline, runId, runName, bound.used(), steps.snapshot(),
                steps.omitted());
        return switch (outcome) {
            case SUCCESS -> new InvocationResponse(true, outputs(deployment, result), seconds, metadata, null, outcome);
            case FAILURE -> {
                Throwable cause = unwrap(failure);
                LOG.warnf(cause, "Pipeline %s run %s (%s) failed", pipeline, ClientText.forLog(runName), runId);
                yield new InvocationResponse(false, null, seconds, metadata,
                        "Failed to execute pipeline: " + cause.getClass().getSimpleName() + ": " + cause.getMessage(),
                        outcome);
            }
            case TIMEOUT -> {
                LOG.warnf("Pipeline %s run %s (%s) timed out after %.3f s", pipeline, ClientText.forLog(runName),
                        runId, limit);
                yield new InvocationResponse(false, null, seconds, metadata,
                        "Pipeline execution timed out after " + limit + " seconds", outcome);
            }
            case CANCELLED -> new InvocationResponse(false, null, seconds, metadata, run.cancelReason(), outcome);
        };
    }

    /**
     * The envelope of a run a replaced service executed on its own, when that service gave none: it failed, or the
     * run was cancelled.
     */
    static InvocationResponse unanswered(Deployment deployment, Run run, Outcome outcome, Throwable failure,
            double seconds) {
        DeploymentInfo.Snapshot snapshot = deployment.info().snapshot();
        InvocationResponse.Metadata metadata = new InvocationResponse.Metadata(deployment.id(), deployment.name(),
                snapshot.id(), snapshot.name(), deployment.definition().getName(), run.id(), run.name(),
                run.parametersUsed(), List.of(), 0);
        String error;
        if (outcome == Outcome.CANCELLED) {
            error = run.cancelReason();
        } else {
            Throwable cause = unwrap(failure);
            error = "Failed to execute pipeline: " + cause.getClass().getSimpleName() + ": " + cause.getMessage();
        }
        return new InvocationResponse(false, null, seconds, metadata, error, outcome);
    }

    static InvocationResponse lost(Deployment deployment, Run run, String error, double seconds) {
        DeploymentInfo.Snapshot snapshot = deployment.info().snapshot();
        InvocationResponse.Metadata metadata = new InvocationResponse.Metadata(deployment.id(), deployment.name(),
                snapshot.id(), snapshot.name(), deployment.definition().getName(), run.id(), run.name(),
                run.parametersUsed(), run.steps(), 0);
        return new InvocationResponse(false, null, seconds, metadata, error, Outcome.FAILURE);
    }

    private static Object outputs(Deployment deployment, Object result) {
        return switch (deployment.definition().getOutputKind()) {
            case OBJECT -> result == null ? Map.of() : result;
            case WRAPPED -> Collections.singletonMap("output", result);
            case NONE -> Map.of();
        };
    }

    private static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
