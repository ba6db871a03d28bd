package io.quarkiverse.pipelinedeployment.runtime.http;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jboss.logging.Logger;

import io.quarkiverse.pipelinedeployment.runtime.engine.Run;
import io.quarkiverse.pipelinedeployment.runtime.engine.RunEvent;
import io.quarkiverse.pipelinedeployment.runtime.engine.RunEvents;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * One client following a run's events as {@code text/event-stream}: the retained events after its resume point, then
 * the new ones as they come, until the terminal event. It reads the events on its own event loop when the run signals
 * a new one, and stops reading while the connection's write queue is full: a slow reader never holds up the run nor
 * makes the server buffer more than the run's retained events. A reader that falls behind them gets a {@code gap}
 * event (without an id) naming the first event still retained.
 */
final class RunEventStream implements Runnable, Handler<Void> {

    private static final Logger LOG = Logger.getLogger(RunEventStream.class);
    /** Events read at once, before the write queue is checked again. */
    private static final int BATCH = 64;
    private static final Buffer KEEPALIVE = JsonResponses.shared(": keepalive\n\n".getBytes(StandardCharsets.UTF_8));
    static final CharSequence EVENT_STREAM = HttpHeaders.createOptimized("text/event-stream");

    private final RoutingContext ctx;
    private final RunEvents events;
    private final RunJson json;
    private final Set<String> kinds;
    private final Context context;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private long cursor;
    private long keepaliveTimer = -1;
    private boolean finished;

    private RunEventStream(RoutingContext ctx, Run run, RunJson json, long after, Set<String> kinds) {
        this.ctx = ctx;
        this.events = run.events();
        this.json = json;
        this.cursor = after;
        this.kinds = kinds;
        this.context = Vertx.currentContext();
    }

    /**
     * Answers the request with the run's events after {@code after}.
     *
     * @param kinds the kinds sent ({@code ?kinds=}), or {@code null} for all; a gap is always sent
     * @param keepaliveMillis how often a {@code : keepalive} comment is sent
     */
    static void start(RoutingContext ctx, Run run, RunJson json, long after, Set<String> kinds,
            long keepaliveMillis) {
        RunEventStream stream = new RunEventStream(ctx, run, json, after, kinds);
        HttpServerResponse response = ctx.response();
        response.setStatusCode(200);
        response.headers().set(HttpHeaders.CONTENT_TYPE, EVENT_STREAM);
        response.headers().set("X-Accel-Buffering", "no");
        response.setChunked(true);
        response.closeHandler(v -> stream.stop());
        // The status and headers go now, not with the first event sent: there may be none for a while (a resume at
        // the latest event, a kinds filter), and the client learns at once that it follows the run
        response.writeHead();
        stream.keepaliveTimer = ctx.vertx().setPeriodic(keepaliveMillis, id -> stream.keepalive());
        stream.events.follow(stream);
        stream.pump();
    }

    /** The run has a new event: read it on this stream's context. */
    @Override
    public void run() {
        if (scheduled.compareAndSet(false, true)) {
            context.runOnContext(this);
        }
    }

    @Override
    public void handle(Void ignored) {
        scheduled.set(false);
        pump();
    }

    private void pump() {
        HttpServerResponse response = ctx.response();
        while (!finished) {
            if (response.closed()) {
                stop();
                return;
            }
            if (response.writeQueueFull()) {
                response.drainHandler(v -> pump());
                return;
            }
            RunEvents.Slice slice = events.since(cursor, BATCH);
            if (slice.firstAvailable() > 0) {
                write(response, -1, RunEvent.GAP, new RunEvent.Gap(slice.firstAvailable()));
            }
            for (RunEvent event : slice.events()) {
                if (kinds == null || kinds.contains(event.kind())) {
                    write(response, event.id(), event.kind(), event.data());
                }
                cursor = event.id();
            }
            if (slice.ended()) {
                stop();
                response.end();
                return;
            }
            if (slice.events().size() < BATCH) {
                return;
            }
        }
    }

    private void write(HttpServerResponse response, long id, String kind, Object data) {
        byte[] body;
        try {
            body = json.data(data);
        } catch (Exception e) {
            LOG.errorf(e, "Failed to write the data of a %s event as JSON", kind);
            body = "null".getBytes(StandardCharsets.UTF_8);
        }
        response.write(frame(id, kind, body));
    }

    /**
     * One event as {@code text/event-stream}: {@code id: <id>} (left out for {@code id <= 0}), {@code event: <kind>},
     * then {@code data: <line>} for each line of {@code data} and a blank line. JSON written by an indenting
     * {@code ObjectMapper} spans several lines (separated by LF, CRLF or CR): each is sent as a {@code data:} line of
     * the same event, which a client joins with LF.
     */
    static Buffer frame(long id, String kind, byte[] data) {
        Buffer frame = Buffer.buffer(data.length + kind.length() + 40);
        if (id > 0) {
            frame.appendString("id: ").appendString(Long.toString(id)).appendByte((byte) '\n');
        }
        frame.appendString("event: ").appendString(kind).appendString("\ndata: ");
        int from = 0;
        for (int i = 0; i < data.length; i++) {
            byte b = data[i];
            if (b == '\n' || b == '\r') {
                frame.appendBytes(data, from, i - from).appendString("\ndata: ");
                if (b == '\r' && i + 1 < data.length && data[i + 1] == '\n') {
                    i++;
                }
                from = i + 1;
            }
        }
        frame.appendBytes(data, from, data.length - from).appendString("\n\n");
        return frame;
    }

    private void keepalive() {
        HttpServerResponse response = ctx.response();
        if (!finished && !response.closed() && !response.writeQueueFull()) {
            response.write(KEEPALIVE);
        }
    }

    private void stop() {
        if (!finished) {
            finished = true;
            events.unfollow(this);
            ctx.vertx().cancelTimer(keepaliveTimer);
        }
    }
}
