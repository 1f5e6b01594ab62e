package dev.chatwire.model;

import dev.chatwire.internal.ChunkHead;
import dev.chatwire.internal.Maps;
import dev.chatwire.internal.OneRawExtra;
import dev.chatwire.internal.SmallList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One event of a streamed answer ({@code chat.completion.chunk}): what each choice adds, and on
 * the last chunk, when asked for, the token usage (with {@code choices} then empty). The {@code
 * id}, {@code created} and {@code model} repeat on every chunk. Provider members (Azure's filter
 * results, Groq's {@code x_groq}, an {@code error} sent mid-stream) are kept in {@link
 * #getExtras()} and written back unchanged. Immutable and thread-safe.
 *
 * <pre>{@code
 * for (ChunkChoice choice : chunk.getChoices()) {
 *   String piece = choice.getDelta().getContent(); // null when this chunk carries no text
 * }
 * }</pre>
 *
 * <p>In Kotlin: {@code chunk.choices.firstOrNull()?.delta?.content}.
 */
public final class ChatCompletionChunk {
  static {
    Access.ensureInstalled();
  }

  // The members every chunk of a stream repeats are in one object the stream's chunks share.
  private final ChunkHead head;
  private final SmallList<ChunkChoice> choices;
  // Beyond the head and the choices, one field: the unknown members (an unmodifiable Map, or, when
  // OpenAI's padding is the only one, as on nearly every OpenAI chunk, its raw value's bytes
  // alone, made into a map only when asked), or on the chunk with the usage, one more object
  // with the usage and those members. A chunk stays at three fields (24 bytes).
  private final Object rest;

  private ChatCompletionChunk(Builder b) {
    this(ChunkHead.of(null, b.id, b.object, b.created, b.createdText, b.model, b.serviceTier,
        b.systemFingerprint), b.choices == null ? SmallList.of() : b.choices, b.usage,
        Maps.copyOrEmpty(b.extras));
  }

  /** Takes {@code extras} as it is: it must be unmodifiable. */
  ChatCompletionChunk(ChunkHead head, List<ChunkChoice> choices, @Nullable Usage usage,
      Map<String, String> extras) {
    this(head, choices, usage, (Object) extras);
  }

  /** Takes {@code padding}, the raw value of the one unknown member {@code obfuscation}. */
  ChatCompletionChunk(ChunkHead head, List<ChunkChoice> choices, @Nullable Usage usage,
      byte[] padding) {
    this(head, choices, usage, (Object) padding);
  }

  private ChatCompletionChunk(ChunkHead head, List<ChunkChoice> choices, @Nullable Usage usage,
      Object extras) {
    this.head = head;
    this.choices = SmallList.copyOf(choices); // itself when it is one (the stream's case)
    this.rest = usage == null ? extras : new WithUsage(usage, extras);
  }

  /** The usage and the unknown members of the chunk that has a usage. */
  private static final class WithUsage {
    final Usage usage;
    final Object extras;

    WithUsage(Usage usage, Object extras) {
      this.usage = usage;
      this.extras = extras;
    }
  }

  /** Starts building a chunk. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder with this chunk's values. */
  public Builder toBuilder() {
    Builder b = new Builder().id(head.id()).object(head.object()).created(head.created())
        .model(head.model()).choices(choices).usage(getUsage()).serviceTier(head.serviceTier())
        .systemFingerprint(head.systemFingerprint()).extras(getExtras());
    b.createdText = head.createdText();
    return b;
  }

  /** The kept source text of a {@code created} that was not written as an integer, else null. */
  @Nullable String createdText() {
    return head.createdText();
  }

  /** The completion's id (the same on every chunk), or null when the provider sent none. */
  public @Nullable String getId() {
    return head.id();
  }

  /** The object type, {@code chat.completion.chunk}, or null when absent. */
  public @Nullable String getObject() {
    return head.object();
  }

  /**
   * When the completion was created, in Unix seconds (a fraction is dropped); null when the
   * server sent none (some proxies and local servers omit it).
   */
  public @Nullable Long getCreated() {
    return head.created();
  }

  /** The model that answered, or null when absent. */
  public @Nullable String getModel() {
    return head.model();
  }

  /** What each choice adds; empty on the usage-only last chunk. */
  public List<ChunkChoice> getChoices() {
    return choices;
  }

  /** The token usage, on the last chunk when the request asked for it; else null. */
  public @Nullable Usage getUsage() {
    Object r = rest;
    return r instanceof WithUsage ? ((WithUsage) r).usage : null;
  }

  /** The service tier that processed the request, or null when absent. */
  public @Nullable ServiceTier getServiceTier() {
    return head.serviceTier();
  }

  /** The backend configuration's fingerprint, or null when absent. */
  public @Nullable String getSystemFingerprint() {
    return head.systemFingerprint();
  }

  /** Members this version does not know, as raw JSON text by name; written back unchanged. */
  @SuppressWarnings("unchecked")
  public Map<String, String> getExtras() {
    Object e = rest;
    if (e instanceof WithUsage) e = ((WithUsage) e).extras;
    return e instanceof byte[] ? new OneRawExtra(OneRawExtra.PADDING, (byte[]) e)
        : (Map<String, String>) e;
  }

  /** Whether the only unknown member is OpenAI's padding, held as bytes. */
  boolean paddingOnly() {
    return rest instanceof byte[];
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) return true;
    if (!(o instanceof ChatCompletionChunk)) return false;
    ChatCompletionChunk that = (ChatCompletionChunk) o;
    ChunkHead h = head;
    ChunkHead t = that.head;
    return Objects.equals(h.created(), t.created())
        && Objects.equals(h.id(), t.id())
        && Objects.equals(h.object(), t.object())
        && Objects.equals(h.model(), t.model())
        && choices.equals(that.choices)
        && Objects.equals(getUsage(), that.getUsage())
        && Objects.equals(h.serviceTier(), t.serviceTier())
        && Objects.equals(h.systemFingerprint(), t.systemFingerprint())
        && getExtras().equals(that.getExtras());
  }

  @Override
  public int hashCode() {
    ChunkHead h = head;
    return Objects.hash(h.id(), h.object(), h.created(), h.model(), choices, getUsage(),
        h.serviceTier(), h.systemFingerprint(), getExtras());
  }

  @Override
  public String toString() {
    ChunkHead h = head;
    return "ChatCompletionChunk{id=" + h.id() + ", object=" + h.object() + ", created="
        + h.created() + ", model=" + h.model() + ", choices=" + choices + ", usage=" + getUsage()
        + (h.serviceTier() == null ? "" : ", serviceTier=" + h.serviceTier())
        + (h.systemFingerprint() == null ? "" : ", systemFingerprint=" + h.systemFingerprint())
        + (getExtras().isEmpty() ? "" : ", extras=" + getExtras()) + '}';
  }

  /** Builds a {@link ChatCompletionChunk}; not thread-safe. */
  public static final class Builder {
    private @Nullable String id;
    private @Nullable String object;
    private @Nullable Long created;
    @Nullable String createdText;
    private @Nullable String model;
    private @Nullable List<ChunkChoice> choices;
    private boolean choicesOwned;
    private @Nullable Usage usage;
    private @Nullable ServiceTier serviceTier;
    private @Nullable String systemFingerprint;
    private @Nullable Map<String, String> extras;

    Builder() {}

    /** Sets the id. */
    public Builder id(@Nullable String id) {
      this.id = id;
      return this;
    }

    /** Sets the object type. */
    public Builder object(@Nullable String object) {
      this.object = object;
      return this;
    }

    /** Sets the creation time in Unix seconds. */
    public Builder created(@Nullable Long created) {
      this.created = created;
      this.createdText = null;
      return this;
    }

    /** Sets the model. */
    public Builder model(@Nullable String model) {
      this.model = model;
      return this;
    }

    /** Replaces the choices (copied when built). */
    public Builder choices(List<ChunkChoice> choices) {
      this.choices = choices;
      this.choicesOwned = false;
      return this;
    }

    /** Adds a choice. */
    public Builder addChoice(ChunkChoice choice) {
      List<ChunkChoice> list = choices;
      if (list == null || !choicesOwned) {
        list = list == null ? new ArrayList<>() : new ArrayList<>(list);
        choices = list;
        choicesOwned = true;
      }
      list.add(choice);
      return this;
    }

    /** Sets the usage. */
    public Builder usage(@Nullable Usage usage) {
      this.usage = usage;
      return this;
    }

    /** Sets the service tier. */
    public Builder serviceTier(@Nullable ServiceTier serviceTier) {
      this.serviceTier = serviceTier;
      return this;
    }

    /** Sets the system fingerprint. */
    public Builder systemFingerprint(@Nullable String systemFingerprint) {
      this.systemFingerprint = systemFingerprint;
      return this;
    }

    /** Adds an unknown member as raw JSON text. */
    public Builder putExtra(String name, String rawJson) {
      if (extras == null) extras = new LinkedHashMap<>(4);
      extras.put(name, rawJson);
      return this;
    }

    /** Replaces the unknown members. */
    public Builder extras(Map<String, String> extras) {
      this.extras = extras.isEmpty() ? null : new LinkedHashMap<>(extras);
      return this;
    }

    /** The immutable chunk. */
    public ChatCompletionChunk build() {
      return new ChatCompletionChunk(this);
    }
  }
}
