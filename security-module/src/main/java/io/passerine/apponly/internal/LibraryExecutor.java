package io.passerine.apponly.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The library's own executor for token requests, used where no {@code ManagedExecutorService} is found: at most two
 * daemon threads ({@code passerine-token-fetch-N}) that end after 10 s idle, so nothing lingers after a redeploy.
 * Its queue cannot grow without bound in practice: each client has at most one token request outstanding. A task runs
 * with the class loader of the thread that submitted it (the application's), as a managed executor would; no other
 * container context (CDI request scope, {@code java:comp}, security identity) is available on these threads.
 */
final class LibraryExecutor implements Executor {

    static final String THREAD_PREFIX = "passerine-token-fetch-";
    static final int MAX_THREADS = 2;
    static final AsyncExecution EXECUTION = new Execution(new LibraryExecutor());

    private final ThreadPoolExecutor pool;

    private LibraryExecutor() {
        AtomicInteger n = new AtomicInteger();
        pool = new ThreadPoolExecutor(MAX_THREADS, MAX_THREADS, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                task -> {
                    Thread t = new Thread(task, THREAD_PREFIX + n.incrementAndGet());
                    t.setDaemon(true);
                    t.setContextClassLoader(null); // set per task below: no class loader pinned for the thread's life
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
    }

    @Override
    public void execute(Runnable task) {
        ClassLoader submitter = Thread.currentThread().getContextClassLoader();
        pool.execute(() -> {
            Thread self = Thread.currentThread();
            self.setContextClassLoader(submitter);
            try {
                task.run();
            } finally {
                self.setContextClassLoader(null);
            }
        });
    }

    /** JDK stages: a shared completed stage per token, a minimal (not completable) stage per waiting caller. */
    private record Execution(Executor executor) implements AsyncExecution {
        @Override
        public <T> CompletionStage<T> completed(T value) {
            return CompletableFuture.completedStage(value);
        }

        @Override
        public <T> CompletionStage<T> forCaller(CompletableFuture<T> shared) {
            return shared.minimalCompletionStage();
        }
    }
}
