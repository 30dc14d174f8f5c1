package io.tenderlens.source.notice;

import java.util.ArrayDeque;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs jobs on a fixed number of worker threads and hands each job's result to a consumer on the submitting
 * thread, in the order the jobs were submitted, whatever order they finish in. At most {@link #WINDOW_PER_WORKER}
 * jobs per worker are in flight: submitting one more first waits for the oldest and hands it on, so memory stays
 * bounded however many jobs there are. With one worker a job runs on the submitting thread as it is submitted.
 *
 * <p>Jobs report their own failures in their result; an exception a job throws anyway is rethrown to the
 * submitter when its turn comes.
 */
final class OrderedWork<T> implements AutoCloseable {
    /** Enough queued jobs to keep the workers busy while the oldest, maybe slow, one finishes. */
    static final int WINDOW_PER_WORKER = 16;
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final Consumer<T> deliver;
    private final ExecutorService pool;
    private final int window;
    private final ArrayDeque<Future<T>> inFlight = new ArrayDeque<>();

    OrderedWork(int workers, Consumer<T> deliver) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, not " + workers);
        }
        this.deliver = deliver;
        this.window = workers * WINDOW_PER_WORKER;
        if (workers == 1) {
            this.pool = null;
        } else {
            int pool = POOLS.incrementAndGet();
            AtomicInteger threads = new AtomicInteger();
            this.pool = Executors.newFixedThreadPool(workers, job -> {
                Thread t = new Thread(job, "notice-reader-" + pool + "-" + threads.incrementAndGet());
                t.setDaemon(true); // an abandoned run never keeps the JVM alive
                return t;
            });
        }
    }

    /** Queues a job; may first hand on the results of earlier jobs. */
    void submit(Supplier<T> job) {
        if (pool == null) {
            deliver.accept(job.get());
            return;
        }
        if (inFlight.size() >= window) {
            deliverOldest();
        }
        inFlight.add(pool.submit(job::get));
    }

    /** Waits for every queued job and hands their results on, in order. */
    void finish() {
        while (!inFlight.isEmpty()) {
            deliverOldest();
        }
    }

    private void deliverOldest() {
        Future<T> oldest = inFlight.poll();
        T result;
        try {
            result = oldest.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for a worker");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
        deliver.accept(result);
    }

    /** Stops the workers; jobs not handed on yet are dropped (after {@link #finish} there are none). */
    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
