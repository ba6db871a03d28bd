package io.quarkiverse.pipelinedeployment.redis.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;

import io.quarkiverse.pipelinedeployment.runtime.engine.RunEvent;
import io.quarkiverse.pipelinedeployment.runtime.engine.RunEvents;
import io.quarkiverse.pipelinedeployment.runtime.engine.RunStatus;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

/**
 * A run's events as the entries of its Redis stream, and back. An entry's id is {@code 0-<event id>}; its fields are
 * {@code k} (the kind) and, as the event's data is kept in memory: nothing for the data read from the run
 * ({@code run_queued}, {@code run_started}, the terminal event), {@code s} and {@code n} for a step's start or
 * duration, {@code s}, {@code f} and {@code e} for a failed step, or {@code d}, the data as JSON.
 */
final class StreamEvents {

    private StreamEvents() {
    }

    /** {@code XADD} of one event, trimming the stream to {@code maxEvents}. */
    static Request add(String key, int maxEvents, ObjectWriter writer, long id, String kind, Object data, long number) {
        Request xadd = Request.cmd(Command.XADD).arg(key).arg("MAXLEN").arg(maxEvents).arg("0-" + id).arg("k")
                .arg(kind);
        if (data == RunEvents.FROM_RUN) {
            return xadd;
        }
        if (data instanceof String step
                && (RunEvent.STEP_STARTED.equals(kind) || RunEvent.STEP_COMPLETED.equals(kind))) {
            return xadd.arg("s").arg(step).arg("n").arg(number);
        }
        if (data instanceof RunEvent.StepEnded failed) {
            xadd.arg("s").arg(failed.step()).arg("f").arg(Double.toString(failed.duration()));
            return failed.error() == null ? xadd : xadd.arg("e").arg(failed.error());
        }
        return xadd.arg("d").arg(json(writer, data));
    }

    private static byte[] json(ObjectWriter writer, Object data) {
        if (data instanceof RunEvent.Json json) {
            return json.bytes();
        }
        try {
            return writer.writeValueAsBytes(data);
        } catch (JsonProcessingException e) {
            return "null".getBytes(); // as the event stream sends an event whose data cannot be written
        }
    }

    /** The event id of a stream entry's id, {@code 0-<n>}. */
    static long id(Response entry) {
        String id = entry.get(0).toString();
        return Long.parseLong(id.substring(id.indexOf('-') + 1));
    }

    /** Whether {@code kind} ends a run. */
    static boolean terminal(String kind) {
        for (RunStatus status : RunStatus.values()) {
            if (status.terminal() && status.terminalEvent().equals(kind)) {
                return true;
            }
        }
        return false;
    }

    /** Adds a stream entry to the events of a run another replica executes. */
    static void append(RunEvents events, Response entry) {
        Response fields = entry.get(1);
        String kind = null;
        String step = null;
        long number = 0;
        Double failedFor = null;
        String error = null;
        byte[] json = null;
        for (int i = 0; i + 1 < fields.size(); i += 2) {
            Response value = fields.get(i + 1);
            switch (fields.get(i).toString()) {
                case "k" -> kind = value.toString();
                case "s" -> step = value.toString();
                case "n" -> number = value.toLong();
                case "f" -> failedFor = Double.valueOf(value.toString());
                case "e" -> error = value.toString();
                case "d" -> json = value.toBytes();
                default -> {
                }
            }
        }
        if (kind == null) {
            return;
        }
        Object data = json != null ? new RunEvent.Json(json)
                : failedFor != null ? new RunEvent.StepEnded(step, failedFor, error) : step;
        events.appendFollowed(id(entry), kind, data, number, terminal(kind));
    }
}
