package io.quarkiverse.pipelinedeployment.runtime.engine;

import java.util.Map;

import org.eclipse.microprofile.context.spi.ThreadContextController;
import org.eclipse.microprofile.context.spi.ThreadContextProvider;
import org.eclipse.microprofile.context.spi.ThreadContextSnapshot;

/**
 * Carries the run's {@link StepLog} to the threads the pipeline hands work to, through MicroProfile Context
 * Propagation: Quarkus' {@code ManagedExecutor} and {@code ThreadContext}, the {@code CompletableFuture}s they make,
 * and Mutiny's operators capture it where the work is submitted and make it current where the work runs, then put
 * back what was there. Work submitted outside a run clears it, so a thread never records a step for a run it does
 * not work for. Registered with {@code ServiceLoader}.
 */
public final class StepLogContextProvider implements ThreadContextProvider {

    /** The context type, for {@code ManagedExecutor.Builder.propagated(...)} and {@code cleared(...)}. */
    public static final String TYPE = "PipelineStepLog";

    private static final ThreadContextSnapshot CLEARED = new Snapshot(null);

    @Override
    public ThreadContextSnapshot currentContext(Map<String, String> props) {
        StepLog log = StepLog.current();
        return log == null ? CLEARED : new Snapshot(log);
    }

    @Override
    public ThreadContextSnapshot clearedContext(Map<String, String> props) {
        return CLEARED;
    }

    @Override
    public String getThreadContextType() {
        return TYPE;
    }

    private record Snapshot(StepLog log) implements ThreadContextSnapshot {
        @Override
        public ThreadContextController begin() {
            StepLog previous = StepLog.swap(log);
            return () -> StepLog.swap(previous);
        }
    }
}
