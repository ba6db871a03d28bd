package io.quarkiverse.pipelinedeployment.deployment.docs;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.pipelinedeployment.deployment.http.BuiltinEndpoint;
import io.quarkiverse.pipelinedeployment.deployment.http.EndpointRoutes;

/**
 * Adds the deployment's served built-in endpoints to the OpenAPI document at build time, at their full composed
 * paths, with the pipeline's own input and output schemas in the invoke operation. Runs inside SmallRye OpenAPI's
 * build-time document generation.
 */
final class PipelineOpenApiFilter implements OASFilter {

    static final String TAG = "Pipeline";

    private final String pipeline;
    private final JsonNode inputSchema;
    private final JsonNode outputSchema;
    private final Map<BuiltinEndpoint, String> paths;
    private final String title;
    private final String description;
    private final String version;
    private final java.util.Set<BuiltinEndpoint> protectedEndpoints;
    private final List<CustomOperation> customOperations;

    /** A custom endpoint, as the document shows it. */
    record CustomOperation(String method, String path, List<String> pathParameters, boolean hasBody,
            boolean authRequired, String source) {
    }

    static final String BEARER = "bearerAuth";

    /**
     * @param paths the served built-in endpoints and their absolute paths
     */
    PipelineOpenApiFilter(String pipeline, String inputSchema, String outputSchema, Map<BuiltinEndpoint, String> paths,
            java.util.Set<BuiltinEndpoint> protectedEndpoints, List<CustomOperation> customOperations, String title,
            String description, String version) {
        this.protectedEndpoints = protectedEndpoints;
        this.customOperations = customOperations;
        ObjectMapper json = new ObjectMapper();
        try {
            this.inputSchema = json.readTree(inputSchema);
            this.outputSchema = json.readTree(outputSchema);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        this.pipeline = pipeline;
        this.paths = paths;
        this.title = title;
        this.description = description;
        this.version = version;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        // The runtime values (quarkus.pipeline.app-*) replace these when the document is served
        openAPI.info(OASFactory.createInfo().title(title).description(description).version(version));
        openAPI.addTag(OASFactory.createTag().name(TAG).description("The " + pipeline + " pipeline deployment"));
        if (openAPI.getServers() == null || openAPI.getServers().isEmpty()) {
            // The paths are absolute: the server is wherever the document was fetched from
            openAPI.addServer(OASFactory.createServer().url("/"));
        }
        if (openAPI.getPaths() == null) {
            openAPI.paths(OASFactory.createPaths());
        }
        RunsOpenApi.Schemas schemas = schemas();
        for (Map.Entry<BuiltinEndpoint, String> e : paths.entrySet()) {
            switch (e.getKey()) {
                case INVOKE -> openAPI.getPaths().addPathItem(e.getValue(),
                        OASFactory.createPathItem().POST(invoke(schemas)));
                case RUNS -> new RunsOpenApi(schemas, protectedEndpoints.contains(BuiltinEndpoint.RUNS))
                        .addTo(openAPI, e.getValue());
                case INFO -> openAPI.getPaths().addPathItem(e.getValue(), OASFactory.createPathItem().GET(
                        operation("info", "Describe the deployment",
                                "The deployment, the pipeline with its schemas and defaults, the paths and counters.")
                                .responses(responses(ok("The deployment's description",
                                        json(object("DeploymentInfo")))))));
                case HEALTH -> {
                    openAPI.getPaths().addPathItem(e.getValue(), health("health", "Health of the deployment"));
                    openAPI.getPaths().addPathItem(e.getValue() + EndpointRoutes.HEALTH_LIVE,
                            health("liveness", "Liveness of the deployment"));
                    openAPI.getPaths().addPathItem(e.getValue() + EndpointRoutes.HEALTH_READY,
                            health("readiness", "Readiness of the deployment"));
                }
                case METRICS -> openAPI.getPaths().addPathItem(e.getValue(), OASFactory.createPathItem().GET(metrics()));
                default -> {
                    // docs, redoc and the dashboard are pages, not API operations
                }
            }
        }
        // Custom endpoints, after the built-in ones: one on a built-in's method and path replaces it
        for (CustomOperation custom : customOperations) {
            PathItem item = openAPI.getPaths().getPathItem(custom.path());
            if (item == null) {
                item = OASFactory.createPathItem();
                openAPI.getPaths().addPathItem(custom.path(), item);
            }
            item.setOperation(PathItem.HttpMethod.valueOf(custom.method()), custom(custom));
        }
        // Protected operations declare the bearer API key
        boolean anyProtected = false;
        for (Map.Entry<BuiltinEndpoint, String> e : paths.entrySet()) {
            if (protectedEndpoints.contains(e.getKey()) && openAPI.getPaths().getPathItem(e.getValue()) != null) {
                for (Operation operation : openAPI.getPaths().getPathItem(e.getValue()).getOperations().values()) {
                    if (!isCustom(operation)) {
                        operation.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme(BEARER)));
                        anyProtected = true;
                    }
                }
            }
        }
        anyProtected |= customOperations.stream().anyMatch(CustomOperation::authRequired);
        if (anyProtected) {
            if (openAPI.getComponents() == null) {
                openAPI.components(OASFactory.createComponents());
            }
            openAPI.getComponents().addSecurityScheme(BEARER, OASFactory.createSecurityScheme()
                    .type(org.eclipse.microprofile.openapi.models.security.SecurityScheme.Type.HTTP).scheme("bearer")
                    .description("An API key of quarkus.pipeline.auth.api-keys, when set"));
        }
    }

    private static boolean isCustom(Operation operation) {
        return operation.getExtensions() != null && operation.getExtensions().containsKey("x-pipeline-custom");
    }

    private static Operation custom(CustomOperation custom) {
        String id = (custom.method().toLowerCase(java.util.Locale.ROOT) + custom.path()).replaceAll("[^A-Za-z0-9]+",
                "_");
        Operation operation = OASFactory.createOperation().operationId(id).summary(custom.method() + " " + custom.path())
                .description("Custom endpoint declared by " + custom.source()).addTag(TAG)
                .addExtension("x-pipeline-custom", true)
                .responses(responses(ok("The endpoint's JSON answer", json(OASFactory.createSchema())))
                        .addAPIResponse("422", OASFactory.createAPIResponse().description("Invalid parameters")));
        for (String name : custom.pathParameters()) {
            operation.addParameter(OASFactory.createParameter().name(name)
                    .in(org.eclipse.microprofile.openapi.models.parameters.Parameter.In.PATH).required(true)
                    .schema(string()));
        }
        if (custom.hasBody()) {
            operation.requestBody(OASFactory.createRequestBody().content(json(object(null))));
        }
        operation.setSecurity(custom.authRequired()
                ? List.of(OASFactory.createSecurityRequirement().addScheme(BEARER))
                : new ArrayList<>());
        return operation;
    }

    /** The schemas of the invoke body and answer, with the pipeline's own, shared by invoke and runs. */
    private RunsOpenApi.Schemas schemas() {
        Schema request = object("InvokeRequest")
                .addProperty("parameters", convert(inputSchema))
                .addProperty("run_name", string().description("The run's name; default <pipeline>-<UTC timestamp>"))
                .addProperty("timeout", OASFactory.createSchema().addType(Schema.SchemaType.NUMBER)
                        .exclusiveMinimum(BigDecimal.ZERO)
                        .description("Seconds this invocation may take, capped by quarkus.pipeline.invoke-timeout"))
                .required(List.of("parameters"));
        Schema step = object("StepExecution")
                .addProperty("name", string())
                .addProperty("status", string().enumeration(List.of("completed", "failed")))
                .addProperty("start", string().format("date-time"))
                .addProperty("duration", number());
        Schema metadata = object("InvocationMetadata")
                .addProperty("deployment_id", string().format("uuid"))
                .addProperty("deployment_name", string())
                .addProperty("snapshot_id", string().format("uuid"))
                .addProperty("snapshot_name", string())
                .addProperty("pipeline_name", string())
                .addProperty("run_id", string().format("uuid"))
                .addProperty("run_name", string())
                .addProperty("parameters_used", convert(inputSchema))
                .addProperty("steps", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(step));
        Schema envelope = object("InvokeResponse")
                .addProperty("success", OASFactory.createSchema().addType(Schema.SchemaType.BOOLEAN))
                .addProperty("outputs", convert(outputSchema).addType(Schema.SchemaType.NULL))
                .addProperty("execution_time", number())
                .addProperty("metadata", metadata)
                .addProperty("error", string().addType(Schema.SchemaType.NULL))
                .required(List.of("success", "outputs", "execution_time", "metadata", "error"));
        Schema validationError = object("ValidationError")
                .addProperty("type", string())
                .addProperty("loc", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .items(OASFactory.createSchema()))
                .addProperty("msg", string())
                .addProperty("input", OASFactory.createSchema());
        APIResponse invalid = OASFactory.createAPIResponse()
                .description("The body or the parameters are invalid: one entry per problem")
                .content(json(object("HTTPValidationError").addProperty("detail",
                        OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(validationError))));
        return new RunsOpenApi.Schemas(request, envelope, convert(inputSchema),
                convert(outputSchema).addType(Schema.SchemaType.NULL), step, invalid);
    }

    private Operation invoke(RunsOpenApi.Schemas schemas) {
        Content answer = json(schemas.envelope());
        boolean runs = paths.containsKey(BuiltinEndpoint.RUNS);
        if (runs) {
            answer.addMediaType("text/event-stream", OASFactory.createMediaType().schema(string().description(
                    "With Accept: text/event-stream, the run's events, as GET <runs>/{run_id}/events sends them")));
        }
        APIResponses responses = responses(ok(
                "The run's envelope; a failing pipeline still answers 200 with success false", answer))
                .addAPIResponse("413", detail("The body is larger than quarkus.pipeline.max-request-size"))
                .addAPIResponse("415", detail("The body is not JSON"))
                .addAPIResponse("422", schemas.invalid())
                .addAPIResponse("409", detail("A request with this Idempotency-Key is still in progress"))
                .addAPIResponse("503", detail("Every invocation thread is busy and the queue is full; retry later"))
                .addAPIResponse("504", OASFactory.createAPIResponse()
                        .description("The run exceeded its time limit; the envelope with success false")
                        .content(json(schemas.envelope())));
        Operation operation = operation("invoke", "Invoke the " + pipeline + " pipeline",
                "Runs the pipeline once with the given parameters and answers its outputs, with the run's metadata "
                        + "and recorded steps.")
                .addParameter(RunsOpenApi.idempotencyKey())
                .requestBody(OASFactory.createRequestBody().required(true).content(json(schemas.request())))
                .responses(responses);
        if (runs) {
            responses.addAPIResponse("202", RunsOpenApi.accepted());
            operation.addParameter(OASFactory.createParameter().name("Prefer")
                    .in(org.eclipse.microprofile.openapi.models.parameters.Parameter.In.HEADER)
                    .description("respond-async: answer 202 with the run's links at once, as POST <runs> does")
                    .schema(string()));
        }
        return operation;
    }

    private static Operation metrics() {
        Content content = OASFactory.createContent()
                .addMediaType("text/plain", OASFactory.createMediaType().schema(string()))
                .addMediaType("application/json", OASFactory.createMediaType().schema(object("ExecutionMetrics")
                        .addProperty("total_executions", integer())
                        .addProperty("last_execution_time", string().addType(Schema.SchemaType.NULL))));
        return operation("metrics", "Metrics of the deployment",
                "Prometheus text exposition; the run counters as JSON with Accept: application/json.")
                .responses(responses(ok("The metrics", content)));
    }

    private static PathItem health(String id, String summary) {
        Schema check = object("HealthCheck")
                .addProperty("name", string())
                .addProperty("status", string().enumeration(List.of("UP", "DOWN")))
                .addProperty("data", object(null));
        Schema report = object("HealthReport")
                .addProperty("status", string().enumeration(List.of("UP", "DOWN")))
                .addProperty("checks", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(check));
        return OASFactory.createPathItem().GET(operation(id, summary, "MicroProfile Health report.")
                .responses(responses(ok("UP", json(report)))
                        .addAPIResponse("503", OASFactory.createAPIResponse().description("DOWN").content(json(report)))));
    }

    private static Operation operation(String id, String summary, String description) {
        // Public: no security requirement
        return OASFactory.createOperation().operationId(id).summary(summary).description(description).addTag(TAG)
                .security(new ArrayList<>());
    }

    private static APIResponses responses(APIResponse ok) {
        return OASFactory.createAPIResponses().addAPIResponse("200", ok);
    }

    private static APIResponse ok(String description, Content content) {
        return OASFactory.createAPIResponse().description(description).content(content);
    }

    private static APIResponse detail(String description) {
        return OASFactory.createAPIResponse().description(description)
                .content(json(object("ErrorDetail").addProperty("detail", string())));
    }

    private static Content json(Schema schema) {
        return OASFactory.createContent().addMediaType("application/json",
                OASFactory.createMediaType().schema(schema));
    }

    private static Schema object(String title) {
        Schema schema = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT);
        return title == null ? schema : schema.title(title);
    }

    private static Schema string() {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING);
    }

    private static Schema number() {
        return OASFactory.createSchema().addType(Schema.SchemaType.NUMBER);
    }

    private static Schema integer() {
        return OASFactory.createSchema().addType(Schema.SchemaType.INTEGER);
    }

    /**
     * Converts a JSON Schema computed by {@code JsonSchemaGenerator} into the OpenAPI model.
     */
    static Schema convert(JsonNode node) {
        Schema schema = OASFactory.createSchema();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            switch (e.getKey()) {
                case "type" -> schema.addType(Schema.SchemaType.valueOf(v.asText().toUpperCase(Locale.ROOT)));
                case "format" -> schema.format(v.asText());
                case "title" -> schema.title(v.asText());
                case "items" -> schema.items(convert(v));
                case "properties" -> {
                    Map<String, Schema> properties = new LinkedHashMap<>();
                    v.fields().forEachRemaining(p -> properties.put(p.getKey(), convert(p.getValue())));
                    schema.properties(properties);
                }
                case "required" -> {
                    List<String> required = new ArrayList<>();
                    v.forEach(r -> required.add(r.asText()));
                    schema.required(required);
                }
                case "additionalProperties" -> {
                    if (v.isBoolean()) {
                        schema.additionalPropertiesBoolean(v.asBoolean());
                    } else {
                        schema.additionalPropertiesSchema(convert(v));
                    }
                }
                case "enum" -> {
                    List<Object> values = new ArrayList<>();
                    v.forEach(x -> values.add(x.asText()));
                    schema.enumeration(values);
                }
                case "default" -> schema.defaultValue(plain(v));
                case "uniqueItems" -> schema.uniqueItems(v.asBoolean());
                case "minLength" -> schema.minLength(v.asInt());
                case "maxLength" -> schema.maxLength(v.asInt());
                default -> schema.set(e.getKey(), plain(v));
            }
        }
        return schema;
    }

    private static Object plain(JsonNode v) {
        try {
            return new ObjectMapper().treeToValue(v, Object.class);
        } catch (Exception e) {
            return v.toString();
        }
    }
}
