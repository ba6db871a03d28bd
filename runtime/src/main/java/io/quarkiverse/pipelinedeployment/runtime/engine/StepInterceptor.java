package io.quarkiverse.pipelinedeployment.runtime.engine;

import java.time.Instant;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionStage;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import io.quarkiverse.pipelinedeployment.Step;
import io.smallrye.mutiny.Uni;

/**
 * Records every call of a {@code @Step} method made during a run in the run's {@link StepLog}, and refuses to start
 * one in a cancelled run. ArC intercepts calls a bean makes to its own non-private methods too, so a pipeline calling
 * {@code this.normalize(...)} is recorded.
 */
@Step
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER + 100)
public class StepInterceptor {

    @AroundInvoke
    Object record(InvocationContext context) throws Exception {
        StepLog log = StepLog.current();
        if (log == null) {
            // Called outside a pipeline run, e.g. from a test or another endpoint
            return context.proceed();
        }
        Step step = context.getInterceptorBinding(Step.class);
        String name = step == null || step.name().isEmpty() ? context.getMethod().getName() : step.name();
        Instant start = Instant.now();
        long startNanos = System.nanoTime();
        // The place is taken now, so a step called from inside another one is listed after it: call order. A
        // cancelled run throws here: no step starts after a cancel
        int place = log.begin(name, start);
        Object result;
        try {
            result = context.proceed();
        } catch (Exception | Error e) {
            log.end(place, name, start, startNanos, e);
            throw e;
        }
        if (result instanceof Uni<?> uni) {
            return uni.onTermination().invoke((item, failure, cancelled) -> log.end(place, name, start, startNanos,
                    failure != null ? failure : cancelled ? new CancellationException("cancelled") : null));
        }
        if (result instanceof CompletionStage<?> stage) {
            stage.whenComplete((item, failure) -> log.end(place, name, start, startNanos, failure));
            return result;
        }
        log.end(place, name, start, startNanos, null);
        return result;
    }
}
