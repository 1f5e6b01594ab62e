package dev.chatwire.model;

import dev.chatwire.internal.Maps;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A complete answer to a chat request ({@code chat.completion}): its choices, token usage and
 * the identifiers the provider sent. Members a provider adds (Azure's {@code
 * prompt_filter_results}, Groq's {@code x_groq}, llama.cpp's {@code timings}) are kept in {@link
 * #getExtras()} and written back unchanged. Immutable and thread-safe.
 *
 * <pre>{@code
 * ChatCompletion c = client.chat().create(request);
 * String text = c.getText();                        // the first choice's content, or null
 * String second = c.getChoices().get(1).getMessage().getContent();
 * }</pre>
 *
 * <p>In Kotlin: {@code c.text.orEmpty()}, {@code c.choices[1].message.content}, {@code
 * c.usage?.totalTokens}.
 */
public final class ChatCompletion {
  static {
    Access.ensureInstalled();
  }

  private final @Nullable String id;
  private final @Nullable String object;
  private final @Nullable Long created;
  final @Nullable String createdText;
  private final @Nullable String model;
  private final List<Choice> choices;
  private final @Nullable Usage usage;
  private final @Nullable ServiceTier serviceTier;
  private final @Nullable String systemFingerprint;
  private final Map<String, String> extras;

  private ChatCompletion(Builder b) {
    this.id = b.id;
    this.object = b.object;
    this.created = b.created;
    this.createdText = b.createdText;
    this.model = b.model;
    this.choices = Maps.copyOrEmpty(b.choices);
    this.usage = b.usage;
    this.serviceTier = b.serviceTier;
    this.systemFingerprint = b.systemFingerprint;
    this.extras = Maps.copyOrEmpty(b.extras);
  }

  /** Starts building a completion. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder with this completion's values. */
  public Builder toBuilder() {
    Builder b = new Builder().id(id).object(object).created(created).model(model)
        .choices(choices).usage(usage).serviceTier(serviceTier)
        .systemFingerprint(systemFingerprint).extras(extras);
    b.createdText = createdText;
    return b;
  }

  /** The completion's id, or null when the provider sent none. */
  public @Nullable String getId() {
    return id;
  }

  /** The object type, {@code chat.completion}, or null when absent. */
  public @Nullable String getObject() {
    return object;
  }

  /**
   * When the completion was created, in Unix seconds (a fraction is dropped); null when the
   * server sent none (some proxies and local servers omit it).
   */
  public @Nullable Long getCreated() {
    return created;
  }

  /** The model that answered, or null when absent. */
  public @Nullable String getModel() {
    return model;
  }

  /** The answers, one per requested {@code n}. */
  public List<Choice> getChoices() {
    return choices;
  }

  /**
   * The answer's text: the first choice's message content, or null when there is no choice or
   * it has no content (a refusal, or only tool calls). The other choices of {@code n > 1} are in
   * {@link #getChoices()}.
   */
  public @Nullable String getText() {
    return choices.isEmpty() ? null : choices.get(0).getMessage().getContent();
  }

  /** The token usage, or null when absent. */
  public @Nullable Usage getUsage() {
    return usage;
  }

  /** The service tier that processed the request, or null when absent. */
  public @Nullable ServiceTier getServiceTier() {
    return serviceTier;
  }

  /** The backend configuration's fingerprint, or null when absent. */
  public @Nullable String getSystemFingerprint() {
    return systemFingerprint;
  }

  /** Members this version does not know, as raw JSON text by name; written back unchanged. */
  public Map<String, String> getExtras() {
    return extras;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) return true;
    if (!(o instanceof ChatCompletion)) return false;
    ChatCompletion that = (ChatCompletion) o;
    return Objects.equals(created, that.created)
        && Objects.equals(id, that.id)
        && Objects.equals(object, that.object)
        && Objects.equals(model, that.model)
        && choices.equals(that.choices)
        && Objects.equals(usage, that.usage)
        && Objects.equals(serviceTier, that.serviceTier)
        && Objects.equals(systemFingerprint, that.systemFingerprint)
        && extras.equals(that.extras);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, object, created, model, choices, usage, serviceTier,
        systemFingerprint, extras);
  }

  @Override
  public String toString() {
    return "ChatCompletion{id=" + id + ", object=" + object + ", created=" + created
        + ", model=" + model + ", choices=" + choices + ", usage=" + usage
        + (serviceTier == null ? "" : ", serviceTier=" + serviceTier)
        + (systemFingerprint == null ? "" : ", systemFingerprint=" + systemFingerprint)
        + (extras.isEmpty() ? "" : ", extras=" + extras) + '}';
  }

  /** Builds a {@link ChatCompletion}; not thread-safe. */
  public static final class Builder {
    private @Nullable String id;
    private @Nullable String object;
    private @Nullable Long created;
    @Nullable String createdText;
    private @Nullable String model;
    private @Nullable List<Choice> choices;
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
    public Builder choices(List<Choice> choices) {
      this.choices = choices;
      this.choicesOwned = false;
      return this;
    }

    /** Adds a choice. */
    public Builder addChoice(Choice choice) {
      List<Choice> list = choices;
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

    /** The immutable completion. */
    public ChatCompletion build() {
      return new ChatCompletion(this);
    }
  }
}
