package io.quarkiverse.pipelinedeployment.deployment.engine;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.FieldInfo;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;
import org.jboss.jandex.PrimitiveType;
import org.jboss.jandex.RecordComponentInfo;
import org.jboss.jandex.Type;
import org.jboss.jandex.TypeVariable;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Computes JSON Schemas (draft 2020-12 vocabulary, inlined, no {@code $ref}) of Java types from Jandex at build
 * time, following how Jackson writes and reads them: records by their components, POJOs by their public fields and
 * getters, {@code java.time} types as strings, {@code Optional} as its content.
 */
final class JsonSchemaGenerator {

    static final DotName OPTIONAL = DotName.createSimple("java.util.Optional");
    static final DotName OPTIONAL_INT = DotName.createSimple("java.util.OptionalInt");
    static final DotName OPTIONAL_LONG = DotName.createSimple("java.util.OptionalLong");
    static final DotName OPTIONAL_DOUBLE = DotName.createSimple("java.util.OptionalDouble");
    private static final DotName JSON_PROPERTY = DotName.createSimple("com.fasterxml.jackson.annotation.JsonProperty");
    private static final DotName JSON_IGNORE = DotName.createSimple("com.fasterxml.jackson.annotation.JsonIgnore");
    private static final DotName ENUM = DotName.createSimple("java.lang.Enum");
    private static final DotName OBJECT = DotName.createSimple("java.lang.Object");
    private static final DotName RECORD = DotName.createSimple("java.lang.Record");

    private static final Map<String, String[]> SCALARS = new HashMap<>();

    static {
        // name -> { JSON type, format (or null) }
        for (String s : List.of("java.lang.String", "java.lang.CharSequence", "java.lang.StringBuilder")) {
            SCALARS.put(s, new String[] { "string", null });
        }
        SCALARS.put("java.lang.Character", new String[] { "string", null });
        SCALARS.put("java.lang.Boolean", new String[] { "boolean", null });
        SCALARS.put("java.lang.Byte", new String[] { "integer", "int32" });
        SCALARS.put("java.lang.Short", new String[] { "integer", "int32" });
        SCALARS.put("java.lang.Integer", new String[] { "integer", "int32" });
        SCALARS.put("java.lang.Long", new String[] { "integer", "int64" });
        SCALARS.put("java.math.BigInteger", new String[] { "integer", null });
        SCALARS.put("java.util.concurrent.atomic.AtomicInteger", new String[] { "integer", "int32" });
        SCALARS.put("java.util.concurrent.atomic.AtomicLong", new String[] { "integer", "int64" });
        SCALARS.put("java.lang.Float", new String[] { "number", "float" });
        SCALARS.put("java.lang.Double", new String[] { "number", "double" });
        SCALARS.put("java.math.BigDecimal", new String[] { "number", null });
        SCALARS.put("java.lang.Number", new String[] { "number", null });
        SCALARS.put("java.util.UUID", new String[] { "string", "uuid" });
        SCALARS.put("java.net.URI", new String[] { "string", "uri" });
        SCALARS.put("java.net.URL", new String[] { "string", "uri" });
        SCALARS.put("java.time.LocalDate", new String[] { "string", "date" });
        SCALARS.put("java.time.LocalDateTime", new String[] { "string", "date-time" });
        SCALARS.put("java.time.OffsetDateTime", new String[] { "string", "date-time" });
        SCALARS.put("java.time.ZonedDateTime", new String[] { "string", "date-time" });
        SCALARS.put("java.time.Instant", new String[] { "string", "date-time" });
        SCALARS.put("java.util.Date", new String[] { "string", "date-time" });
        SCALARS.put("java.time.LocalTime", new String[] { "string", "time" });
        SCALARS.put("java.time.OffsetTime", new String[] { "string", "time" });
        SCALARS.put("java.time.Duration", new String[] { "string", "duration" });
        SCALARS.put("java.time.Period", new String[] { "string", "duration" });
        SCALARS.put("java.time.Year", new String[] { "string", null });
        SCALARS.put("java.time.YearMonth", new String[] { "string", null });
        SCALARS.put("java.time.MonthDay", new String[] { "string", null });
        SCALARS.put("java.time.ZoneId", new String[] { "string", null });
        SCALARS.put("java.time.ZoneOffset", new String[] { "string", null });
        SCALARS.put("java.util.Locale", new String[] { "string", null });
        SCALARS.put("java.util.Currency", new String[] { "string", null });
    }

    private static final Set<String> COLLECTIONS = Set.of("java.util.List", "java.util.Collection",
            "java.lang.Iterable", "java.util.ArrayList", "java.util.LinkedList", "java.util.Queue", "java.util.Deque",
            "java.util.ArrayDeque", "java.util.SequencedCollection");
    private static final Set<String> SETS = Set.of("java.util.Set", "java.util.HashSet", "java.util.LinkedHashSet",
            "java.util.SortedSet", "java.util.NavigableSet", "java.util.TreeSet", "java.util.EnumSet",
            "java.util.SequencedSet");
    private static final Set<String> MAPS = Set.of("java.util.Map", "java.util.HashMap", "java.util.LinkedHashMap",
            "java.util.SortedMap", "java.util.NavigableMap", "java.util.TreeMap", "java.util.concurrent.ConcurrentMap",
            "java.util.concurrent.ConcurrentHashMap", "java.util.EnumMap", "java.util.SequencedMap");
    private static final Set<String> ANY = Set.of("java.lang.Object", "com.fasterxml.jackson.databind.JsonNode",
            "java.io.Serializable");

    private final IndexView index;
    private final JsonNodeFactory json = JsonNodeFactory.instance;
    private final Deque<DotName> inProgress = new ArrayDeque<>();

    JsonSchemaGenerator(IndexView index) {
        this.index = index;
    }

    /**
     * The schema of {@code type}, with {@code Optional} unwrapped.
     */
    ObjectNode schema(Type type) {
        return schema(type, Map.of());
    }

    private ObjectNode schema(Type type, Map<String, Type> bindings) {
        ObjectNode node = json.objectNode();
        switch (type.kind()) {
            case PRIMITIVE -> primitive(node, type.asPrimitiveType());
            case ARRAY -> {
                Type component = type.asArrayType().component();
                if (component.kind() == Type.Kind.PRIMITIVE
                        && component.asPrimitiveType().primitive() == PrimitiveType.Primitive.BYTE) {
                    node.put("type", "string").put("format", "byte");
                } else {
                    node.put("type", "array").set("items", schema(component, bindings));
                }
            }
            case TYPE_VARIABLE -> {
                TypeVariable variable = type.asTypeVariable();
                Type bound = bindings.get(variable.identifier());
                if (bound != null) {
                    return schema(bound, Map.of());
                }
                List<Type> bounds = variable.bounds();
                return bounds.isEmpty() || bounds.get(0).name().equals(OBJECT) ? node : schema(bounds.get(0), bindings);
            }
            case WILDCARD_TYPE -> {
                Type bound = type.asWildcardType().extendsBound();
                return bound == null ? node : schema(bound, bindings);
            }
            case CLASS, PARAMETERIZED_TYPE -> named(node, type, bindings);
            default -> {
                // unresolved or void: any value
            }
        }
        return node;
    }

    private static void primitive(ObjectNode node, PrimitiveType type) {
        switch (type.primitive()) {
            case BOOLEAN -> node.put("type", "boolean");
            case BYTE, SHORT, INT -> node.put("type", "integer").put("format", "int32");
            case LONG -> node.put("type", "integer").put("format", "int64");
            case FLOAT -> node.put("type", "number").put("format", "float");
            case DOUBLE -> node.put("type", "number").put("format", "double");
            case CHAR -> node.put("type", "string").put("minLength", 1).put("maxLength", 1);
        }
    }

    private void named(ObjectNode node, Type type, Map<String, Type> bindings) {
        String name = type.name().toString();
        List<Type> arguments = type.kind() == Type.Kind.PARAMETERIZED_TYPE ? type.asParameterizedType().arguments()
                : List.of();
        String[] scalar = SCALARS.get(name);
        if (scalar != null) {
            node.put("type", scalar[0]);
            if (scalar[1] != null) {
                node.put("format", scalar[1]);
            }
            return;
        }
        if (ANY.contains(name)) {
            return;
        }
        if (type.name().equals(OPTIONAL)) {
            node.setAll(arguments.isEmpty() ? json.objectNode() : schema(arguments.get(0), bindings));
            return;
        }
        if (type.name().equals(OPTIONAL_INT) || type.name().equals(OPTIONAL_LONG)) {
            node.put("type", "integer");
            return;
        }
        if (type.name().equals(OPTIONAL_DOUBLE)) {
            node.put("type", "number");
            return;
        }
        if (COLLECTIONS.contains(name) || SETS.contains(name)) {
            node.put("type", "array");
            node.set("items", arguments.isEmpty() ? json.objectNode() : schema(arguments.get(0), bindings));
            if (SETS.contains(name)) {
                node.put("uniqueItems", true);
            }
            return;
        }
        if (MAPS.contains(name)) {
            node.put("type", "object");
            node.set("additionalProperties",
                    arguments.size() < 2 ? json.objectNode() : schema(arguments.get(1), bindings));
            return;
        }
        if (name.equals("com.fasterxml.jackson.databind.node.ObjectNode")) {
            node.put("type", "object");
            return;
        }
        if (name.equals("com.fasterxml.jackson.databind.node.ArrayNode")) {
            node.put("type", "array");
            return;
        }
        ClassInfo clazz = index.getClassByName(type.name());
        if (clazz == null) {
            // Not indexed and not a known JDK type: any JSON value
            return;
        }
        if (clazz.isEnum() || ENUM.equals(clazz.superName())) {
            node.put("type", "string");
            ArrayNode values = node.putArray("enum");
            for (FieldInfo constant : clazz.enumConstants()) {
                values.add(constant.name());
            }
            return;
        }
        node.put("type", "object");
        node.put("title", clazz.simpleName());
        if (inProgress.contains(clazz.name())) {
            // A recursive type: stop here rather than inline forever
            return;
        }
        inProgress.push(clazz.name());
        try {
            node.set("properties", properties(clazz, typeBindings(clazz, arguments, bindings)));
        } finally {
            inProgress.pop();
        }
    }

    private static Map<String, Type> typeBindings(ClassInfo clazz, List<Type> arguments, Map<String, Type> outer) {
        List<TypeVariable> parameters = clazz.typeParameters();
        if (parameters.isEmpty() || arguments.size() != parameters.size()) {
            return Map.of();
        }
        Map<String, Type> bindings = new HashMap<>();
        for (int i = 0; i < parameters.size(); i++) {
            Type argument = arguments.get(i);
            if (argument.kind() == Type.Kind.TYPE_VARIABLE && outer.containsKey(argument.asTypeVariable().identifier())) {
                argument = outer.get(argument.asTypeVariable().identifier());
            }
            bindings.put(parameters.get(i).identifier(), argument);
        }
        return bindings;
    }

    private ObjectNode properties(ClassInfo clazz, Map<String, Type> bindings) {
        ObjectNode properties = json.objectNode();
        if (clazz.isRecord() || RECORD.equals(clazz.superName())) {
            for (RecordComponentInfo component : clazz.unsortedRecordComponents()) {
                // Jackson's annotations do not target record components: javac puts them on the field
                FieldInfo field = clazz.field(component.name());
                if (!component.hasAnnotation(JSON_IGNORE) && (field == null || !field.hasAnnotation(JSON_IGNORE))) {
                    AnnotationInstance rename = component.annotation(JSON_PROPERTY) != null
                            ? component.annotation(JSON_PROPERTY)
                            : field == null ? null : field.annotation(JSON_PROPERTY);
                    properties.set(propertyName(rename, component.name()), schema(component.type(), bindings));
                }
            }
            return properties;
        }
        // POJO: public fields and getters, superclasses first, as Jackson sees them
        Map<String, Type> found = new LinkedHashMap<>();
        collectPojo(clazz, bindings, found);
        for (Map.Entry<String, Type> e : found.entrySet()) {
            properties.set(e.getKey(), schema(e.getValue(), bindings));
        }
        return properties;
    }

    private void collectPojo(ClassInfo clazz, Map<String, Type> bindings, Map<String, Type> found) {
        if (clazz.superName() != null && !clazz.superName().equals(OBJECT)) {
            ClassInfo superClass = index.getClassByName(clazz.superName());
            if (superClass != null) {
                collectPojo(superClass, bindings, found);
            }
        }
        for (FieldInfo field : clazz.unsortedFields()) {
            if (java.lang.reflect.Modifier.isStatic(field.flags()) || java.lang.reflect.Modifier.isTransient(field.flags())
                    || field.isSynthetic()
                    || field.hasAnnotation(JSON_IGNORE)) {
                continue;
            }
            boolean visible = java.lang.reflect.Modifier.isPublic(field.flags())
                    || getter(clazz, field.name()) != null || field.hasAnnotation(JSON_PROPERTY);
            if (visible) {
                found.put(propertyName(field.annotation(JSON_PROPERTY), field.name()), field.type());
            }
        }
        for (MethodInfo method : clazz.unsortedMethods()) {
            String property = getterProperty(method);
            if (property != null && !method.hasAnnotation(JSON_IGNORE) && !found.containsKey(property)
                    && clazz.field(property) == null) {
                found.put(propertyName(method.annotation(JSON_PROPERTY), property), method.returnType());
            }
        }
    }

    private static MethodInfo getter(ClassInfo clazz, String property) {
        for (MethodInfo method : clazz.methods()) {
            if (property.equals(getterProperty(method))) {
                return method;
            }
        }
        return null;
    }

    /** The property a public getter reads ({@code getScore()}, {@code isFlagged()}), or {@code null}. */
    static String getterProperty(MethodInfo method) {
        if (method.isStaticInitializer() || method.isConstructor() || method.parametersCount() != 0
                || !java.lang.reflect.Modifier.isPublic(method.flags())
                || java.lang.reflect.Modifier.isStatic(method.flags()) || method.isSynthetic()
                || method.returnType().kind() == Type.Kind.VOID) {
            return null;
        }
        String name = method.name();
        String rest;
        if (name.startsWith("get") && name.length() > 3 && !name.equals("getClass")) {
            rest = name.substring(3);
        } else if (name.startsWith("is") && name.length() > 2 && method.returnType().kind() == Type.Kind.PRIMITIVE
                && method.returnType().asPrimitiveType().primitive() == PrimitiveType.Primitive.BOOLEAN) {
            rest = name.substring(2);
        } else {
            return null;
        }
        return Character.toLowerCase(rest.charAt(0)) + rest.substring(1);
    }

    private static String propertyName(AnnotationInstance jsonProperty, String javaName) {
        if (jsonProperty != null && jsonProperty.value() != null && !jsonProperty.value().asString().isEmpty()) {
            return jsonProperty.value().asString();
        }
        return javaName;
    }

    /**
     * Whether Jackson writes values of {@code type} as a JSON object with named properties: records and POJOs,
     * not JDK types, enums, collections, maps or arrays.
     */
    boolean isObjectType(Type type) {
        if (type.kind() != Type.Kind.CLASS && type.kind() != Type.Kind.PARAMETERIZED_TYPE) {
            return false;
        }
        String name = type.name().toString();
        if (name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("com.fasterxml.jackson.")) {
            return false;
        }
        ClassInfo clazz = index.getClassByName(type.name());
        return clazz == null || !(clazz.isEnum() || ENUM.equals(clazz.superName()));
    }
}
