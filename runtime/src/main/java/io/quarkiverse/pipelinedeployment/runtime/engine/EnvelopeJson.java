package io.quarkiverse.pipelinedeployment.runtime.engine;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.NumberOutput;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.ContextualSerializer;
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
    public static final class Response extends StdSerializer<InvocationResponse> implements ContextualSerializer {

        /** The bean serializer of the steps, when the mapper leaves out some values; {@code null}: written here. */
        private final JsonSerializer<Object> steps;

        public Response() {
            this(null);
        }

        private Response(JsonSerializer<Object> steps) {
            super(InvocationResponse.class);
            this.steps = steps;
        }

        @Override
        public JsonSerializer<?> createContextual(SerializerProvider provider, BeanProperty property)
                throws JsonMappingException {
            return new Response(stepSerializer(provider));
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
                metadata(metadata, gen, provider, steps);
            }
            string(ERROR, value.error(), gen);
            gen.writeEndObject();
        }
    }

    /** The metadata's fields in their order, nulls included, {@code steps_omitted} only when it is not 0. */
    public static final class Metadata extends StdSerializer<InvocationResponse.Metadata>
            implements ContextualSerializer {

        /** As {@link Response#steps}. */
        private final JsonSerializer<Object> steps;

        public Metadata() {
            this(null);
        }

        private Metadata(JsonSerializer<Object> steps) {
            super(InvocationResponse.Metadata.class);
            this.steps = steps;
        }

        @Override
        public JsonSerializer<?> createContextual(SerializerProvider provider, BeanProperty property)
                throws JsonMappingException {
            return new Metadata(stepSerializer(provider));
        }

        @Override
        public void serialize(InvocationResponse.Metadata value, JsonGenerator gen, SerializerProvider provider)
                throws IOException {
            metadata(value, gen, provider, steps);
        }
    }

    /**
     * The serializer of the steps, chosen once per mapper configuration: {@code null} when the mapper includes every
     * value (the steps are then written here), else the bean serializer, which follows the mapper's inclusion (a
     * step's record does not fix one).
     */
    private static JsonSerializer<Object> stepSerializer(SerializerProvider provider) throws JsonMappingException {
        JsonInclude.Include inclusion = provider.getConfig().getDefaultPropertyInclusion(StepExecution.class)
                .getValueInclusion();
        return inclusion == JsonInclude.Include.ALWAYS || inclusion == JsonInclude.Include.USE_DEFAULTS ? null
                : provider.findValueSerializer(StepExecution.class);
    }

    private static void metadata(InvocationResponse.Metadata value, JsonGenerator gen, SerializerProvider provider,
            JsonSerializer<Object> stepSerializer) throws IOException {
        gen.writeStartObject(value);
        string(DEPLOYMENT_ID, value.deploymentId(), gen);
        string(DEPLOYMENT_NAME, value.deploymentName(), gen);
        string(SNAPSHOT_ID, value.snapshotId(), gen);
        string(SNAPSHOT_NAME, value.snapshotName(), gen);
        string(PIPELINE_NAME, value.pipelineName(), gen);
        string(RUN_ID, value.runId(), gen);
        string(RUN_NAME, value.runName(), gen);
        gen.writeFieldName(PARAMETERS_USED);
        provider.defaultSerializeValue(value.parametersUsed(), gen);
        gen.writeFieldName(STEPS);
        List<StepExecution> steps = value.steps();
        if (steps == null) {
            gen.writeNull();
        } else {
            int size = steps.size();
            gen.writeStartArray(steps, size);
            for (int i = 0; i < size; i++) {
                StepExecution step = steps.get(i);
                if (step == null) {
                    gen.writeNull();
                } else if (stepSerializer != null) {
                    stepSerializer.serialize(step, gen, provider);
                } else {
                    gen.writeStartObject(step);
                    string(NAME, step.name(), gen);
                    string(STATUS, step.status(), gen);
                    string(START, step.start(), gen);
                    gen.writeFieldName(DURATION);
                    seconds(step.duration(), gen);
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

    /** A string field: its name, then its value or {@code null}. */
    private static void string(SerializableString name, String value, JsonGenerator gen) throws IOException {
        gen.writeFieldName(name);
        if (value == null) {
            gen.writeNull();
        } else {
            gen.writeString(value);
        }
    }
}
