package io.quarkiverse.pipelinedeployment.runtime.engine;

/**
 * How a pipeline's return value becomes the {@code outputs} object of the invoke envelope.
 */
public enum OutputKind {
    /** A record or POJO: its JSON object is the outputs. */
    OBJECT,
    /** A scalar, collection, array or map: wrapped as {@code {"output": value}}. */
    WRAPPED,
    /** {@code void}: the outputs are {@code {}}. */
    NONE
}
