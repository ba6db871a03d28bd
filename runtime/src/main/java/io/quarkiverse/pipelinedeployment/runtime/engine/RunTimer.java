package io.quarkiverse.pipelinedeployment.runtime.engine;

import java.util.concurrent.atomic.AtomicBoolean;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;

/** The Vert.x timer that ends a run when its time is up; armed once, cancelled when the run ends first. */
final class RunTimer {

    private final Vertx vertx;
    private volatile long id = -1;

    RunTimer(Vertx vertx) {
        this.vertx = vertx;
    }

    /**
     * Calls {@code expired} at {@code deadlineNanos} ({@link System#nanoTime()}), unless {@link #cancel()} came first
     * or {@code ended} is already true when it is armed.
     */
    void arm(long deadlineNanos, Handler<Long> expired, AtomicBoolean ended) {
        id = vertx.setTimer(Math.max(1, (deadlineNanos - System.nanoTime()) / 1_000_000), expired);
        if (ended.get()) {
            vertx.cancelTimer(id);
        }
    }

    void cancel() {
        long timer = id;
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }
}
