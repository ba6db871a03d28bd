package io.quarkiverse.pipelinedeployment.runtime.http;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;

import io.quarkiverse.pipelinedeployment.InvocationResponse;
import io.quarkiverse.pipelinedeployment.InvocationResponse.StepExecution;
import io.quarkiverse.pipelinedeployment.runtime.engine.Run;
import io.quarkiverse.pipelinedeployment.runtime.engine.RunStatus;
import io.quarkiverse.pipelinedeployment.runtime.runs.RunStore;
import io.vertx.core.buffer.Buffer;

/**
 * The JSON of runs: the submission's answer, the run record, the list's summaries. Links are absolute paths under the
 * runs endpoint. The Dev UI shows the same JSON.
 */
public final class RunJson {

    /** {@code links} of a submission. */
    @JsonPropertyOrder({ "self", "result", "events", "cancel" })
    record Links(@JsonProperty("self") String self, @JsonProperty("result") String result,
            @JsonProperty("events") String events, @JsonProperty("cancel") String cancel) {
    }

    /** The 202 answer of a submission. */
    @JsonPropertyOrder({ "run_id", "run_name", "status", "created", "links" })
    record Submitted(@JsonProperty("run_id") String runId, @JsonProperty("run_name") String runName,
            @JsonProperty("status") String status, @JsonProperty("created") String created,
            @JsonProperty("links") Links links) {
    }

    /** A run record. */
    @JsonPropertyOrder({ "run_id", "run_name", "pipeline_name", "deployment_id", "source", "status", "created",
            "started", "finished", "execution_time", "parameters_used", "steps", "outputs", "error",
            "cancel_requested" })
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Record(@JsonProperty("run_id") String runId, @JsonProperty("run_name") String runName,
            @JsonProperty("pipeline_name") String pipelineName, @JsonProperty("deployment_id") String deploymentId,
            @JsonProperty("source") String source, @JsonProperty("status") String status,
            @JsonProperty("created") String created, @JsonProperty("started") String started,
            @JsonProperty("finished") String finished, @JsonProperty("execution_time") double executionTime,
            @JsonProperty("parameters_used") JsonNode parametersUsed,
            @JsonProperty("steps") List<StepExecution> steps, @JsonProperty("outputs") Object outputs,
            @JsonProperty("error") String error, @JsonProperty("cancel_requested") boolean cancelRequested) {
    }

    /** A run in a list: the record without {@code parameters_used}, {@code steps} and {@code outputs}. */
    @JsonPropertyOrder({ "run_id", "run_name", "pipeline_name", "deployment_id", "source", "status", "created",
            "started", "finished", "execution_time", "error", "cancel_requested" })
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Summary(@JsonProperty("run_id") String runId, @JsonProperty("run_name") String runName,
            @JsonProperty("pipeline_name") String pipelineName, @JsonProperty("deployment_id") String deploymentId,
            @JsonProperty("source") String source, @JsonProperty("status") String status,
            @JsonProperty("created") String created, @JsonProperty("started") String started,
            @JsonProperty("finished") String finished, @JsonProperty("execution_time") double executionTime,
            @JsonProperty("error") String error, @JsonProperty("cancel_requested") boolean cancelRequested) {
    }

    /** The answer of a list. */
    @JsonPropertyOrder({ "runs", "next" })
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Listed(@JsonProperty("runs") List<Summary> runs, @JsonProperty("next") String next) {
    }

    private final ObjectWriter writer;
    private final String pipelineName;
    private final String deploymentId;
    /** The runs endpoint's absolute path. */
    private final String runsPath;

    /** @param runsPath the runs endpoint's absolute path, for the links */
    public RunJson(ObjectWriter writer, String pipelineName, String deploymentId, String runsPath) {
        this.writer = writer;
        this.pipelineName = pipelineName;
        this.deploymentId = deploymentId;
        this.runsPath = runsPath;
    }

    /** {@code <runs>/<id>}. */
    String location(Run run) {
        return runsPath + "/" + run.id();
    }

    /**
     * @param replayed whether the run was submitted before (an idempotent replay): its status now is given, else the
     *        status it was submitted with, {@code queued}
     */
    Buffer submitted(Run run, boolean replayed) {
        String self = location(run);
        String status = replayed ? run.status().label : RunStatus.QUEUED.label;
        return write(new Submitted(run.id(), run.name(), status, run.created().toString(),
                new Links(self, self + "/result", self + "/events", self + "/cancel")));
    }

    public Buffer record(Run run) {
        InvocationResponse response = run.response();
        return write(new Record(run.id(), run.name(), pipelineName, deploymentId, run.source().label,
                run.status().label, run.created().toString(), text(run.started()), text(run.finished()),
                run.executionTime(), run.parametersUsed(), run.steps(),
                response == null ? null : response.outputs(), response == null ? null : response.error(),
                run.cancelRequested()));
    }

    public Buffer list(RunStore.Page page) {
        List<Summary> summaries = new ArrayList<>(page.runs().size());
        for (Run run : page.runs()) {
            InvocationResponse response = run.response();
            summaries.add(new Summary(run.id(), run.name(), pipelineName, deploymentId, run.source().label,
                    run.status().label, run.created().toString(), text(run.started()), text(run.finished()),
                    run.executionTime(), response == null ? null : response.error(), run.cancelRequested()));
        }
        return write(new Listed(summaries, page.next()));
    }

    /** The envelope of an ended run, byte for byte what the synchronous invoke answered. */
    Buffer envelope(InvocationResponse response) {
        return write(response);
    }

    /** The data of an event as JSON text. */
    public byte[] data(Object data) throws JsonProcessingException {
        return writer.writeValueAsBytes(data);
    }

    private static String text(Object instant) {
        return instant == null ? null : instant.toString();
    }

    private Buffer write(Object value) {
        try {
            return Buffer.buffer(writer.writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Failed to write a run as JSON", e);
        }
    }
}
