package io.quarkiverse.pipelinedeployment.runtime.devui;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.pipelinedeployment.runtime.engine.Run;
import io.quarkiverse.pipelinedeployment.runtime.engine.RunEvent;
import io.quarkiverse.pipelinedeployment.runtime.engine.RunEvents;
import io.quarkiverse.pipelinedeployment.runtime.http.RunJson;
import io.smallrye.mutiny.subscription.MultiEmitter;

/**
 * Feeds a run's events to the Dev UI's stream, on the thread that appends them: the retained ones, then the new ones
 * until the terminal event.
 */
final class RunEventFeed implements Runnable {
    private final Run run;
    private final MultiEmitter<? super Map<String, Object>> emitter;
    private final ObjectMapper mapper;
    private final RunJson json;
    private long cursor;

    RunEventFeed(Run run, MultiEmitter<? super Map<String, Object>> emitter, ObjectMapper mapper, RunJson json) {
        this.run = run;
        this.emitter = emitter;
        this.mapper = mapper;
        this.json = json;
    }

    void start() {
        if (run.events() == null) {
            emitter.complete();
            return;
        }
        run.events().follow(this);
        emitter.onTermination(() -> run.events().unfollow(this));
        run();
    }

    @Override
    public synchronized void run() {
        if (emitter.isCancelled()) {
            return;
        }
        RunEvents.Slice slice = run.events().since(cursor, Integer.MAX_VALUE);
        if (slice.firstAvailable() > 0) {
            emit(0, RunEvent.GAP, new RunEvent.Gap(slice.firstAvailable()));
        }
        for (RunEvent event : slice.events()) {
            emit(event.id(), event.kind(), event.data());
            cursor = event.id();
        }
        if (slice.ended()) {
            emitter.complete();
        }
    }

    private void emit(long id, String kind, Object data) {
        try {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("id", id);
            event.put("event", kind);
            event.put("data", mapper.readValue(json.data(data), Object.class));
            emitter.emit(event);
        } catch (IOException e) {
            emitter.fail(e);
        }
    }
}
