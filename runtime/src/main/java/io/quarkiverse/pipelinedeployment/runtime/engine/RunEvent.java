package io.quarkiverse.pipelinedeployment.runtime.engine;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One event of a run, as {@code GET <runs>/<id>/events} sends it: {@code id: <id>}, {@code event: <kind>},
 * {@code data: <data as JSON>}.
 *
 * @param id 1, 2, 3, ... per run, with no gap
 * @param data written as JSON when sent: one of the records below, the envelope of a terminal event, or the
 *        {@code JsonNode} of a user's event
 */
public record RunEvent(long id, String kind, Object data) {

    public static final String QUEUED = "run_queued";
    public static final String STARTED = "run_started";
    public static final String STEP_STARTED = "step_started";
    public static final String STEP_COMPLETED = "step_completed";
    public static final String STEP_FAILED = "step_failed";
    public static final String GAP = "gap";

    /** {@code run_queued}: the run exists and waits for its turn. */
    @JsonPropertyOrder({ "run_id", "run_name", "created" })
    public record Queued(@JsonProperty("run_id") String runId, @JsonProperty("run_name") String runName,
            @JsonProperty("created") String created) {
    }

    /** {@code run_started}: the pipeline began. */
    public record Started(@JsonProperty("started") String started) {
    }

    /** {@code step_started}. */
    @JsonPropertyOrder({ "step", "start" })
    public record StepStarted(@JsonProperty("step") String step, @JsonProperty("start") String start) {
    }

    /** {@code step_completed} and {@code step_failed} ({@code error} only for the latter). */
    @JsonPropertyOrder({ "step", "duration", "error" })
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StepEnded(@JsonProperty("step") String step, @JsonProperty("duration") double duration,
            @JsonProperty("error") String error) {
    }

    /** {@code gap}: the events before {@code first_available} are no longer retained. */
    public record Gap(@JsonProperty("first_available") long firstAvailable) {
    }

    /** Data already written as JSON: the envelope of a terminal event, as the synchronous answer wrote it. */
    public record Json(byte[] bytes) {
    }

    /** Whether {@code kind} is one of the built-in kinds, which a pipeline may not publish. */
    public static boolean reserved(String kind) {
        return switch (kind) {
            case QUEUED, STARTED, STEP_STARTED, STEP_COMPLETED, STEP_FAILED, GAP, "run_completed", "run_failed",
                    "run_timed_out", "run_cancelled" ->
                true;
            default -> false;
        };
    }

    static String iso(Instant instant) {
        return FastFormats.iso(instant);
    }
}
