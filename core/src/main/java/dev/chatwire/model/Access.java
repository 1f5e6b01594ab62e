package dev.chatwire.model;

import dev.chatwire.internal.ModelAccess;
import org.jspecify.annotations.Nullable;

/** The model package's side of {@link ModelAccess}. */
final class Access extends ModelAccess {
  static final Access INSTANCE = new Access();

  static {
    ModelAccess.install(INSTANCE);
  }

  private Access() {}

  /** Does nothing but make sure this class, and so the installation, is initialized. */
  static void ensureInstalled() {}

  @Override
  public @Nullable String createdText(ChatCompletion completion) {
    return completion.createdText;
  }

  @Override
  public void createdText(ChatCompletion.Builder builder, @Nullable String text) {
    builder.createdText = text;
  }

  @Override
  public @Nullable String createdText(ChatCompletionChunk chunk) {
    return chunk.createdText;
  }

  @Override
  public void createdText(ChatCompletionChunk.Builder builder, @Nullable String text) {
    builder.createdText = text;
  }
}
