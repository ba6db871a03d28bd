package io.quarkiverse.pipelinedeployment.runtime.engine;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;

/**
 * An ended run as one array of bytes, and back: its record, its envelope as the JSON it was answered with, and its
 * retained events. A store keeps thousands of ended runs; kept so, each is one object without references for the
 * garbage collector to trace, instead of a graph of a hundred. The pipeline's own events are kept as their JSON.
 * <p>
 * Layout: a version byte, the id (first, so that a store can compare it in place), the name, the sequence, source,
 * status and flags, the three instants, the execution time, the error, the envelope, then the events.
 */
public final class RunCodec {

    private static final byte VERSION = 1;
    private static final byte FROM_RUN = 0;
    private static final byte STEP = 1;
    private static final byte JSON = 2;
    private static final byte NONE = 3;
    /** The built-in kinds, written as their place here; another kind is written as text after {@code -1}. */
    private static final String[] KINDS = { RunEvent.QUEUED, RunEvent.STARTED, RunEvent.STEP_STARTED,
            RunEvent.STEP_COMPLETED, RunEvent.STEP_FAILED, RunStatus.COMPLETED.terminalEvent(),
            RunStatus.FAILED.terminalEvent(), RunStatus.TIMED_OUT.terminalEvent(), RunStatus.CANCELLED.terminalEvent() };

    private RunCodec() {
    }

    /**
     * The ended run as bytes.
     *
     * @param writer writes the envelope when the run holds it as an object, and the pipeline's own events
     * @throws JsonProcessingException when the envelope cannot be written
     */
    public static byte[] encode(Run run, ObjectWriter writer) throws JsonProcessingException {
        return encode(run, writer, true);
    }

    /**
     * The run as bytes, in any state: without its envelope before it ends, and without its events unless
     * {@code withEvents} (a store that keeps them apart, as Redis does in a stream).
     */
    public static byte[] encode(Run run, ObjectWriter writer, boolean withEvents) throws JsonProcessingException {
        ByteOutput out = new ByteOutput(512);
        encode(run, writer, withEvents, out);
        return Arrays.copyOf(out.bytes, out.position);
    }

    /**
     * Writes the run as {@link #encode(Run, ObjectWriter, boolean)} does, into {@code out} (from its position): a
     * store that copies the bytes on reuses one output for every run.
     */
    public static void encode(Run run, ObjectWriter writer, boolean withEvents, ByteOutput out)
            throws JsonProcessingException {
        InvocationResponseJson envelope = envelope(run, writer);
        out.writeByte(VERSION);
        out.writeString(run.id());
        out.writeString(run.name());
        out.writeLong(run.sequence());
        out.writeByte(run.source().ordinal());
        out.writeByte(run.status().ordinal());
        out.writeByte(run.async() ? 1 : 0);
        out.writeByte(run.cancelRequested() ? 1 : 0);
        out.writeInstant(run.created());
        out.writeInstant(run.started());
        out.writeInstant(run.finished());
        out.writeLong(Double.doubleToLongBits(envelope.seconds));
        out.writeString(envelope.error);
        out.writeInt(envelope.json == null ? -1 : envelope.json.length);
        if (envelope.json != null) {
            out.write(envelope.json);
        }
        RunEvents events = withEvents ? run.events() : null;
        if (events != null) {
            events.write(out, writer);
        } else {
            out.writeLong(0);
            out.writeInt(0);
        }
    }

    /** The run kept as {@code bytes}: ended, with its events, as it was encoded. */
    public static Run decode(byte[] bytes) {
        return decode(bytes, null);
    }

    /**
     * The run kept as {@code bytes}, in the state it was encoded in.
     *
     * @param events its events, kept apart (a Redis stream), or {@code null} for those encoded with it
     */
    public static Run decode(byte[] bytes, RunEvents events) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
            in.readByte();
            String id = string(in);
            String name = string(in);
            long sequence = in.readLong();
            RunSource source = RunSource.values()[in.readByte()];
            RunStatus status = RunStatus.values()[in.readByte()];
            boolean async = in.readBoolean();
            boolean cancelRequested = in.readBoolean();
            Instant[] times = { instant(in), instant(in), instant(in) };
            double seconds = Double.longBitsToDouble(in.readLong());
            String error = string(in);
            int length = in.readInt();
            byte[] envelope = length < 0 ? null : new byte[length];
            if (envelope != null) {
                in.readFully(envelope);
            }
            long last = in.readLong();
            int count = in.readInt();
            String[] kinds = new String[Math.max(1, count)];
            Object[] data = new Object[kinds.length];
            long[] numbers = new long[kinds.length];
            for (int i = 0; i < count; i++) {
                byte code = in.readByte();
                kinds[i] = code < 0 ? string(in) : KINDS[code];
                byte tag = in.readByte();
                numbers[i] = in.readLong();
                data[i] = switch (tag) {
                    case FROM_RUN -> RunEvents.FROM_RUN;
                    case STEP -> string(in);
                    case JSON -> {
                        byte[] json = new byte[in.readInt()];
                        in.readFully(json);
                        yield new RunEvent.Json(json);
                    }
                    default -> null;
                };
            }
            Run run = new Run(id, name, sequence, source, async, times, status, envelope, seconds, error,
                    events != null ? events : RunEvents.restored(kinds, data, numbers, count, last));
            run.restoreCancel(cancelRequested);
            return run;
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read a kept run", e);
        }
    }

    /** Whether the run kept as {@code bytes} from {@code offset} is the run {@code id}, compared in place. */
    public static boolean hasId(byte[] bytes, int offset, String id) {
        int length = idLength(bytes, offset);
        int from = offset + 5;
        if (length == id.length()) {
            int i = 0;
            while (i < length && bytes[from + i] == id.charAt(i)) {
                i++;
            }
            if (i == length) {
                return true;
            }
        }
        boolean ascii = true;
        for (int i = 0; i < length && ascii; i++) {
            ascii = bytes[from + i] >= 0;
        }
        // Run ids are ASCII (UUIDs); another text is compared decoded
        return !ascii && id(bytes, offset).equals(id);
    }

    /** The id of the run kept as {@code bytes} from {@code offset}. */
    public static String id(byte[] bytes, int offset) {
        return new String(bytes, offset + 5, idLength(bytes, offset), StandardCharsets.UTF_8);
    }

    private static int idLength(byte[] bytes, int offset) {
        return ((bytes[offset + 1] & 0xff) << 24) | ((bytes[offset + 2] & 0xff) << 16)
                | ((bytes[offset + 3] & 0xff) << 8) | (bytes[offset + 4] & 0xff);
    }

    private record InvocationResponseJson(byte[] json, double seconds, String error) {
    }

    private static InvocationResponseJson envelope(Run run, ObjectWriter writer) throws JsonProcessingException {
        var response = run.response();
        if (response != null && run.envelopeJson() == null) {
            return new InvocationResponseJson(writer.writeValueAsBytes(response), response.executionTime(),
                    response.error());
        }
        return new InvocationResponseJson(run.envelopeJson(), run.executionTime(), run.error());
    }

    /** Writes one event as {@link #decode} reads it back. */
    static void event(ByteOutput out, ObjectWriter writer, String kind, Object data, long number) {
        int code = code(kind);
        out.writeByte(code);
        if (code < 0) {
            out.writeString(kind);
        }
        if (data == RunEvents.FROM_RUN) {
            out.writeByte(FROM_RUN);
            out.writeLong(number);
        } else if (data instanceof String step
                && (RunEvent.STEP_STARTED.equals(kind) || RunEvent.STEP_COMPLETED.equals(kind))) {
            out.writeByte(STEP);
            out.writeLong(number);
            out.writeString(step);
        } else {
            byte[] json = data == null ? null
                    : data instanceof RunEvent.Json written ? written.bytes() : json(writer, data);
            out.writeByte(json == null ? NONE : JSON);
            out.writeLong(number);
            if (json != null) {
                out.writeInt(json.length);
                out.write(json);
            }
        }
    }

    /** The place of a built-in kind in {@link #KINDS}, or -1. */
    private static int code(String kind) {
        return switch (kind) {
            case RunEvent.QUEUED -> 0;
            case RunEvent.STARTED -> 1;
            case RunEvent.STEP_STARTED -> 2;
            case RunEvent.STEP_COMPLETED -> 3;
            case RunEvent.STEP_FAILED -> 4;
            case "run_completed" -> 5;
            case "run_failed" -> 6;
            case "run_timed_out" -> 7;
            case "run_cancelled" -> 8;
            default -> -1;
        };
    }

    /** The JSON of a pipeline's own event, or {@code null} when it cannot be written (its stream logged why). */
    private static byte[] json(ObjectWriter writer, Object data) {
        try {
            return writer.writeValueAsBytes(data);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String string(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static Instant instant(DataInputStream in) throws IOException {
        long seconds = in.readLong();
        int nanos = in.readInt();
        return seconds == Long.MIN_VALUE ? null : Instant.ofEpochSecond(seconds, nanos);
    }
}
