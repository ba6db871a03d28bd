package io.quarkiverse.pipelinedeployment.runtime.engine;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.NumberOutput;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import io.quarkiverse.pipelinedeployment.InvocationResponse;
import io.quarkiverse.pipelinedeployment.InvocationResponse.StepExecution;

/**
 * Writes the envelope, its metadata and its steps field by field, as Jackson's bean serializer would from their
 * annotations (same names, order and inclusion), without its reflective calls of the record accessors: every
 * invocation's answer is one, so this is on the hot path. The outputs and the parameters are written by the mapper's
 * own serializers, so an application's customizations of those still apply; so are the steps when the mapper leaves
 * out some values (a {@code non_null} inclusion, say).
 */
public final class EnvelopeJson {

    private static final SerializableString SUCCESS = new SerializedString("success");
    private static final SerializableString OUTPUTS = new SerializedString("outputs");
    private static final SerializableString EXECUTION_TIME = new SerializedString("execution_time");
    private static final SerializableString METADATA = new SerializedString("metadata");
    private static final SerializableString ERROR = new SerializedString("error");
    private static final SerializableString DEPLOYMENT_ID = new SerializedString("deployment_id");
    private static final SerializableString DEPLOYMENT_NAME = new SerializedString("deployment_name");
    private static final SerializableString SNAPSHOT_ID = new SerializedString("snapshot_id");
    private static final SerializableString SNAPSHOT_NAME = new SerializedString("snapshot_name");
    private static final SerializableString PIPELINE_NAME = new SerializedString("pipeline_name");
    private static final SerializableString RUN_ID = new SerializedString("run_id");
    private static final SerializableString RUN_NAME = new SerializedString("run_name");
    private static final SerializableString PARAMETERS_USED = new SerializedString("parameters_used");
    private static final SerializableString STEPS = new SerializedString("steps");
    private static final SerializableString STEPS_OMITTED = new SerializedString("steps_omitted");
    private static final SerializableString NAME = new SerializedString("name");
    private static final SerializableString STATUS = new SerializedString("status");
    private static final SerializableString START = new SerializedString("start");
    private static final SerializableString DURATION = new SerializedString("duration");

    private EnvelopeJson() {
    }

    /** {@code {"success", "outputs", "execution_time", "metadata", "error"}}, nulls included. */
    public static final class Response extends StdSerializer<InvocationResponse> {

        public Response() {
            super(InvocationResponse.class);
        }

        @Override
        public void serialize(InvocationResponse value, JsonGenerator gen, SerializerProvider provider)
                throws IOException {
            gen.writeStartObject(value);
            gen.writeFieldName(SUCCESS);
            gen.writeBoolean(value.success());
            gen.writeFieldName(OUTPUTS);
            provider.defaultSerializeValue(value.outputs(), gen);
            gen.writeFieldName(EXECUTION_TIME);
            seconds(value.executionTime(), gen);
            gen.writeFieldName(METADATA);
            InvocationResponse.Metadata metadata = value.metadata();
            if (metadata == null) {
                gen.writeNull();
            } else {
                metadata(metadata, gen, provider);
            }
            gen.writeFieldName(ERROR);
            string(value.error(), gen);
            gen.writeEndObject();
        }
    }

    /** The metadata's fields in their order, nulls included, {@code steps_omitted} only when it is not 0. */
    public static final class Metadata extends StdSerializer<InvocationResponse.Metadata> {

        public Metadata() {
            super(InvocationResponse.Metadata.class);
        }

        @Override
        public void serialize(InvocationResponse.Metadata value, JsonGenerator gen, SerializerProvider provider)
                throws IOException {
            metadata(value, gen, provider);
        }
    }

    private static void metadata(InvocationResponse.Metadata value, JsonGenerator gen, SerializerProvider provider)
            throws IOException {
        gen.writeStartObject(value);
        gen.writeFieldName(DEPLOYMENT_ID);
        string(value.deploymentId(), gen);
        gen.writeFieldName(DEPLOYMENT_NAME);
        string(value.deploymentName(), gen);
        gen.writeFieldName(SNAPSHOT_ID);
        string(value.snapshotId(), gen);
        gen.writeFieldName(SNAPSHOT_NAME);
        string(value.snapshotName(), gen);
        gen.writeFieldName(PIPELINE_NAME);
        string(value.pipelineName(), gen);
        gen.writeFieldName(RUN_ID);
        string(value.runId(), gen);
        gen.writeFieldName(RUN_NAME);
        string(value.runName(), gen);
        gen.writeFieldName(PARAMETERS_USED);
        provider.defaultSerializeValue(value.parametersUsed(), gen);
        gen.writeFieldName(STEPS);
        List<StepExecution> steps = value.steps();
        if (steps == null) {
            gen.writeNull();
        } else {
            // A step's fields follow the mapper's inclusion (its record does not fix one): written here when that
            // includes everything, else by the bean serializer
            JsonInclude.Include inclusion = provider.getConfig().getDefaultPropertyInclusion(StepExecution.class)
                    .getValueInclusion();
            JsonSerializer<Object> bean = inclusion == JsonInclude.Include.ALWAYS
                    || inclusion == JsonInclude.Include.USE_DEFAULTS ? null
                            : provider.findValueSerializer(StepExecution.class);
            int size = steps.size();
            gen.writeStartArray(steps, size);
            for (int i = 0; i < size; i++) {
                StepExecution s = steps.get(i);
                if (s == null) {
                    gen.writeNull();
                } else if (bean != null) {
                    bean.serialize(s, gen, provider);
                } else {
                    gen.writeStartObject(s);
                    gen.writeFieldName(NAME);
                    string(s.name(), gen);
                    gen.writeFieldName(STATUS);
                    string(s.status(), gen);
                    gen.writeFieldName(START);
                    string(s.start(), gen);
                    gen.writeFieldName(DURATION);
                    seconds(s.duration(), gen);
                    gen.writeEndObject();
                }
            }
            gen.writeEndArray();
        }
        if (value.stepsOmitted() != 0) {
            gen.writeFieldName(STEPS_OMITTED);
            gen.writeNumber(value.stepsOmitted());
        }
        gen.writeEndObject();
    }

    /**
     * A duration in seconds, as the shortest decimal that reads back as the same {@code double} (Jackson's
     * Schubfach writer, about a third of the time of {@code Double.toString} for the durations of steps, which are
     * nanoseconds over 10^9; for those both give the same text).
     */
    private static void seconds(double value, JsonGenerator gen) throws IOException {
        if (Double.isFinite(value)) {
            gen.writeNumber(NumberOutput.toString(value, true));
        } else {
            gen.writeNumber(value);
        }
    }

    private static void string(String value, JsonGenerator gen) throws IOException {
        if (value == null) {
            gen.writeNull();
        } else {
            gen.writeString(value);
        }
    }
}
