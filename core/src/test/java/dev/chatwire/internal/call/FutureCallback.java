package dev.chatwire.internal.call;

import dev.chatwire.error.ChatWireException;
import java.util.concurrent.CompletableFuture;

/** An async call's outcome as a future, for tests that drive a {@link RealCall} by hand. */
final class FutureCallback<T> implements RealCall.Callback<T> {
  final CompletableFuture<T> outcome = new CompletableFuture<>();

  @Override
  public void onSuccess(T result) {
    outcome.complete(result);
  }

  @Override
  public void onFailure(ChatWireException error) {
    outcome.completeExceptionally(error);
  }
}
