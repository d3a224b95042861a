package io.passerine.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body of at most {@code max} bytes before a deadline ({@link System#nanoTime()}); more bytes,
 * a declared {@code Content-Length} above the cap, or a byte arriving after the deadline cancel the subscription
 * (the connection is closed) and fail the body. Buffers are asked for one at a time, so a fast sender is read no
 * further than one buffer past the cap.
 */
final class CappedBody implements BodySubscriber<byte[]> {

    /** The answer is larger than the cap. */
    static final class TooLargeException extends IOException {
        private static final long serialVersionUID = 1L;
        final int status;

        TooLargeException(int status, int max) {
            super("the answer is larger than " + max + " bytes");
            this.status = status;
        }
    }

    private final int status;
    private final int max;
    private final long declared;
    private final long deadlineNanos;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private Flow.Subscription subscription;

    CappedBody(int status, long declaredLength, int max, long deadlineNanos) {
        this.status = status;
        this.max = max;
        this.declared = declaredLength;
        this.deadlineNanos = deadlineNanos;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (declared > max) {
            fail(new TooLargeException(status, max));
            return;
        }
        s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (body.isDone()) {
            return;
        }
        if (System.nanoTime() - deadlineNanos > 0) {
            fail(new HttpTimeoutException("the whole call took longer than its deadline"));
            return;
        }
        for (ByteBuffer b : items) {
            if (buffer.size() + b.remaining() > max) {
                fail(new TooLargeException(status, max));
                return;
            }
            byte[] bytes = new byte[b.remaining()];
            b.get(bytes);
            buffer.write(bytes, 0, bytes.length);
        }
        subscription.request(1);
    }

    @Override
    public void onError(Throwable t) {
        body.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
        body.complete(buffer.toByteArray());
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return body;
    }

    private void fail(IOException e) {
        subscription.cancel();
        body.completeExceptionally(e);
    }
}
