package io.quarkiverse.pipelinedeployment.runtime.http;

import java.util.concurrent.atomic.AtomicBoolean;

import io.quarkiverse.pipelinedeployment.runtime.engine.Run;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers {@code GET <runs>/<id>/result?wait=<s>}: the envelope of an ended run, or, once {@code wait} has passed
 * without an end, {@code 202} with the run record. Waiting holds no thread: the run signals its events, and a Vert.x
 * timer ends the wait.
 */
final class RunResultWait implements Runnable, Handler<Long> {

    private final RoutingContext ctx;
    private final Run run;
    private final RunJson json;
    private final Context context;
    private final AtomicBoolean answered = new AtomicBoolean();
    private long timer = -1;

    private RunResultWait(RoutingContext ctx, Run run, RunJson json) {
        this.ctx = ctx;
        this.run = run;
        this.json = json;
        this.context = Vertx.currentContext();
    }

    static void answer(RoutingContext ctx, Run run, RunJson json, long waitMillis) {
        if (run.status().terminal() || waitMillis <= 0 || run.events() == null) {
            send(ctx, run, json);
            return;
        }
        RunResultWait wait = new RunResultWait(ctx, run, json);
        run.events().follow(wait);
        wait.timer = ctx.vertx().setTimer(waitMillis, wait);
        ctx.response().closeHandler(v -> wait.done());
        // It may have ended before the wait followed it
        wait.run();
    }

    /** The run has a new event. */
    @Override
    public void run() {
        if (run.status().terminal()) {
            context.runOnContext(v -> done());
        }
    }

    /** The wait is over. */
    @Override
    public void handle(Long id) {
        done();
    }

    private void done() {
        if (answered.compareAndSet(false, true)) {
            run.events().unfollow(this);
            ctx.vertx().cancelTimer(timer);
            send(ctx, run, json);
        }
    }

    private static void send(RoutingContext ctx, Run run, RunJson json) {
        Answer envelope = json.envelope(run);
        if (envelope != null) {
            envelope.send(ctx);
        } else {
            ctx.response().headers().set(HttpHeaders.RETRY_AFTER, "1");
            JsonResponses.send(ctx, 202, json.record(run));
        }
    }
}
