package io.quarkiverse.pipelinedeployment.deployment.docs;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * The runs endpoint's operations in the OpenAPI document: submit, list, look up, wait for the result, follow the
 * events, cancel; the record and the result carry the pipeline's own parameter and output schemas.
 */
final class RunsOpenApi {

    static final List<String> STATUSES = List.of("queued", "running", "completed", "failed", "timed_out",
            "cancelled");

    /**
     * The schemas the runs operations share with the invoke operation.
     *
     * @param request the invoke body
     * @param envelope the invoke answer
     * @param parameters the pipeline's parameters
     * @param outputs the pipeline's outputs
     * @param step one recorded step
     * @param invalid the 422 answer
     */
    record Schemas(Schema request, Schema envelope, Schema parameters, Schema outputs, Schema step,
            APIResponse invalid) {
    }

    private final Schemas schemas;
    private final boolean secured;

    /** @param secured whether the runs endpoint requires an API key */
    RunsOpenApi(Schemas schemas, boolean secured) {
        this.schemas = schemas;
        this.secured = secured;
    }

    /** Adds the operations under {@code runsPath}. */
    void addTo(OpenAPI openAPI, String runsPath) {
        String run = runsPath + "/{run_id}";
        openAPI.getPaths().addPathItem(runsPath, OASFactory.createPathItem()
                .POST(submit())
                .GET(list()));
        openAPI.getPaths().addPathItem(run, OASFactory.createPathItem()
                .GET(operation("getRun", "Look up a run", "The run's record: where it is, what it was given, its"
                        + " steps so far and, once ended, its outputs or error.")
                        .addParameter(runId())
                        .responses(OASFactory.createAPIResponses()
                                .addAPIResponse("200", response("The run record", record()))
                                .addAPIResponse("404", notFound())))
                .DELETE(cancel("deleteRun", "Cancel a run (same as POST .../cancel)")));
        openAPI.getPaths().addPathItem(run + "/result", OASFactory.createPathItem().GET(result()));
        openAPI.getPaths().addPathItem(run + "/events", OASFactory.createPathItem().GET(events()));
        openAPI.getPaths().addPathItem(run + "/cancel", OASFactory.createPathItem()
                .POST(cancel("cancelRun", "Cancel a run")));
    }

    /** The {@code Idempotency-Key} header of a submission. */
    static Parameter idempotencyKey() {
        return OASFactory.createParameter().name("Idempotency-Key").in(Parameter.In.HEADER)
                .description("At most 255 printable ASCII characters. Within quarkus.pipeline.runs.retention and for"
                        + " the same credentials, the key maps to one run: the pipeline runs once")
                .schema(string().maxLength(255));
    }

    /** The 202 answer of a submission. */
    static APIResponse accepted() {
        Schema links = object("RunLinks").addProperty("self", string()).addProperty("result", string())
                .addProperty("events", string()).addProperty("cancel", string());
        Schema submitted = object("RunSubmitted")
                .addProperty("run_id", string().format("uuid"))
                .addProperty("run_name", string())
                .addProperty("status", string().enumeration(List.copyOf(STATUSES)))
                .addProperty("created", string().format("date-time"))
                .addProperty("links", links);
        return response("The run was accepted; follow its links", submitted)
                .addHeader("Location", header("The run's path"))
                .addHeader("Idempotent-Replayed", header("true when the key mapped to an earlier submission"));
    }

    private Operation submit() {
        APIResponses responses = OASFactory.createAPIResponses()
                .addAPIResponse("202", accepted())
                .addAPIResponse("413", detail("The body is larger than quarkus.pipeline.max-request-size"))
                .addAPIResponse("415", detail("The body is not JSON"))
                .addAPIResponse("422", schemas.invalid())
                .addAPIResponse("503", detail("The invocation queue is full, or the deployment is shutting down;"
                        + " retry after Retry-After seconds"));
        return operation("submitRun", "Start a run without waiting for it",
                "Starts a run of the pipeline and answers at once with its id and links. The body is the invoke"
                        + " body, checked the same way before a run exists.")
                .addParameter(idempotencyKey())
                .requestBody(OASFactory.createRequestBody().required(true).content(json(schemas.request())))
                .responses(responses);
    }

    private Operation list() {
        Schema page = object("RunList")
                .addProperty("runs", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(summary()))
                .addProperty("next", string().addType(Schema.SchemaType.NULL)
                        .description("The cursor of the next page (after=), null on the last one"));
        return operation("listRuns", "List runs", "Runs newest first, with optional filters.")
                .addParameter(query("status", "Only runs with these statuses (comma-separated)", string()))
                .addParameter(query("source", "Only runs from this source",
                        string().enumeration(List.of("http", "kafka", "batch"))))
                .addParameter(query("limit", "Runs per page, 1 to 1000", OASFactory.createSchema()
                        .addType(Schema.SchemaType.INTEGER).defaultValue(50)))
                .addParameter(query("after", "The next cursor of the previous page", string()))
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("200", response("A page of runs", page))
                        .addAPIResponse("422", schemas.invalid()));
    }

    private Operation result() {
        return operation("getRunResult", "Wait for a run's result",
                "The envelope a synchronous invoke would have answered, once the run has ended; until then, after"
                        + " waiting up to wait seconds, 202 with the run record.")
                .addParameter(runId())
                .addParameter(query("wait", "Seconds to wait for the end, 0 to 60", OASFactory.createSchema()
                        .addType(Schema.SchemaType.NUMBER).defaultValue(0)))
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("200", response("The run's envelope (a cancelled run: success false,"
                                + " error \"Run cancelled\")", schemas.envelope()))
                        .addAPIResponse("202", response("Not ended yet: the run record", record())
                                .addHeader("Retry-After", header("Seconds before asking again")))
                        .addAPIResponse("404", notFound())
                        .addAPIResponse("422", schemas.invalid())
                        .addAPIResponse("504", response("The run timed out: its envelope", schemas.envelope())));
    }

    private Operation events() {
        Content stream = OASFactory.createContent().addMediaType("text/event-stream",
                OASFactory.createMediaType().schema(string().description("Events `id: <n>`, `event: <kind>`,"
                        + " `data: <json>`: run_queued, run_started, step_started, step_completed, step_failed, the"
                        + " pipeline's own kinds, then one terminal event (run_completed, run_failed, run_timed_out"
                        + " or run_cancelled) whose data is the envelope; `gap` when events were dropped")));
        return operation("streamRunEvents", "Follow a run's events",
                "Replays the run's retained events, then follows it live until its terminal event.")
                .addParameter(runId())
                .addParameter(OASFactory.createParameter().name("Last-Event-ID").in(Parameter.In.HEADER)
                        .description("Resume after this event id").schema(string()))
                .addParameter(query("since", "Resume after this event id", OASFactory.createSchema()
                        .addType(Schema.SchemaType.INTEGER)))
                .addParameter(query("kinds", "Only these kinds (comma-separated)", string()))
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("200", OASFactory.createAPIResponse().description("The event stream")
                                .content(stream))
                        .addAPIResponse("404", notFound())
                        .addAPIResponse("422", schemas.invalid()));
    }

    private Operation cancel(String id, String summary) {
        return operation(id, summary, "A queued run ends cancelled at once; in a running one no further step starts,"
                + " a blocking pipeline's thread is interrupted and a Uni is cancelled.")
                .addParameter(runId())
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("202", response("The cancel was accepted: the run record", record()))
                        .addAPIResponse("404", notFound())
                        .addAPIResponse("409", detail("Run already finished")));
    }

    private Schema record() {
        return common(object("RunRecord"))
                .addProperty("parameters_used", schemas.parameters())
                .addProperty("steps", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .items(schemas.step()))
                .addProperty("outputs", schemas.outputs())
                .addProperty("error", string().addType(Schema.SchemaType.NULL))
                .addProperty("cancel_requested", OASFactory.createSchema().addType(Schema.SchemaType.BOOLEAN));
    }

    private static Schema summary() {
        return common(object("RunSummary"))
                .addProperty("error", string().addType(Schema.SchemaType.NULL))
                .addProperty("cancel_requested", OASFactory.createSchema().addType(Schema.SchemaType.BOOLEAN));
    }

    private static Schema common(Schema schema) {
        Schema nullableTime = string().format("date-time").addType(Schema.SchemaType.NULL);
        return schema
                .addProperty("run_id", string().format("uuid"))
                .addProperty("run_name", string())
                .addProperty("pipeline_name", string())
                .addProperty("deployment_id", string().format("uuid"))
                .addProperty("source", string().enumeration(List.of("http", "kafka", "batch")))
                .addProperty("status", string().enumeration(List.copyOf(STATUSES)))
                .addProperty("created", string().format("date-time"))
                .addProperty("started", nullableTime)
                .addProperty("finished", nullableTime)
                .addProperty("execution_time", OASFactory.createSchema().addType(Schema.SchemaType.NUMBER));
    }

    private Operation operation(String id, String summary, String description) {
        Operation operation = OASFactory.createOperation().operationId(id).summary(summary)
                .description(description).addTag(PipelineOpenApiFilter.TAG);
        operation.setSecurity(secured
                ? List.of(OASFactory.createSecurityRequirement().addScheme(PipelineOpenApiFilter.BEARER))
                : new ArrayList<>());
        return operation;
    }

    private static Parameter runId() {
        return OASFactory.createParameter().name("run_id").in(Parameter.In.PATH).required(true)
                .schema(string().format("uuid"));
    }

    private static Parameter query(String name, String description, Schema schema) {
        return OASFactory.createParameter().name(name).in(Parameter.In.QUERY).description(description)
                .schema(schema);
    }

    private static Header header(String description) {
        return OASFactory.createHeader().description(description).schema(string());
    }

    private static APIResponse response(String description, Schema schema) {
        return OASFactory.createAPIResponse().description(description).content(json(schema));
    }

    private static APIResponse notFound() {
        return detail("Run not found (unknown, or past quarkus.pipeline.runs.retention)");
    }

    private static APIResponse detail(String description) {
        return response(description, object("ErrorDetail").addProperty("detail", string()));
    }

    private static Content json(Schema schema) {
        return OASFactory.createContent().addMediaType("application/json",
                OASFactory.createMediaType().schema(schema));
    }

    private static Schema object(String title) {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT).title(title);
    }

    private static Schema string() {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING);
    }
}
