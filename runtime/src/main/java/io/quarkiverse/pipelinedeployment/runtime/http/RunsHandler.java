package io.quarkiverse.pipelinedeployment.runtime.http;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectWriter;

import io.quarkiverse.pipelinedeployment.InvocationRejectedException;
import io.quarkiverse.pipelinedeployment.ValidationError;
import io.quarkiverse.pipelinedeployment.runtime.engine.CancelResult;
import io.quarkiverse.pipelinedeployment.runtime.engine.Problem;
import io.quarkiverse.pipelinedeployment.runtime.engine.Run;
import io.quarkiverse.pipelinedeployment.runtime.engine.RunSource;
import io.quarkiverse.pipelinedeployment.runtime.engine.RunStatus;
import io.quarkiverse.pipelinedeployment.runtime.runs.RunStore;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

/**
 * Serves the runs endpoint's reads and cancels: {@code GET <runs>}, {@code GET <runs>/<id>},
 * {@code GET <runs>/<id>/result}, {@code GET <runs>/<id>/events}, {@code POST <runs>/<id>/cancel} and
 * {@code DELETE <runs>/<id>}. The submissions ({@code POST <runs>}) are the invoke handler's.
 */
final class RunsHandler implements Handler<RoutingContext> {

    /** What a route of the runs endpoint does. */
    enum Action {
        LIST,
        GET,
        RESULT,
        EVENTS,
        CANCEL
    }

    private static final Logger LOG = Logger.getLogger(RunsHandler.class);
    static final Buffer NOT_FOUND = JsonResponses.detailBody("Run not found");
    static final Buffer ALREADY_FINISHED = JsonResponses.detailBody("Run already finished");
    private static final String LAST_EVENT_ID = "Last-Event-ID";
    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 1000;
    private static final int MAX_WAIT = 60;

    private final Action action;
    private final RunStore store;
    private final RunJson json;
    private final ObjectWriter writer;
    private final long keepaliveMillis;

    RunsHandler(Action action, RunStore store, RunJson json, ObjectWriter writer, long keepaliveMillis) {
        this.action = action;
        this.store = store;
        this.json = json;
        this.writer = writer;
        this.keepaliveMillis = keepaliveMillis;
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (action == Action.LIST) {
            list(ctx);
            return;
        }
        String id = ctx.pathParam("id");
        store.find(id).subscribe().with(run -> {
            if (run == null) {
                JsonResponses.send(ctx, 404, NOT_FOUND);
                return;
            }
            switch (action) {
                case GET -> JsonResponses.send(ctx, 200, json.record(run));
                case RESULT -> result(ctx, run);
                case EVENTS -> events(ctx, run);
                default -> cancel(ctx, run);
            }
        }, failure -> failed(ctx, failure));
    }

    private void list(RoutingContext ctx) {
        Set<RunStatus> statuses = null;
        RunSource source = null;
        int limit = DEFAULT_LIMIT;
        String status = ctx.request().getParam("status");
        if (status != null && !status.isEmpty()) {
            statuses = EnumSet.noneOf(RunStatus.class);
            for (String label : status.split(",")) {
                RunStatus parsed = RunStatus.parse(label.trim());
                if (parsed == null) {
                    invalid(ctx, "status", label, "Input should be one of queued, running, completed, failed,"
                            + " timed_out, cancelled (several separated by commas)");
                    return;
                }
                statuses.add(parsed);
            }
        }
        String sourceParam = ctx.request().getParam("source");
        if (sourceParam != null && !sourceParam.isEmpty()) {
            source = RunSource.parse(sourceParam);
            if (source == null) {
                invalid(ctx, "source", sourceParam, "Input should be 'http', 'kafka' or 'batch'");
                return;
            }
        }
        String limitParam = ctx.request().getParam("limit");
        if (limitParam != null) {
            Integer parsed = integer(limitParam);
            if (parsed == null || parsed < 1 || parsed > MAX_LIMIT) {
                invalid(ctx, "limit", limitParam, "Input should be a whole number from 1 to " + MAX_LIMIT);
                return;
            }
            limit = parsed;
        }
        String after = ctx.request().getParam("after");
        store.list(new RunStore.Query(statuses, source, limit, after == null || after.isEmpty() ? null : after))
                .subscribe().with(page -> JsonResponses.send(ctx, 200, json.list(page)), failure -> {
                    if (failure instanceof IllegalArgumentException) {
                        invalid(ctx, "after", after, "Input should be the 'next' cursor of a previous page");
                    } else {
                        failed(ctx, failure);
                    }
                });
    }

    private void result(RoutingContext ctx, Run run) {
        String waitParam = ctx.request().getParam("wait");
        double wait = 0;
        if (waitParam != null) {
            try {
                wait = Double.parseDouble(waitParam);
            } catch (NumberFormatException e) {
                wait = -1;
            }
            if (!(wait >= 0 && wait <= MAX_WAIT)) {
                invalid(ctx, "wait", waitParam, "Input should be a number of seconds from 0 to " + MAX_WAIT);
                return;
            }
        }
        RunResultWait.answer(ctx, run, json, (long) (wait * 1000));
    }

    private void events(RoutingContext ctx, Run run) {
        // The header wins: a browser's EventSource reconnects to the same URL (and its ?since) with Last-Event-ID
        String lastEventId = ctx.request().getHeader(LAST_EVENT_ID);
        boolean header = lastEventId != null && !lastEventId.isBlank();
        String resume = header ? lastEventId : ctx.request().getParam("since");
        long after = 0;
        if (resume != null && !resume.isEmpty()) {
            after = eventId(resume);
            if (after < 0) {
                invalid(ctx, header ? "header" : "query", header ? LAST_EVENT_ID : "since", resume,
                        "Input should be the id of an event: a whole number, 0 or more");
                return;
            }
        }
        Set<String> kinds = null;
        String kindsParam = ctx.request().getParam("kinds");
        if (kindsParam != null && !kindsParam.isBlank()) {
            kinds = new LinkedHashSet<>();
            for (String kind : kindsParam.split(",")) {
                if (!kind.isBlank()) {
                    kinds.add(kind.trim());
                }
            }
        }
        RunEventStream.start(ctx, run, json, after, kinds, keepaliveMillis);
    }

    private void cancel(RoutingContext ctx, Run run) {
        if (run.cancel() == CancelResult.FINISHED) {
            JsonResponses.send(ctx, 409, ALREADY_FINISHED);
            return;
        }
        JsonResponses.send(ctx, 202, json.record(run));
    }

    private void invalid(RoutingContext ctx, String field, String input, String message) {
        invalid(ctx, "query", field, input, message);
    }

    /** @param location where the input was: {@code query} or {@code header} */
    private void invalid(RoutingContext ctx, String location, String field, String input, String message) {
        List<ValidationError> errors = List.of(new ValidationError(ValidationError.TYPE_ERROR,
                List.of(location, field), message, input == null ? Map.of() : input));
        try {
            JsonResponses.send(ctx, 422, Buffer.buffer(writer.writeValueAsBytes(Problem.invalid(errors).body())));
        } catch (Exception e) {
            failed(ctx, e);
        }
    }

    /** An event id (a whole number, 0 or more), or -1 when {@code text} is not one. */
    static long eventId(String text) {
        try {
            long id = Long.parseLong(text.trim());
            return id < 0 ? -1 : id;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Integer integer(String text) {
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The store failed: 503 when it is unavailable (it says so), else 500. */
    private static void failed(RoutingContext ctx, Throwable failure) {
        if (failure instanceof InvocationRejectedException unavailable) {
            new Answer(503, JsonResponses.detailBody(unavailable.getMessage()),
                    Integer.toString(unavailable.retryAfterSeconds())).send(ctx);
            return;
        }
        LOG.errorf(failure, "Failed to read the run store");
        JsonResponses.send(ctx, 500, InvokeAnswers.INTERNAL_ERROR);
    }
}
