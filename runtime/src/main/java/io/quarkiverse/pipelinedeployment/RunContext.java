package io.quarkiverse.pipelinedeployment;

/**
 * The pipeline run in progress, for steps and the code they call: its id and name, whether it was cancelled, and a
 * way to publish the run's own events to the clients following it ({@code GET <runs>/<id>/events}).
 * <p>
 * Inject it anywhere ({@code @Inject RunContext run}): each call resolves the run of the calling thread. That is the
 * pipeline method's thread, the Vert.x context of a {@code Uni} or {@code CompletionStage} pipeline, and the threads
 * the pipeline hands work to through MicroProfile Context Propagation (a {@code ManagedExecutor}, its
 * {@code CompletableFuture}s, a {@code ThreadContext}-wrapped task, Mutiny operators). A thread started with
 * {@code new Thread(...)} is not part of the run unless its task is wrapped by {@code ThreadContext}.
 * <p>
 * Outside a run (a step called from a test, another endpoint or a scheduler), {@link #id()} and {@link #name()}
 * return {@code null}, {@link #publish} does nothing and {@link #isCancelled()} returns {@code false}, so steps stay
 * testable on their own.
 */
public interface RunContext {

    /** The run's id (a UUID), or {@code null} outside a run. */
    String id();

    /** The run's name, or {@code null} outside a run. */
    String name();

    /**
     * Adds an event of the given kind to the run's event stream. {@code data} is written as JSON at once, so a later
     * change to it is not seen. The built-in kinds ({@code run_queued}, {@code run_started}, {@code step_started},
     * {@code step_completed}, {@code step_failed}, {@code run_completed}, {@code run_failed}, {@code run_timed_out},
     * {@code run_cancelled} and {@code gap}) are reserved.
     *
     * @param kind the event's name: 1 to 64 letters, digits, {@code _}, {@code -} or {@code .}
     * @param data the event's data, anything Jackson writes; {@code null} gives {@code null}
     * @throws IllegalArgumentException for a reserved or malformed kind, or data that cannot be written as JSON
     */
    void publish(String kind, Object data);

    /**
     * Whether the run was cancelled ({@code POST <runs>/<id>/cancel}, or the client of a synchronous invoke went
     * away). A long step can check it between units of work; the next {@code @Step} call of a cancelled run throws
     * {@link RunCancelledException} anyway.
     */
    boolean isCancelled();
}
