package io.quarkiverse.pipelinedeployment.runtime.engine;

import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.pipelinedeployment.RunContext;

/**
 * The injectable {@link RunContext}: each call resolves the run in progress on the calling thread or Vert.x context
 * (the run's {@link StepLog}).
 */
@Singleton
public class CurrentRunContext implements RunContext {

    private static final Pattern KIND = Pattern.compile("[A-Za-z0-9_.\\-]{1,64}");

    @Inject
    ObjectMapper mapper;

    @Override
    public String id() {
        StepLog log = StepLog.current();
        return log == null ? null : log.run().id();
    }

    @Override
    public String name() {
        StepLog log = StepLog.current();
        return log == null ? null : log.run().name();
    }

    @Override
    public void publish(String kind, Object data) {
        if (kind == null || !KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("An event kind is 1 to 64 letters, digits, '_', '-' or '.', not '"
                    + kind + "'");
        }
        if (RunEvent.reserved(kind)) {
            throw new IllegalArgumentException("The event kind '" + kind + "' is reserved for the built-in events");
        }
        StepLog log = StepLog.current();
        if (log == null) {
            return;
        }
        Object json;
        try {
            // Written now: a later change to data is not seen
            json = mapper.valueToTree(data);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The data of event '" + kind + "' cannot be written as JSON: "
                    + e.getMessage(), e);
        }
        log.publish(kind, json);
    }

    @Override
    public boolean isCancelled() {
        StepLog log = StepLog.current();
        return log != null && log.cancelled();
    }
}
