package io.passerine.apponly.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Where the one token request of an asynchronous cold start runs, and what asynchronous callers get back: the
 * container's {@code ManagedExecutorService} ({@link ManagedAsyncExecution}) or the library's own small executor
 * ({@link #library()}). Plain Java: the protocol layer sees only this interface.
 */
interface AsyncExecution {

    /** Runs a token request: one short, blocking HTTP call (bounded by the configured timeouts). */
    Executor executor();

    /** An already-completed stage that any number of callers may share: none of them can complete it. */
    <T> CompletionStage<T> completed(T value);

    /**
     * A stage of its own for one caller, completed with {@code shared}'s outcome; called on the caller's thread, so a
     * container can capture that caller's context for the stages it derives.
     */
    <T> CompletionStage<T> forCaller(CompletableFuture<T> shared);

    /** The library's own: at most two daemon threads per class loader, JDK stages (see {@link LibraryExecutor}). */
    static AsyncExecution library() {
        return LibraryExecutor.EXECUTION;
    }
}
