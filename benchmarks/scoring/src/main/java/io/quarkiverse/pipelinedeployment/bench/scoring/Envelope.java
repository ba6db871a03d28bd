package io.quarkiverse.pipelinedeployment.bench.scoring;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The invoke envelope, hand-written: the same JSON as the extension's.
 */
public final class Envelope {

    private Envelope() {
    }

    public record Parameters(List<Double> features, Double threshold) {
    }

    public record Request(Parameters parameters, @JsonProperty("run_name") String runName, Double timeout) {
    }

    public record Verdict(double score, boolean flagged) {
    }

    public record Step(String name, String status, String start, double duration) {
    }

    public record Metadata(
            @JsonProperty("deployment_id") String deploymentId,
            @JsonProperty("deployment_name") String deploymentName,
            @JsonProperty("snapshot_id") String snapshotId,
            @JsonProperty("snapshot_name") String snapshotName,
            @JsonProperty("pipeline_name") String pipelineName,
            @JsonProperty("run_id") String runId,
            @JsonProperty("run_name") String runName,
            @JsonProperty("parameters_used") Map<String, Object> parametersUsed,
            List<Step> steps) {
    }

    public record Response(boolean success, Verdict outputs, @JsonProperty("execution_time") double executionTime,
            Metadata metadata, String error) {
    }

    public record Problem(String type, List<String> loc, String msg, Object input) {
    }

    public record Invalid(List<Problem> detail) {
    }
}
