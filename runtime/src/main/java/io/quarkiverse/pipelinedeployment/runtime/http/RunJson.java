package io.quarkiverse.pipelinedeployment.runtime.http;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

import io.quarkiverse.pipelinedeployment.InvocationResponse;
import io.quarkiverse.pipelinedeployment.runtime.engine.Problem;
import io.quarkiverse.pipelinedeployment.runtime.engine.Run;
import io.quarkiverse.pipelinedeployment.runtime.engine.RunEvent;
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
            @JsonProperty("steps") Object steps, @JsonProperty("outputs") Object outputs,
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

    private final ObjectMapper mapper;
    private final ObjectWriter writer;
    private final String pipelineName;
    private final String deploymentId;
    /** The runs endpoint's absolute path. */
    private final String runsPath;

    /** @param runsPath the runs endpoint's absolute path, for the links */
    public RunJson(ObjectMapper mapper, String pipelineName, String deploymentId, String runsPath) {
        this.mapper = mapper;
        this.writer = mapper.writer();
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
        JsonNode parameters;
        Object steps;
        Object outputs;
        byte[] ended = response == null ? run.envelopeJson() : null;
        if (ended != null) {
            // A kept run holds its envelope as the JSON it was answered with: the record reads its parts from it
            JsonNode envelope = tree(ended);
            parameters = envelope.path("metadata").get("parameters_used");
            steps = envelope.path("metadata").get("steps");
            outputs = envelope.get("outputs");
        } else {
            parameters = run.parametersUsed();
            steps = run.steps();
            outputs = response == null ? null : response.outputs();
        }
        return write(new Record(run.id(), run.name(), pipelineName, deploymentId, run.source().label,
                run.status().label, run.created().toString(), text(run.started()), text(run.finished()),
                run.executionTime(), parameters, steps, outputs, run.error(), run.cancelRequested()));
    }

    public Buffer list(RunStore.Page page) {
        List<Summary> summaries = new ArrayList<>(page.runs().size());
        for (Run run : page.runs()) {
            summaries.add(new Summary(run.id(), run.name(), pipelineName, deploymentId, run.source().label,
                    run.status().label, run.created().toString(), text(run.started()), text(run.finished()),
                    run.executionTime(), run.error(), run.cancelRequested()));
        }
        return write(new Listed(summaries, page.next()));
    }

    /**
     * The status and envelope of an ended run, byte for byte what the synchronous invoke answered, or {@code null}
     * before its end.
     */
    Answer envelope(Run run) {
        InvocationResponse response = run.response();
        if (response != null) {
            return new Answer(Problem.status(response), write(response), null);
        }
        byte[] json = run.envelopeJson();
        return json == null ? null : new Answer(Problem.status(run.status()), Buffer.buffer(json), null);
    }

    /** The data of an event as JSON text. */
    public byte[] data(Object data) throws JsonProcessingException {
        return data instanceof RunEvent.Json json ? json.bytes() : writer.writeValueAsBytes(data);
    }

    private JsonNode tree(byte[] json) {
        try {
            return mapper.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("Failed to read a run's envelope", e);
        }
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
