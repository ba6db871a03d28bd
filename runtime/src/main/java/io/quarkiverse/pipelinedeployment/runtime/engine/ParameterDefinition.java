package io.quarkiverse.pipelinedeployment.runtime.engine;

import io.quarkus.runtime.annotations.RecordableConstructor;

/**
 * A pipeline parameter as resolved at build time.
 */
public final class ParameterDefinition {

    private final String name;
    private final String javaType;
    private final boolean required;
    private final boolean nullable;
    private final String defaultJson;
    private final String expected;

    /**
     * @param name the name in the request's {@code parameters} object
     * @param javaType the Jackson canonical form of the parameter's generic Java type
     * @param required whether the request must give it
     * @param nullable whether {@code null} is accepted ({@code Optional}, or {@code required = false})
     * @param defaultJson the default value as JSON, or {@code null}
     * @param expected what a valid value is, for error messages ("a valid number")
     */
    @RecordableConstructor
    public ParameterDefinition(String name, String javaType, boolean required, boolean nullable, String defaultJson,
            String expected) {
        this.name = name;
        this.javaType = javaType;
        this.required = required;
        this.nullable = nullable;
        this.defaultJson = defaultJson;
        this.expected = expected;
    }

    public String getName() {
        return name;
    }

    public String getJavaType() {
        return javaType;
    }

    public boolean isRequired() {
        return required;
    }

    public boolean isNullable() {
        return nullable;
    }

    public String getDefaultJson() {
        return defaultJson;
    }

    public String getExpected() {
        return expected;
    }
}
