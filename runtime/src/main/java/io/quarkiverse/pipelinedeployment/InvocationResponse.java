package io.quarkiverse.pipelinedeployment;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

import io.quarkiverse.pipelinedeployment.runtime.engine.EnvelopeJson;

/**
 * The invoke endpoint's answer, wire-compatible with the seed framework's clients:
 * {@code {"success", "outputs", "execution_time", "metadata", "error"}}.
 *
 * @param success whether the pipeline returned normally
 * @param outputs the pipeline's output: the returned record or POJO, or {@code {"output": value}} for a scalar, list
 *        or map; {@code {}} for {@code void}; {@code null} when the run did not succeed
 * @param executionTime seconds from the start of the run to its end
 * @param metadata who ran what, with which parameters, and the recorded steps
 * @param error {@code null}, or {@code "Failed to execute pipeline: <ExceptionClass>: <message>"}
 * @param outcome how the run ended; decides the HTTP status (200, or 504 for {@link Outcome#TIMEOUT}), not serialized
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({ "success", "outputs", "execution_time", "metadata", "error" })
@JsonSerialize(using = EnvelopeJson.Response.class)
public record InvocationResponse(
        @JsonProperty("success") boolean success,
        @JsonProperty("outputs") Object outputs,
        @JsonProperty("execution_time") double executionTime,
        @JsonProperty("metadata") Metadata metadata,
        @JsonProperty("error") String error,
        @JsonIgnore Outcome outcome) {

    /** How a run ended. */
    public enum Outcome {
        SUCCESS,
        FAILURE,
        TIMEOUT,
        /** Nobody waits for the run any more (the client disconnected): it was stopped, and nothing is answered. */
        CANCELLED;

        /** The label used in metrics: {@code success}, {@code failure}, {@code timeout} or {@code cancelled}. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * The run's metadata.
     *
     * @param parametersUsed the bound parameters, defaults filled in
     * @param steps the recorded {@code @Step} calls, in call order: at most {@code quarkus.pipeline.max-recorded-steps}
     * @param stepsOmitted the calls made beyond {@code quarkus.pipeline.max-recorded-steps}, timed in metrics but not
     *        listed; written only when it is not 0
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({ "deployment_id", "deployment_name", "snapshot_id", "snapshot_name", "pipeline_name", "run_id",
            "run_name", "parameters_used", "steps", "steps_omitted" })
    @JsonSerialize(using = EnvelopeJson.Metadata.class)
    public record Metadata(
            @JsonProperty("deployment_id") String deploymentId,
            @JsonProperty("deployment_name") String deploymentName,
            @JsonProperty("snapshot_id") String snapshotId,
            @JsonProperty("snapshot_name") String snapshotName,
            @JsonProperty("pipeline_name") String pipelineName,
            @JsonProperty("run_id") String runId,
            @JsonProperty("run_name") String runName,
            @JsonProperty("parameters_used") JsonNode parametersUsed,
            @JsonProperty("steps") List<StepExecution> steps,
            @JsonProperty("steps_omitted") @JsonInclude(JsonInclude.Include.NON_DEFAULT) int stepsOmitted) {

        /** Metadata of a run whose steps are all listed. */
        public Metadata(String deploymentId, String deploymentName, String snapshotId, String snapshotName,
                String pipelineName, String runId, String runName, JsonNode parametersUsed, List<StepExecution> steps) {
            this(deploymentId, deploymentName, snapshotId, snapshotName, pipelineName, runId, runName, parametersUsed,
                    steps, 0);
        }
    }

    /**
     * One recorded call of a {@code @Step} method.
     *
     * @param status {@code completed} or {@code failed}
     * @param start ISO-8601 UTC instant the call started
     * @param duration seconds the call took
     */
    @JsonPropertyOrder({ "name", "status", "start", "duration" })
    public record StepExecution(
            @JsonProperty("name") String name,
            @JsonProperty("status") String status,
            @JsonProperty("start") String start,
            @JsonProperty("duration") double duration) {

        public static final String COMPLETED = "completed";
        public static final String FAILED = "failed";
    }
}
