package io.quarkiverse.pipelinedeployment.deployment.engine;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.AnnotationValue;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;
import org.jboss.jandex.Type;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkiverse.pipelinedeployment.Pipeline;
import io.quarkiverse.pipelinedeployment.PipelineParam;
import io.quarkiverse.pipelinedeployment.Step;
import io.quarkiverse.pipelinedeployment.deployment.ClassReference;
import io.quarkiverse.pipelinedeployment.runtime.engine.ExecutionMode;
import io.quarkiverse.pipelinedeployment.runtime.engine.OutputKind;
import io.quarkiverse.pipelinedeployment.runtime.engine.ParameterDefinition;
import io.quarkiverse.pipelinedeployment.runtime.engine.PipelineDefinition;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * Finds the {@code @Pipeline} to deploy in the Jandex index and resolves everything about it at build time:
 * parameters, defaults, schemas, steps and execution model.
 */
public final class PipelineScanner {

    private static final Logger LOG = Logger.getLogger(PipelineScanner.class);

    public static final DotName PIPELINE = DotName.createSimple(Pipeline.class);
    public static final DotName STEP = DotName.createSimple(Step.class);
    static final DotName PIPELINE_PARAM = DotName.createSimple(PipelineParam.class);
    static final DotName NON_BLOCKING = DotName.createSimple("io.smallrye.common.annotation.NonBlocking");
    static final DotName BLOCKING = DotName.createSimple("io.smallrye.common.annotation.Blocking");
    static final DotName RUN_ON_VIRTUAL_THREAD = DotName.createSimple("io.smallrye.common.annotation.RunOnVirtualThread");
    private static final DotName UNI = DotName.createSimple("io.smallrye.mutiny.Uni");
    private static final DotName MULTI = DotName.createSimple("io.smallrye.mutiny.Multi");
    private static final DotName COMPLETION_STAGE = DotName.createSimple("java.util.concurrent.CompletionStage");
    private static final DotName COMPLETABLE_FUTURE = DotName.createSimple("java.util.concurrent.CompletableFuture");
    private static final DotName INTERCEPTOR = DotName.createSimple("jakarta.interceptor.Interceptor");
    private static final DotName VOID = DotName.createSimple("java.lang.Void");

    public static final String NAME_KEY = "quarkus.pipeline.name";

    private final IndexView index;
    private final IndexView application;
    private final JsonSchemaGenerator schemas;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param index a computing index, which also knows the JDK and library types
     * @param application the application's index, whose classes' bytecode is read to find the pipeline's steps
     */
    public PipelineScanner(IndexView index, IndexView application) {
        this.index = index;
        this.application = application;
        this.schemas = new JsonSchemaGenerator(index);
    }

    /**
     * Resolves the pipeline selected by {@code quarkus.pipeline.name}, or the only one.
     *
     * @throws ConfigurationException when there is none, the choice is ambiguous or the pipeline is malformed
     */
    public PipelineBuildItem scan(Optional<String> selected) {
        List<MethodInfo> pipelines = new ArrayList<>();
        for (AnnotationInstance annotation : index.getAnnotations(PIPELINE)) {
            if (annotation.target().kind() == AnnotationTarget.Kind.METHOD) {
                pipelines.add(annotation.target().asMethod());
            }
        }
        if (pipelines.isEmpty()) {
            throw new ConfigurationException("No @Pipeline method found: annotate the entry method of a CDI bean with "
                    + "@io.quarkiverse.pipelinedeployment.Pipeline (" + NAME_KEY + " selects one when there are several)",
                    Set.of(NAME_KEY));
        }
        String found = pipelines.stream().map(m -> "'" + name(m) + "' (" + describe(m) + ")")
                .collect(Collectors.joining(", "));
        MethodInfo method;
        if (selected.isPresent()) {
            List<MethodInfo> matching = pipelines.stream().filter(m -> name(m).equals(selected.get())).toList();
            if (matching.isEmpty()) {
                throw new ConfigurationException(NAME_KEY + "=" + selected.get()
                        + " names no @Pipeline method; found " + found, Set.of(NAME_KEY));
            }
            if (matching.size() > 1) {
                throw new ConfigurationException(NAME_KEY + "=" + selected.get()
                        + " is ambiguous: several @Pipeline methods have that name; found " + found, Set.of(NAME_KEY));
            }
            method = matching.get(0);
        } else if (pipelines.size() > 1) {
            throw new ConfigurationException("Found " + pipelines.size() + " @Pipeline methods: " + found
                    + "; set " + NAME_KEY + " to the one to deploy", Set.of(NAME_KEY));
        } else {
            method = pipelines.get(0);
        }
        return resolve(method);
    }

    static String name(MethodInfo method) {
        AnnotationValue value = method.annotation(PIPELINE).value("name");
        return value == null || value.asString().isBlank() ? method.name() : value.asString();
    }

    static String describe(MethodInfo method) {
        return ClassReference.of(method);
    }

    private PipelineBuildItem resolve(MethodInfo method) {
        String where = "@Pipeline method " + describe(method);
        if (java.lang.reflect.Modifier.isStatic(method.flags()) || java.lang.reflect.Modifier.isPrivate(method.flags())
                || java.lang.reflect.Modifier.isAbstract(method.flags())) {
            throw new ConfigurationException(where + " must be a non-private, non-static, non-abstract method of a CDI bean",
                    Set.of(NAME_KEY));
        }
        List<Type> boundTypes = new ArrayList<>();
        List<ParameterDefinition> parameters = new ArrayList<>();
        ObjectNode properties = JsonNodeFactory.instance.objectNode();
        List<String> required = new ArrayList<>();
        Set<String> names = new TreeSet<>();
        for (int i = 0; i < method.parametersCount(); i++) {
            ParameterDefinition parameter = parameter(method, i, properties);
            if (!names.add(parameter.getName())) {
                throw new ConfigurationException(where + " has two parameters named '" + parameter.getName() + "'",
                        Set.of(NAME_KEY));
            }
            parameters.add(parameter);
            if (parameter.isRequired()) {
                required.add(parameter.getName());
            }
            boundTypes.add(method.parameterType(i));
        }
        ObjectNode input = JsonNodeFactory.instance.objectNode();
        input.put("type", "object");
        input.put("title", name(method) + " parameters");
        input.set("properties", properties);
        required.forEach(input.putArray("required")::add);
        input.put("additionalProperties", false);

        Type returnType = method.returnType();
        ExecutionMode mode = executionMode(method);
        Type outputType = mode == ExecutionMode.ASYNC ? asyncResult(method) : returnType;
        OutputKind kind;
        ObjectNode output;
        if (outputType.kind() == Type.Kind.VOID || outputType.name().equals(VOID)) {
            kind = OutputKind.NONE;
            output = JsonNodeFactory.instance.objectNode().put("type", "object");
            output.putObject("properties");
            output.put("additionalProperties", false);
        } else if (schemas.isObjectType(outputType)) {
            kind = OutputKind.OBJECT;
            output = schemas.schema(outputType);
            boundTypes.add(outputType);
        } else {
            kind = OutputKind.WRAPPED;
            output = JsonNodeFactory.instance.objectNode().put("type", "object");
            output.putObject("properties").set("output", schemas.schema(outputType));
            output.putArray("required").add("output");
            boundTypes.add(outputType);
        }
        PipelineDefinition definition = new PipelineDefinition(name(method), method.declaringClass().name().toString(),
                method.name(), mode, kind, parameters, input.toString(), output.toString(), steps(method));
        return new PipelineBuildItem(definition, method, boundTypes);
    }

    private ParameterDefinition parameter(MethodInfo method, int position, ObjectNode properties) {
        Type type = method.parameterType(position);
        AnnotationInstance param = null;
        for (AnnotationInstance a : method.annotations(PIPELINE_PARAM)) {
            if (a.target().kind() == AnnotationTarget.Kind.METHOD_PARAMETER
                    && a.target().asMethodParameter().position() == position) {
                param = a;
            }
        }
        String name = param != null && param.value("name") != null && !param.value("name").asString().isBlank()
                ? param.value("name").asString()
                : method.parameterName(position);
        String where = "parameter " + position + " of @Pipeline method " + describe(method);
        if (name == null) {
            throw new ConfigurationException("The name of " + where + " is unknown: compile with -parameters "
                    + "(maven-compiler-plugin <parameters>true</parameters>) or use @PipelineParam(name = \"...\")",
                    Set.of(NAME_KEY));
        }
        where = "parameter '" + name + "' of @Pipeline method " + describe(method);
        boolean optional = type.name().equals(JsonSchemaGenerator.OPTIONAL)
                || type.name().equals(JsonSchemaGenerator.OPTIONAL_INT)
                || type.name().equals(JsonSchemaGenerator.OPTIONAL_LONG)
                || type.name().equals(JsonSchemaGenerator.OPTIONAL_DOUBLE);
        boolean primitive = type.kind() == Type.Kind.PRIMITIVE;
        boolean notRequired = param != null && param.value("required") != null && !param.value("required").asBoolean();
        if (notRequired && primitive) {
            throw new ConfigurationException("@PipelineParam(required = false) on " + where
                    + " is impossible for a primitive: use its wrapper type, an Optional or a defaultValue",
                    Set.of(NAME_KEY));
        }
        ObjectNode schema = schemas.schema(type);
        String defaultJson = null;
        if (param != null && param.value("defaultValue") != null
                && !PipelineParam.NO_DEFAULT.equals(param.value("defaultValue").asString())) {
            JsonNode defaultValue = defaultValue(param.value("defaultValue").asString(), schema, where);
            schema.set("default", defaultValue);
            defaultJson = defaultValue.toString();
        }
        properties.set(name, schema);
        boolean required = !optional && defaultJson == null && !notRequired;
        return new ParameterDefinition(name, canonical(type), required, optional || notRequired, defaultJson,
                expected(schema));
    }

    /**
     * Converts a {@code @PipelineParam(defaultValue)} to the JSON value of the parameter's type: scalars as written,
     * everything else parsed as JSON.
     */
    private JsonNode defaultValue(String raw, ObjectNode schema, String where) {
        String type = schema.path("type").asText("");
        JsonNodeFactory f = JsonNodeFactory.instance;
        try {
            switch (type) {
                case "string":
                    if (schema.has("enum")) {
                        boolean known = false;
                        for (JsonNode v : schema.get("enum")) {
                            known |= v.asText().equals(raw);
                        }
                        if (!known) {
                            throw new IllegalArgumentException("not one of " + schema.get("enum"));
                        }
                    }
                    return f.textNode(raw);
                case "integer":
                    return f.numberNode(new BigInteger(raw.trim()));
                case "number":
                    return f.numberNode(new BigDecimal(raw.trim()));
                case "boolean":
                    if (raw.trim().equalsIgnoreCase("true") || raw.trim().equalsIgnoreCase("false")) {
                        return f.booleanNode(Boolean.parseBoolean(raw.trim()));
                    }
                    throw new IllegalArgumentException("not true or false");
                default:
                    return json.readTree(raw);
            }
        } catch (Exception e) {
            throw new ConfigurationException("@PipelineParam(defaultValue = \"" + raw + "\") of " + where
                    + " is not a valid " + (type.isEmpty() ? "JSON value" : type) + ": " + e.getMessage(),
                    Set.of(NAME_KEY));
        }
    }

    /** What a valid value is, in the seed framework's words, for 422 messages. */
    static String expected(ObjectNode schema) {
        String type = schema.path("type").asText("");
        return switch (type) {
            case "integer" -> "a valid integer";
            case "number" -> "a valid number";
            case "boolean" -> "a valid boolean";
            case "array" -> "a valid list";
            case "object" -> schema.has("properties") ? "a valid object" : "a valid dictionary";
            case "string" -> {
                if (!schema.has("enum")) {
                    yield "a valid string";
                }
                List<String> values = new ArrayList<>();
                schema.get("enum").forEach(v -> values.add("'" + v.asText() + "'"));
                yield values.size() == 1 ? values.get(0)
                        : String.join(", ", values.subList(0, values.size() - 1)) + " or " + values.get(values.size() - 1);
            }
            default -> "a valid value";
        };
    }

    /** The Jackson canonical form of a generic type, e.g. {@code java.util.List<java.lang.Double>}. */
    static String canonical(Type type) {
        return switch (type.kind()) {
            case PRIMITIVE -> type.asPrimitiveType().name().toString();
            case ARRAY -> type.asArrayType().name().toString();
            case PARAMETERIZED_TYPE -> type.name() + type.asParameterizedType().arguments().stream()
                    .map(PipelineScanner::canonical).collect(Collectors.joining(",", "<", ">"));
            case WILDCARD_TYPE -> type.asWildcardType().extendsBound() == null ? "java.lang.Object"
                    : canonical(type.asWildcardType().extendsBound());
            case TYPE_VARIABLE -> type.asTypeVariable().bounds().isEmpty() ? "java.lang.Object"
                    : canonical(type.asTypeVariable().bounds().get(0));
            default -> type.name().toString();
        };
    }

    private ExecutionMode executionMode(MethodInfo method) {
        DotName returned = method.returnType().name();
        if (returned.equals(MULTI)) {
            throw new ConfigurationException("@Pipeline method " + describe(method)
                    + " returns a Multi; a pipeline returns one result: use Uni, CompletionStage or a plain type",
                    Set.of(NAME_KEY));
        }
        if (returned.equals(UNI) || returned.equals(COMPLETION_STAGE) || returned.equals(COMPLETABLE_FUTURE)) {
            return ExecutionMode.ASYNC;
        }
        ClassInfo declaring = method.declaringClass();
        if (method.hasDeclaredAnnotation(NON_BLOCKING)
                || (!method.hasDeclaredAnnotation(BLOCKING) && !method.hasDeclaredAnnotation(RUN_ON_VIRTUAL_THREAD)
                        && declaring.hasDeclaredAnnotation(NON_BLOCKING))) {
            return ExecutionMode.EVENT_LOOP;
        }
        if (method.hasDeclaredAnnotation(RUN_ON_VIRTUAL_THREAD)
                || (!method.hasDeclaredAnnotation(BLOCKING) && declaring.hasDeclaredAnnotation(RUN_ON_VIRTUAL_THREAD))) {
            if (Runtime.version().feature() < 21) {
                LOG.warnf("@RunOnVirtualThread on @Pipeline method %s: this JVM (Java %d) has no virtual threads, so "
                        + "invocations run on the invocation pool; use Java 21 or later to run them on virtual threads",
                        describe(method), Runtime.version().feature());
            }
            return ExecutionMode.VIRTUAL_THREAD;
        }
        return ExecutionMode.WORKER_POOL;
    }

    private static Type asyncResult(MethodInfo method) {
        Type returned = method.returnType();
        if (returned.kind() == Type.Kind.PARAMETERIZED_TYPE && !returned.asParameterizedType().arguments().isEmpty()) {
            return returned.asParameterizedType().arguments().get(0);
        }
        return Type.create(DotName.createSimple(Object.class), Type.Kind.CLASS);
    }

    /**
     * The names of the {@code @Step} methods that the pipeline method reaches, sorted.
     *
     * @throws ConfigurationException for a step that cannot be intercepted, anywhere in the application
     */
    List<String> steps(MethodInfo pipeline) {
        Map<ReachableSteps.MethodRef, String> steps = new HashMap<>();
        for (AnnotationInstance annotation : index.getAnnotations(STEP)) {
            if (annotation.target().kind() == AnnotationTarget.Kind.CLASS
                    && !annotation.target().asClass().hasDeclaredAnnotation(INTERCEPTOR)) {
                throw new ConfigurationException("@Step on class " + annotation.target().asClass().name()
                        + ": put @Step on the step methods instead", Set.of(NAME_KEY));
            }
            if (annotation.target().kind() != AnnotationTarget.Kind.METHOD) {
                continue;
            }
            MethodInfo method = annotation.target().asMethod();
            if (java.lang.reflect.Modifier.isPrivate(method.flags())
                    || java.lang.reflect.Modifier.isStatic(method.flags())) {
                throw new ConfigurationException("@Step method " + describe(method)
                        + " is private or static, so its calls cannot be recorded: make it a non-private instance "
                        + "method of a CDI bean", Set.of(NAME_KEY));
            }
            AnnotationValue value = annotation.value("name");
            steps.put(ReachableSteps.MethodRef.of(method),
                    value == null || value.asString().isBlank() ? method.name() : value.asString());
        }
        return new ReachableSteps(application, index, Thread.currentThread().getContextClassLoader())
                .from(pipeline, steps);
    }
}
