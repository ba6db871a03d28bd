package io.quarkiverse.pipelinedeployment.runtime.custom;

/**
 * A class, or a method of a class, named in the configuration or an annotation ({@code com.acme.Hooks#start}):
 * parsed once at build time, recorded as it is for startup.
 *
 * @param className the class's binary name
 * @param methodName the method's name, or {@code null} for the class itself
 */
public record CodeReference(String className, String methodName) {

    /** {@code Class} or {@code Class#method}, as written (surrounding blanks ignored). */
    public static CodeReference parse(String reference) {
        String trimmed = reference.trim();
        int hash = trimmed.indexOf('#');
        return hash < 0 ? new CodeReference(trimmed, null)
                : new CodeReference(trimmed.substring(0, hash), trimmed.substring(hash + 1));
    }

    /** Whether it names a method rather than a class. */
    public boolean isMethod() {
        return methodName != null;
    }

    /** Loads the class, with the application's class loader. */
    public Class<?> load() throws ClassNotFoundException {
        return Class.forName(className, true, Thread.currentThread().getContextClassLoader());
    }

    /** As written: {@code Class} or {@code Class#method}. */
    @Override
    public String toString() {
        return methodName == null ? className : className + "#" + methodName;
    }
}
