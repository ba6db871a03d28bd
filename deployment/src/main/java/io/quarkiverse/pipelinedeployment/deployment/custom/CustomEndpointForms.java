package io.quarkiverse.pipelinedeployment.deployment.custom;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;

import io.quarkiverse.pipelinedeployment.EndpointMethod;
import io.quarkiverse.pipelinedeployment.deployment.ClassReference;
import io.quarkiverse.pipelinedeployment.deployment.JandexReferences;
import io.quarkiverse.pipelinedeployment.runtime.custom.EndpointForm;
import io.quarkiverse.pipelinedeployment.runtime.engine.NamedArguments;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * Decides a custom endpoint's form from the Jandex index and checks its handler and init-args against it, so that a
 * wrong handler fails the build naming the property instead of failing at startup.
 */
final class CustomEndpointForms {

    static final DotName APP_RUNNER = DotName.createSimple("io.quarkiverse.pipelinedeployment.AppRunner");
    static final DotName HANDLER = DotName.createSimple("io.vertx.core.Handler");
    static final DotName CONSUMER = DotName.createSimple("java.util.function.Consumer");
    static final DotName MAP = DotName.createSimple(Map.class);
    static final DotName JAXRS_PATH = DotName.createSimple("jakarta.ws.rs.Path");
    private static final Map<DotName, EndpointMethod> JAXRS_METHODS = Map.of(
            DotName.createSimple("jakarta.ws.rs.GET"), EndpointMethod.GET,
            DotName.createSimple("jakarta.ws.rs.POST"), EndpointMethod.POST,
            DotName.createSimple("jakarta.ws.rs.PUT"), EndpointMethod.PUT,
            DotName.createSimple("jakarta.ws.rs.PATCH"), EndpointMethod.PATCH,
            DotName.createSimple("jakarta.ws.rs.DELETE"), EndpointMethod.DELETE);

    /** One operation of a native JAX-RS endpoint: its method and its path under the endpoint's path. */
    record ResourceOperation(EndpointMethod method, String path) {
    }

    private CustomEndpointForms() {
    }

    /**
     * The form of the handler that {@code prefix + ".handler"} names.
     *
     * @param prefix the endpoint's property prefix, {@code quarkus.pipeline.custom-endpoints."<id>"}
     * @param rest whether Quarkus REST is in the application
     * @throws ConfigurationException naming the property, for a handler that fits no form, or init-args that the
     *         form has no parameter for
     */
    static EndpointForm classify(String prefix, String handler, boolean nativeForm, Map<String, String> initArgs,
            IndexView index, boolean rest) {
        String key = prefix + ".handler";
        if (ClassReference.isMethod(handler)) {
            if (nativeForm) {
                throw new ConfigurationException(key + "=" + handler + ": a native endpoint is a class (a Vert.x "
                        + "Handler<RoutingContext>, a Consumer<Router> or a JAX-RS resource), not a method",
                        Set.of(key, prefix + ".native"));
            }
            MethodInfo method = JandexReferences.method(key, handler, index);
            if (method.parametersCount() > 0 && method.parameterType(0).name().equals(APP_RUNNER)) {
                checkBuilderMethodArgs(prefix, handler, method, initArgs);
                return EndpointForm.BUILDER_METHOD;
            }
            refuseInitArgs(prefix, initArgs, handler + " is a direct method");
            return EndpointForm.DIRECT_METHOD;
        }
        ClassInfo clazz = JandexReferences.concreteClass(key, handler, index);
        if (nativeForm) {
            refuseInitArgs(prefix, initArgs, handler + " is a native endpoint, used as it is,");
            if (!resourceOperations(clazz, index).isEmpty() || clazz.declaredAnnotation(JAXRS_PATH) != null) {
                return resourceForm(prefix, handler, clazz, rest);
            }
            boolean handlerForm = JandexReferences.implementsInterface(clazz, HANDLER, index);
            if (!handlerForm && !JandexReferences.implementsInterface(clazz, CONSUMER, index)) {
                throw new ConfigurationException(key + "=" + handler + " is a native endpoint but neither a Vert.x "
                        + "Handler<RoutingContext>, a Consumer<Router> nor a JAX-RS resource", Set.of(key));
            }
            if (!JandexReferences.hasPublicConstructor(clazz, List.of())) {
                throw new ConfigurationException(key + "=" + handler + " needs a public no-argument constructor",
                        Set.of(key));
            }
            return handlerForm ? EndpointForm.NATIVE_HANDLER : EndpointForm.NATIVE_ROUTER;
        }
        checkBuilderClass(prefix, handler, clazz, initArgs, index);
        return EndpointForm.BUILDER_CLASS;
    }

    private static EndpointForm resourceForm(String prefix, String handler, ClassInfo clazz, boolean rest) {
        String key = prefix + ".handler";
        if (!rest) {
            throw new ConfigurationException(key + "=" + handler + " is a JAX-RS resource: add the quarkus-rest "
                    + "extension to serve it", Set.of(key));
        }
        if (clazz.declaredAnnotation(JAXRS_PATH) != null) {
            throw new ConfigurationException(key + "=" + handler + " has a class-level @Path, so Quarkus REST would "
                    + "also serve it there: remove it, " + prefix + ".path takes its place", Set.of(key));
        }
        String restPath = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getOptionalValue("quarkus.rest.path", String.class).orElse("/").trim();
        if (!restPath.isEmpty() && !restPath.equals("/")) {
            throw new ConfigurationException(key + "=" + handler + " is a JAX-RS resource, served under "
                    + "quarkus.rest.path=" + restPath + " and not under " + prefix + ".path; leave quarkus.rest.path "
                    + "at / or use another form", Set.of(key, "quarkus.rest.path"));
        }
        return EndpointForm.NATIVE_RESOURCE;
    }

    /**
     * The operations of a JAX-RS resource class, inherited ones included: each method with a JAX-RS method
     * annotation, with its method-level {@code @Path} ({@code {name: regex}} parameters reduced to {@code {name}}).
     */
    static List<ResourceOperation> resourceOperations(ClassInfo clazz, IndexView index) {
        List<ResourceOperation> operations = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (ClassInfo c = clazz; c != null && !c.name().equals(DotName.OBJECT_NAME); c = index.getClassByName(c.superName())) {
            for (MethodInfo method : c.methods()) {
                for (Map.Entry<DotName, EndpointMethod> e : JAXRS_METHODS.entrySet()) {
                    if (method.hasDeclaredAnnotation(e.getKey())) {
                        AnnotationInstance path = method.declaredAnnotation(JAXRS_PATH);
                        String sub = path == null ? "" : templateWithoutRegex(path.value().asString().trim());
                        sub = sub.isEmpty() || sub.equals("/") ? "" : (sub.startsWith("/") ? sub : "/" + sub);
                        while (sub.endsWith("/")) {
                            sub = sub.substring(0, sub.length() - 1);
                        }
                        if (seen.add(e.getValue() + " " + sub)) {
                            operations.add(new ResourceOperation(e.getValue(), sub));
                        }
                    }
                }
            }
            if (c.superName() == null) {
                break;
            }
        }
        return operations;
    }

    /**
     * A JAX-RS path template with each {@code {name: regex}} parameter reduced to {@code {name}}; the regex may hold
     * braces of its own ({@code {code: [0-9]{3}}}).
     */
    static String templateWithoutRegex(String template) {
        StringBuilder out = new StringBuilder(template.length());
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c != '{') {
                out.append(c);
                i++;
                continue;
            }
            int depth = 0;
            int end = i;
            for (; end < template.length(); end++) {
                char d = template.charAt(end);
                if (d == '{') {
                    depth++;
                } else if (d == '}' && --depth == 0) {
                    break;
                }
            }
            if (end == template.length()) {
                throw new IllegalArgumentException("Unbalanced braces in the JAX-RS path " + template);
            }
            String parameter = template.substring(i + 1, end);
            int colon = parameter.indexOf(':');
            out.append('{').append((colon < 0 ? parameter : parameter.substring(0, colon)).trim()).append('}');
            i = end + 1;
        }
        return out.toString();
    }

    /** A builder method takes {@code (AppRunner)}, {@code (AppRunner, Map)} or parameters named after init-args. */
    private static void checkBuilderMethodArgs(String prefix, String handler, MethodInfo method,
            Map<String, String> initArgs) {
        if (method.parametersCount() == 2 && method.parameterType(1).name().equals(MAP)) {
            return;
        }
        Map<String, String> parameters = new java.util.LinkedHashMap<>();
        for (int i = 1; i < method.parametersCount(); i++) {
            String name = JandexReferences.parameterName(prefix + ".handler", handler, method, i);
            parameters.put(NamedArguments.normalize(name), name);
        }
        for (String arg : initArgs.keySet()) {
            if (!parameters.containsKey(NamedArguments.normalize(arg))) {
                String property = prefix + ".init-args.\"" + arg + "\"";
                throw new ConfigurationException(property + " names no parameter of " + handler
                        + "; it binds init-args by name to " + parameters.values(), Set.of(property));
            }
        }
    }

    /** A builder class is a Handler or has handle(...), and a constructor for the init-args it is given. */
    private static void checkBuilderClass(String prefix, String handler, ClassInfo clazz, Map<String, String> initArgs,
            IndexView index) {
        String key = prefix + ".handler";
        boolean withMap = JandexReferences.hasPublicConstructor(clazz, List.of(APP_RUNNER, MAP));
        if (!withMap && !JandexReferences.hasPublicConstructor(clazz, List.of(APP_RUNNER))
                && !JandexReferences.hasPublicConstructor(clazz, List.of())) {
            throw new ConfigurationException(key + "=" + handler + " needs a public (AppRunner, Map<String, String>), "
                    + "(AppRunner) or no-argument constructor", Set.of(key));
        }
        if (!withMap) {
            refuseInitArgs(prefix, initArgs, handler + " has no (AppRunner, Map<String, String>) constructor and");
        }
        if (!JandexReferences.implementsInterface(clazz, HANDLER, index)
                && !JandexReferences.hasMethod(clazz, "handle", index)) {
            throw new ConfigurationException(key + "=" + handler + " is neither a Handler<RoutingContext> nor has a "
                    + "handle(...) method", Set.of(key));
        }
    }

    private static void refuseInitArgs(String prefix, Map<String, String> initArgs, String why) {
        if (!initArgs.isEmpty()) {
            String property = prefix + ".init-args.\"" + initArgs.keySet().iterator().next() + "\"";
            throw new ConfigurationException(property + " names no parameter: " + why + " takes no init-args; a "
                    + "builder class or a builder method receives them", Set.of(property));
        }
    }
}
