package io.quarkiverse.pipelinedeployment.deployment;

import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Set;

import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;
import org.jboss.jandex.Type;

import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * Resolves the classes and methods that the configuration names ({@link ClassReference}) in the Jandex index, and
 * answers the questions the processors ask of them, so that a wrong reference fails the build naming its property.
 */
public final class JandexReferences {

    private JandexReferences() {
    }

    /**
     * The method a {@code com.acme.Type#method} reference names.
     *
     * @throws ConfigurationException naming {@code key} for a malformed reference, an unknown class or method, or
     *         an overloaded method
     */
    public static MethodInfo method(String key, String reference, IndexView index) {
        ClassReference parsed = ClassReference.method(key, reference);
        ClassInfo clazz = index.getClassByName(DotName.createSimple(parsed.className()));
        if (clazz == null) {
            throw new ConfigurationException(key + "=" + reference + ": no class " + parsed.className()
                    + " in the application", Set.of(key));
        }
        String name = parsed.methodName();
        List<MethodInfo> candidates = clazz.methods().stream().filter(m -> m.name().equals(name) && !m.isSynthetic())
                .toList();
        if (candidates.isEmpty()) {
            throw new ConfigurationException(key + "=" + reference + ": " + clazz.name() + " has no method " + name,
                    Set.of(key));
        }
        if (candidates.size() > 1) {
            throw new ConfigurationException(key + "=" + reference + ": " + clazz.name() + " has " + candidates.size()
                    + " methods named " + name + "; give the hook a name of its own", Set.of(key));
        }
        return candidates.get(0);
    }

    /**
     * The class {@code key} names.
     *
     * @throws ConfigurationException naming {@code key}, when the application has no such class
     */
    public static ClassInfo clazz(String key, String name, IndexView index) {
        ClassInfo clazz = index.getClassByName(DotName.createSimple(name));
        if (clazz == null) {
            throw new ConfigurationException(key + "=" + name + ": no such class in the application", Set.of(key));
        }
        return clazz;
    }

    /**
     * The class {@code key} names, which the extension instantiates.
     *
     * @throws ConfigurationException naming {@code key}, when the application has no such class or it is abstract
     */
    public static ClassInfo concreteClass(String key, String name, IndexView index) {
        ClassInfo clazz = clazz(key, name, index);
        if (Modifier.isAbstract(clazz.flags()) || clazz.isInterface()) {
            throw new ConfigurationException(key + "=" + name + " is abstract", Set.of(key));
        }
        return clazz;
    }

    /**
     * The name of a method's parameter {@code i}, as {@code -parameters} compiled it.
     *
     * @throws ConfigurationException naming {@code key}, when the class was compiled without {@code -parameters}
     */
    public static String parameterName(String key, String reference, MethodInfo method, int i) {
        String name = method.parameterName(i);
        if (name == null) {
            throw new ConfigurationException(key + "=" + reference + ": the parameter names of " + reference
                    + " are unknown; compile with -parameters", Set.of(key));
        }
        return name;
    }

    /** Whether the class or one of its superclasses implements {@code iface}, directly or through other interfaces. */
    public static boolean implementsInterface(ClassInfo clazz, DotName iface, IndexView index) {
        for (ClassInfo c = clazz; c != null; c = c.superName() == null ? null : index.getClassByName(c.superName())) {
            for (DotName implemented : c.interfaceNames()) {
                if (implemented.equals(iface)) {
                    return true;
                }
                ClassInfo parent = index.getClassByName(implemented);
                if (parent != null && implementsInterface(parent, iface, index)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether {@code superName} is a superclass of the class, as far as the index knows its superclasses. */
    public static boolean extendsClass(ClassInfo clazz, DotName superName, IndexView index) {
        for (ClassInfo c = clazz; c != null && c.superName() != null; c = index.getClassByName(c.superName())) {
            if (c.superName().equals(superName)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the class or one of its superclasses declares a (non-synthetic) method of that name. */
    public static boolean hasMethod(ClassInfo clazz, String name, IndexView index) {
        for (ClassInfo c = clazz; c != null; c = c.superName() == null ? null : index.getClassByName(c.superName())) {
            if (c.methods().stream().anyMatch(m -> m.name().equals(name) && !m.isSynthetic())) {
                return true;
            }
        }
        return false;
    }

    /** Whether the class has a public constructor with exactly these parameter types. */
    public static boolean hasPublicConstructor(ClassInfo clazz, List<DotName> parameterTypes) {
        for (MethodInfo c : clazz.constructors()) {
            if (Modifier.isPublic(c.flags())
                    && c.parameterTypes().stream().map(Type::name).toList().equals(parameterTypes)) {
                return true;
            }
        }
        return false;
    }
}
