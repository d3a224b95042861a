package io.passerine.apponly.internal;

import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * {@link AsyncExecution} on the container's default {@code ManagedExecutorService} (Jakarta Concurrency 3.0, Jakarta
 * EE 10): token requests run on managed threads in the application's context, and every stage a caller derives from
 * its {@code tokenAsync()} stage runs in the context of the code that derived it, whichever thread completes it.
 * Where there is none (Open Liberty without {@code concurrent-3.0}, plain Java), the library's own executor.
 */
final class ManagedAsyncExecution implements AsyncExecution {

    static final String DEFAULT_EXECUTOR = "java:comp/DefaultManagedExecutorService";
    private static final System.Logger LOG = System.getLogger("io.passerine.apponly");

    private final ManagedExecutorService executor;

    private ManagedAsyncExecution(ManagedExecutorService executor) {
        this.executor = executor;
    }

    /** The container's default managed executor, or the library's own; call on an application thread. */
    static AsyncExecution lookup() {
        Object found;
        try {
            found = InitialContext.doLookup(DEFAULT_EXECUTOR);
        } catch (NamingException | RuntimeException e) {
            LOG.log(System.Logger.Level.INFO, "No " + DEFAULT_EXECUTOR + ": app-only token requests of tokenAsync()"
                    + " callers run on the library's own daemon threads");
            return AsyncExecution.library();
        }
        try {
            return Wrap.of(found);
        } catch (LinkageError apiNotVisible) { // jakarta.enterprise.concurrent absent for this application
            return AsyncExecution.library();
        }
    }

    @Override
    public Executor executor() {
        return executor;
    }

    @Override
    public <T> CompletionStage<T> completed(T value) {
        return executor.completedStage(value);
    }

    @Override
    public <T> CompletionStage<T> forCaller(CompletableFuture<T> shared) {
        return executor.copy((CompletionStage<T>) shared);
    }

    /** Loaded only once a lookup succeeded, so a missing Concurrency API is a caught LinkageError. */
    private static final class Wrap {
        static AsyncExecution of(Object found) {
            if (found instanceof ManagedExecutorService mes) {
                LOG.log(System.Logger.Level.INFO, "App-only token requests of tokenAsync() callers run on "
                        + DEFAULT_EXECUTOR);
                return new ManagedAsyncExecution(mes);
            }
            return AsyncExecution.library();
        }
    }
}
