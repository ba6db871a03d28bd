package io.quarkiverse.pipelinedeployment.runtime.custom;

import java.lang.reflect.InvocationTargetException;
import java.util.Map;

/**
 * Builds the classes named in the configuration (service class, middleware, app extensions). Reflection, once, at
 * startup.
 */
public final class Instances {

    private Instances() {
    }

    /**
     * Builds a configured class: with its {@code (Map<String, String>)} constructor when {@code args} is given and
     * it has one, else with its no-argument constructor.
     *
     * @param property the property that named the class, for messages
     */
    public static Object create(String className, Map<String, String> args, String property) {
        try {
            Class<?> clazz = Class.forName(className, true, Thread.currentThread().getContextClassLoader());
            if (args != null) {
                try {
                    return clazz.getConstructor(Map.class).newInstance(Map.copyOf(args));
                } catch (NoSuchMethodException e) {
                    // fall back to the no-argument constructor
                }
            }
            return clazz.getConstructor().newInstance();
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(property + ": " + className + " failed to initialize: " + e.getCause(),
                    e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(property + ": cannot build " + className + ": " + e, e);
        }
    }
}
