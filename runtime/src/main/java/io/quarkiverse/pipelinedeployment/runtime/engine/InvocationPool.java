package io.quarkiverse.pipelinedeployment.runtime.engine;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jboss.logging.Logger;

import io.quarkiverse.pipelinedeployment.runtime.PipelineRuntimeConfig;
import io.quarkus.virtual.threads.VirtualThreadsRecorder;

/**
 * Where blocking and virtual-thread runs execute: the bounded invocation thread pool (with its queue) or the virtual
 * threads; neither for event-loop and asynchronous pipelines. Estimates the wait for a place in a full queue, and
 * drains on shutdown.
 */
public final class InvocationPool {

    private static final Logger LOG = Logger.getLogger(InvocationPool.class);

    /** The longest {@code Retry-After} given when the queue is full, in seconds. */
    static final int MAX_RETRY_AFTER = 60;

    private final ThreadPoolExecutor pool;
    private final ExecutorService virtualThreads;
    /**
     * How long a run held its invocation thread, in nanoseconds: a moving average with weight 1/4 for the last run,
     * 0 before the first. Updated without a lock: a lost update only makes the estimate a little older.
     */
    private volatile long serviceNanos;

    private InvocationPool(ThreadPoolExecutor pool, ExecutorService virtualThreads) {
        this.pool = pool;
        this.virtualThreads = virtualThreads;
    }

    /** The executor the pipeline's execution mode needs, built from {@code thread-pool-size} and the queue size. */
    public static InvocationPool forMode(ExecutionMode mode, PipelineRuntimeConfig config) {
        boolean virtual = mode == ExecutionMode.VIRTUAL_THREAD && hasVirtualThreads();
        boolean needsPool = mode == ExecutionMode.WORKER_POOL || (mode == ExecutionMode.VIRTUAL_THREAD && !virtual);
        return new InvocationPool(needsPool ? newPool(config) : null,
                virtual ? VirtualThreadsRecorder.getCurrent() : null);
    }

    static boolean hasVirtualThreads() {
        return Runtime.version().feature() >= 21;
    }

    private static ThreadPoolExecutor newPool(PipelineRuntimeConfig config) {
        int size = config.threadPoolSize();
        int queue = config.maxQueuedInvocations();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(size, size, 60, TimeUnit.SECONDS,
                queue == 0 ? new SynchronousQueue<>() : new LinkedBlockingQueue<>(queue),
                new InvocationThreadFactory());
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /** The executor of blocking and virtual-thread runs, or {@code null} for event-loop and asynchronous ones. */
    ExecutorService executor() {
        return virtualThreads != null ? virtualThreads : pool;
    }

    /** Whether runs wait for a thread of the bounded pool (and its gauges mean something). */
    public boolean bounded() {
        return pool != null;
    }

    /** Invocation threads running a pipeline. */
    public int busyThreads() {
        return pool.getActiveCount();
    }

    /** {@code quarkus.pipeline.thread-pool-size}. */
    public int maxThreads() {
        return pool.getMaximumPoolSize();
    }

    /** Invocations waiting for a thread. */
    public int queued() {
        return pool.getQueue().size();
    }

    /**
     * Gives a cancelled run's place in the queue back at once, rather than when a thread would have picked it up.
     *
     * @param task what {@link #executor()} returned for the run
     */
    void dequeue(Future<?> task) {
        if (pool != null && task instanceof Runnable queued) {
            pool.remove(queued);
        }
    }

    /** A run ended that held an invocation thread (or a virtual thread) for {@code nanos}. */
    void ranFor(long nanos) {
        long average = serviceNanos;
        serviceNanos = average == 0 ? Math.max(1, nanos) : average + (nanos - average) / 4;
    }

    /**
     * The expected wait, in seconds, for a place in a full queue: the runs queued (at least one) times the recent
     * time a run holds a thread, shared by the pool's threads; at least 1 and at most {@value #MAX_RETRY_AFTER}, and
     * 1 before any run has ended.
     */
    int retryAfterSeconds() {
        long average = serviceNanos;
        if (pool == null || average == 0) {
            return 1;
        }
        double seconds = Math.max(1, pool.getQueue().size()) * (average / 1e9) / pool.getMaximumPoolSize();
        return (int) Math.max(1, Math.min(MAX_RETRY_AFTER, Math.ceil(seconds)));
    }

    /**
     * Stops taking runs and waits up to {@code timeout} for those in flight.
     */
    void shutdown(Duration timeout) {
        if (pool == null) {
            return;
        }
        pool.shutdown();
        try {
            if (!pool.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warnf("%d pipeline invocation(s) still running after %s; interrupting them",
                        pool.getActiveCount(), timeout);
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pool.shutdownNow();
        }
    }

    private static final class InvocationThreadFactory implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "pipeline-invoke-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }
}
