package dev.chatwire.internal;

import dev.chatwire.model.ChatCompletion;
import dev.chatwire.model.ChatCompletionChunk;
import org.jspecify.annotations.Nullable;

/**
 * Reaches model state that is not public API: the original text of {@code created}, kept so a
 * float such as {@code 1.7e9} is written back as it came, and absence as absence.
 *
 * <p>The text is null when {@code created} is a plain integer, empty when the member was absent,
 * and otherwise the JSON number as it appeared. The model package installs the one
 * implementation when its classes initialize.
 */
public abstract class ModelAccess {
  private static volatile @Nullable ModelAccess instance;

  /** Installs the implementation; called by the model package only. */
  public static void install(ModelAccess access) {
    instance = access;
  }

  /** The implementation. */
  public static ModelAccess get() {
    ModelAccess access = instance;
    if (access == null) {
      ChatCompletion.builder(); // initializes the model classes, which install it
      access = instance;
      if (access == null) throw new IllegalStateException("model access not installed");
    }
    return access;
  }

  /** The original {@code created} text of a completion. */
  public abstract @Nullable String createdText(ChatCompletion completion);

  /** Sets the original {@code created} text on a completion builder. */
  public abstract void createdText(ChatCompletion.Builder builder, @Nullable String text);

  /** The original {@code created} text of a chunk. */
  public abstract @Nullable String createdText(ChatCompletionChunk chunk);

  /** Sets the original {@code created} text on a chunk builder. */
  public abstract void createdText(ChatCompletionChunk.Builder builder, @Nullable String text);
}
