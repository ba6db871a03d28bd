package io.quarkiverse.pipelinedeployment.deployment;

import java.util.Set;

import org.jboss.jandex.MethodInfo;

import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * A reference to application code, as the configuration and the annotations write it: a class,
 * {@code com.acme.Type}, or a method, {@code com.acme.Type#method}. The one place that reads and writes the
 * {@code #}; {@link JandexReferences} resolves a reference in the index.
 *
 * @param className the class, as written
 * @param methodName the method after the first {@code #}, or {@code null} for a class reference
 */
public record ClassReference(String className, String methodName) {

    /** The separator of a method reference: {@value}. */
    public static final char SEPARATOR = '#';

    /**
     * The reference as written: a method reference when it contains {@code #} (split at the first one), else a class
     * reference. Nothing is checked: {@link #method(String, String)} checks a method reference's shape.
     */
    public static ClassReference parse(String reference) {
        int hash = reference.indexOf(SEPARATOR);
        return hash < 0 ? new ClassReference(reference, null)
                : new ClassReference(reference.substring(0, hash), reference.substring(hash + 1));
    }

    /** Whether {@code reference} is written as a method reference: it contains {@code #}. */
    public static boolean isMethod(String reference) {
        return reference.indexOf(SEPARATOR) >= 0;
    }

    /**
     * A method reference, {@code com.acme.Type#method}, with a class and a method name.
     *
     * @param key the property (or annotation) that gave the reference, for the message
     * @throws ConfigurationException naming {@code key}, for a reference with no {@code #}, or nothing before or
     *         after it
     */
    public static ClassReference method(String key, String reference) {
        int hash = reference.indexOf(SEPARATOR);
        if (hash <= 0 || hash == reference.length() - 1) {
            throw new ConfigurationException(key + "=" + reference + ": expected a reference like com.acme.Hooks#method",
                    Set.of(key));
        }
        return new ClassReference(reference.substring(0, hash), reference.substring(hash + 1));
    }

    /** The reference to a method of the index: {@code com.acme.Type#method}. */
    public static String of(MethodInfo method) {
        return method.declaringClass().name() + String.valueOf(SEPARATOR) + method.name();
    }

    /** Whether this reference names a method. */
    public boolean isMethod() {
        return methodName != null;
    }

    /** The reference as written: {@code com.acme.Type} or {@code com.acme.Type#method}. */
    @Override
    public String toString() {
        return methodName == null ? className : className + SEPARATOR + methodName;
    }
}
