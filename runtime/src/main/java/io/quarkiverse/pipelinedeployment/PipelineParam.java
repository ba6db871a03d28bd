package io.quarkiverse.pipelinedeployment;

import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Describes a parameter of a {@link Pipeline} method.
 * <p>
 * A parameter is required unless it is an {@code Optional}, has a {@link #defaultValue()}, or is a non-primitive
 * with {@code required = false} (then it is {@code null} when absent).
 */
@Documented
@Retention(RUNTIME)
@Target(PARAMETER)
public @interface PipelineParam {

    /** Marks "no default value"; not a value a user would choose. */
    String NO_DEFAULT = "<<no default>>";

    /**
     * The parameter's name in the request's {@code parameters} object. Defaults to the Java parameter name (the
     * application must be compiled with {@code -parameters}, as Quarkus projects are).
     */
    String name() default "";

    /**
     * The value used when the request leaves the parameter out. Scalars are written as they are ({@code "0.5"},
     * {@code "true"}, {@code "EUR"}); collections, maps and objects as JSON ({@code "[1, 2]"}).
     */
    String defaultValue() default NO_DEFAULT;

    /**
     * Whether the request must give the parameter. Only a non-primitive can be optional; it is then {@code null}
     * when absent.
     */
    boolean required() default true;
}
