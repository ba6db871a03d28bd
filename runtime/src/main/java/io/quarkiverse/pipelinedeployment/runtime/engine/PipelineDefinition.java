package io.quarkiverse.pipelinedeployment.runtime.engine;

import java.util.List;

import io.quarkus.runtime.annotations.RecordableConstructor;

/**
 * The deployed pipeline as resolved at build time: everything the runtime needs, computed once from Jandex.
 */
public final class PipelineDefinition {

    private final String name;
    private final String declaringClass;
    private final String methodName;
    private final ExecutionMode executionMode;
    private final OutputKind outputKind;
    private final List<ParameterDefinition> parameters;
    private final String inputSchema;
    private final String outputSchema;
    private final List<String> steps;

    /**
     * @param inputSchema the JSON Schema of the {@code parameters} object, as JSON text
     * @param outputSchema the JSON Schema of the {@code outputs} object, as JSON text
     * @param steps the names of the {@code @Step} methods the pipeline reaches, sorted
     */
    @RecordableConstructor
    public PipelineDefinition(String name, String declaringClass, String methodName, ExecutionMode executionMode,
            OutputKind outputKind, List<ParameterDefinition> parameters, String inputSchema, String outputSchema,
            List<String> steps) {
        this.name = name;
        this.declaringClass = declaringClass;
        this.methodName = methodName;
        this.executionMode = executionMode;
        this.outputKind = outputKind;
        this.parameters = parameters;
        this.inputSchema = inputSchema;
        this.outputSchema = outputSchema;
        this.steps = steps;
    }

    public String getName() {
        return name;
    }

    public String getDeclaringClass() {
        return declaringClass;
    }

    public String getMethodName() {
        return methodName;
    }

    public ExecutionMode getExecutionMode() {
        return executionMode;
    }

    public OutputKind getOutputKind() {
        return outputKind;
    }

    public List<ParameterDefinition> getParameters() {
        return parameters;
    }

    public String getInputSchema() {
        return inputSchema;
    }

    public String getOutputSchema() {
        return outputSchema;
    }

    public List<String> getSteps() {
        return steps;
    }
}
