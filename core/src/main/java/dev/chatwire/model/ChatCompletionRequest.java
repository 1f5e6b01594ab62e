package dev.chatwire.model;

import dev.chatwire.internal.Maps;
import dev.chatwire.internal.json.RequestRaw;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A Chat Completions request: the {@code model}, the {@code messages} and the optional parameters
 * of {@code POST /chat/completions}. Parameters left unset are not sent, so the server's defaults
 * apply. Provider parameters this version does not model (vLLM's {@code top_k} or
 * {@code chat_template_kwargs}, Ollama's {@code options}, Azure's {@code data_sources}) travel as
 * extras: raw JSON by name, written after the known members.
 *
 * <p>Immutable and thread-safe; build one with {@link #builder()} and derive variants with
 * {@link #toBuilder()}. The builder checks impossible values when they are set (a NaN
 * temperature, {@code n} below 1, extras that are not JSON) and {@code build()} requires a
 * non-blank model. Messages may be empty here; OpenAI rejects that with a 400, other servers may
 * not. {@code toString()} abbreviates long text and base64 data.
 *
 * <pre>{@code
 * ChatCompletionRequest request = ChatCompletionRequest.builder()
 *     .model("gpt-4o-mini")
 *     .addSystemMessage("You are terse.")
 *     .addUserMessage("Why is the sky blue?")
 *     .temperature(0.2)
 *     .putExtra("top_k", 20)
 *     .build();
 * }</pre>
 *
 * <p>Kotlin sees properties: {@code request.model}, {@code request.temperature} ({@code Double?}).
 */
public final class ChatCompletionRequest {
  private final String model;
  private final List<ChatMessage> messages;
  private final @Nullable Double temperature;
  private final @Nullable Double topP;
  private final @Nullable Integer n;
  private final @Nullable Boolean stream;
  private final @Nullable StreamOptions streamOptions;
  private final @Nullable Stop stop;
  private final @Nullable Integer maxTokens;
  private final @Nullable Integer maxCompletionTokens;
  private final @Nullable Double presencePenalty;
  private final @Nullable Double frequencyPenalty;
  private final Map<String, Integer> logitBias;
  private final @Nullable Boolean logprobs;
  private final @Nullable Integer topLogprobs;
  private final @Nullable Long seed;
  private final @Nullable String user;
  private final List<Tool> tools;
  private final @Nullable ToolChoice toolChoice;
  private final @Nullable Boolean parallelToolCalls;
  private final @Nullable ResponseFormat responseFormat;
  private final @Nullable ServiceTier serviceTier;
  private final @Nullable ReasoningEffort reasoningEffort;
  private final Map<String, String> metadata;
  private final @Nullable Boolean store;
  private final @Nullable Prediction prediction;
  private final List<String> modalities;
  private final @Nullable AudioParams audio;
  private final Map<String, String> extras;

  private ChatCompletionRequest(Builder b) {
    this.model = Objects.requireNonNull(b.model, "model");
    this.messages = Maps.copy(b.messages);
    this.temperature = b.temperature;
    this.topP = b.topP;
    this.n = b.n;
    this.stream = b.stream;
    this.streamOptions = b.streamOptions;
    this.stop = b.stop;
    this.maxTokens = b.maxTokens;
    this.maxCompletionTokens = b.maxCompletionTokens;
    this.presencePenalty = b.presencePenalty;
    this.frequencyPenalty = b.frequencyPenalty;
    this.logitBias = Maps.copy(b.logitBias);
    this.logprobs = b.logprobs;
    this.topLogprobs = b.topLogprobs;
    this.seed = b.seed;
    this.user = b.user;
    this.tools = Maps.copy(b.tools);
    this.toolChoice = b.toolChoice;
    this.parallelToolCalls = b.parallelToolCalls;
    this.responseFormat = b.responseFormat;
    this.serviceTier = b.serviceTier;
    this.reasoningEffort = b.reasoningEffort;
    this.metadata = Maps.copy(b.metadata);
    this.store = b.store;
    this.prediction = b.prediction;
    this.modalities = Maps.copy(b.modalities);
    this.audio = b.audio;
    this.extras = Maps.copy(b.extras);
  }

  /** Starts building a request. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder with this request's values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.model = model;
    b.messages.addAll(messages);
    b.temperature = temperature;
    b.topP = topP;
    b.n = n;
    b.stream = stream;
    b.streamOptions = streamOptions;
    b.stop = stop;
    b.maxTokens = maxTokens;
    b.maxCompletionTokens = maxCompletionTokens;
    b.presencePenalty = presencePenalty;
    b.frequencyPenalty = frequencyPenalty;
    b.logitBias.putAll(logitBias);
    b.logprobs = logprobs;
    b.topLogprobs = topLogprobs;
    b.seed = seed;
    b.user = user;
    b.tools.addAll(tools);
    b.toolChoice = toolChoice;
    b.parallelToolCalls = parallelToolCalls;
    b.responseFormat = responseFormat;
    b.serviceTier = serviceTier;
    b.reasoningEffort = reasoningEffort;
    b.metadata.putAll(metadata);
    b.store = store;
    b.prediction = prediction;
    b.modalities.addAll(modalities);
    b.audio = audio;
    b.extras.putAll(extras);
    return b;
  }

  /** The model (or deployment) id. */
  public String getModel() {
    return model;
  }

  /** The conversation so far, oldest first. */
  public List<ChatMessage> getMessages() {
    return messages;
  }

  /** Sampling temperature, or null when not set. */
  public @Nullable Double getTemperature() {
    return temperature;
  }

  /** Nucleus sampling mass ({@code top_p}), or null when not set. */
  public @Nullable Double getTopP() {
    return topP;
  }

  /** How many choices to generate, or null when not set. */
  public @Nullable Integer getN() {
    return n;
  }

  /** Whether the answer is streamed as chunks, or null when not set. */
  public @Nullable Boolean getStream() {
    return stream;
  }

  /** The stream options, or null when not set. */
  public @Nullable StreamOptions getStreamOptions() {
    return streamOptions;
  }

  /** The stop sequence or sequences, or null when not set. */
  public @Nullable Stop getStop() {
    return stop;
  }

  /** The older token limit ({@code max_tokens}), or null when not set. */
  public @Nullable Integer getMaxTokens() {
    return maxTokens;
  }

  /** The token limit including reasoning tokens, or null when not set. */
  public @Nullable Integer getMaxCompletionTokens() {
    return maxCompletionTokens;
  }

  /** The presence penalty, or null when not set. */
  public @Nullable Double getPresencePenalty() {
    return presencePenalty;
  }

  /** The frequency penalty, or null when not set. */
  public @Nullable Double getFrequencyPenalty() {
    return frequencyPenalty;
  }

  /** Bias by token id (as a string); empty when not set (then not written). */
  public Map<String, Integer> getLogitBias() {
    return logitBias;
  }

  /** Whether to return log probabilities, or null when not set. */
  public @Nullable Boolean getLogprobs() {
    return logprobs;
  }

  /** How many alternatives per token to return with log probabilities, or null. */
  public @Nullable Integer getTopLogprobs() {
    return topLogprobs;
  }

  /** The sampling seed, or null when not set. */
  public @Nullable Long getSeed() {
    return seed;
  }

  /** An end-user id for abuse monitoring, or null when not set. */
  public @Nullable String getUser() {
    return user;
  }

  /** The tools the model may call; empty when none (then not written). */
  public List<Tool> getTools() {
    return tools;
  }

  /** Which tool the model must or may call, or null when not set. */
  public @Nullable ToolChoice getToolChoice() {
    return toolChoice;
  }

  /** Whether the model may call several tools at once, or null when not set. */
  public @Nullable Boolean getParallelToolCalls() {
    return parallelToolCalls;
  }

  /** The output format, or null when not set. */
  public @Nullable ResponseFormat getResponseFormat() {
    return responseFormat;
  }

  /** The processing tier, or null when not set. */
  public @Nullable ServiceTier getServiceTier() {
    return serviceTier;
  }

  /** The reasoning effort, or null when not set. */
  public @Nullable ReasoningEffort getReasoningEffort() {
    return reasoningEffort;
  }

  /** Tags stored with the completion; empty when not set (then not written). */
  public Map<String, String> getMetadata() {
    return metadata;
  }

  /** Whether the provider stores the completion, or null when not set. */
  public @Nullable Boolean getStore() {
    return store;
  }

  /** The predicted output, or null when not set. */
  public @Nullable Prediction getPrediction() {
    return prediction;
  }

  /** The output modalities, such as {@code text} and {@code audio}; empty when not set. */
  public List<String> getModalities() {
    return modalities;
  }

  /** The audio output parameters, or null when not set. */
  public @Nullable AudioParams getAudio() {
    return audio;
  }

  /** Provider parameters and members this version does not know: raw JSON text by name. */
  public Map<String, String> getExtras() {
    return extras;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) return true;
    if (!(o instanceof ChatCompletionRequest)) return false;
    ChatCompletionRequest that = (ChatCompletionRequest) o;
    return model.equals(that.model)
        && messages.equals(that.messages)
        && Objects.equals(temperature, that.temperature)
        && Objects.equals(topP, that.topP)
        && Objects.equals(n, that.n)
        && Objects.equals(stream, that.stream)
        && Objects.equals(streamOptions, that.streamOptions)
        && Objects.equals(stop, that.stop)
        && Objects.equals(maxTokens, that.maxTokens)
        && Objects.equals(maxCompletionTokens, that.maxCompletionTokens)
        && Objects.equals(presencePenalty, that.presencePenalty)
        && Objects.equals(frequencyPenalty, that.frequencyPenalty)
        && logitBias.equals(that.logitBias)
        && Objects.equals(logprobs, that.logprobs)
        && Objects.equals(topLogprobs, that.topLogprobs)
        && Objects.equals(seed, that.seed)
        && Objects.equals(user, that.user)
        && tools.equals(that.tools)
        && Objects.equals(toolChoice, that.toolChoice)
        && Objects.equals(parallelToolCalls, that.parallelToolCalls)
        && Objects.equals(responseFormat, that.responseFormat)
        && Objects.equals(serviceTier, that.serviceTier)
        && Objects.equals(reasoningEffort, that.reasoningEffort)
        && metadata.equals(that.metadata)
        && Objects.equals(store, that.store)
        && Objects.equals(prediction, that.prediction)
        && modalities.equals(that.modalities)
        && Objects.equals(audio, that.audio)
        && extras.equals(that.extras);
  }

  @Override
  public int hashCode() {
    return Objects.hash(model, messages, temperature, topP, n, stream, streamOptions, stop,
        maxTokens, maxCompletionTokens, presencePenalty, frequencyPenalty, logitBias, logprobs,
        topLogprobs, seed, user, tools, toolChoice, parallelToolCalls, responseFormat,
        serviceTier, reasoningEffort, metadata, store, prediction, modalities, audio, extras);
  }

  @Override
  public String toString() {
    return new ToStrings("ChatCompletionRequest").add("model", model).add("messages", messages)
        .add("temperature", temperature).add("topP", topP).add("n", n).add("stream", stream)
        .add("streamOptions", streamOptions).add("stop", stop).add("maxTokens", maxTokens)
        .add("maxCompletionTokens", maxCompletionTokens).add("presencePenalty", presencePenalty)
        .add("frequencyPenalty", frequencyPenalty).add("logitBias", logitBias)
        .add("logprobs", logprobs).add("topLogprobs", topLogprobs).add("seed", seed)
        .add("user", user).add("tools", tools).add("toolChoice", toolChoice)
        .add("parallelToolCalls", parallelToolCalls).add("responseFormat", responseFormat)
        .add("serviceTier", serviceTier).add("reasoningEffort", reasoningEffort)
        .add("metadata", metadata).add("store", store).add("prediction", prediction)
        .add("modalities", modalities).add("audio", audio).add("extras", extras).toString();
  }

  /** Builds a {@link ChatCompletionRequest}; not thread-safe. */
  public static final class Builder {
    private @Nullable String model;
    private final List<ChatMessage> messages = new ArrayList<>();
    private @Nullable Double temperature;
    private @Nullable Double topP;
    private @Nullable Integer n;
    private @Nullable Boolean stream;
    private @Nullable StreamOptions streamOptions;
    private @Nullable Stop stop;
    private @Nullable Integer maxTokens;
    private @Nullable Integer maxCompletionTokens;
    private @Nullable Double presencePenalty;
    private @Nullable Double frequencyPenalty;
    private final Map<String, Integer> logitBias = new LinkedHashMap<>();
    private @Nullable Boolean logprobs;
    private @Nullable Integer topLogprobs;
    private @Nullable Long seed;
    private @Nullable String user;
    private final List<Tool> tools = new ArrayList<>();
    private @Nullable ToolChoice toolChoice;
    private @Nullable Boolean parallelToolCalls;
    private @Nullable ResponseFormat responseFormat;
    private @Nullable ServiceTier serviceTier;
    private @Nullable ReasoningEffort reasoningEffort;
    private final Map<String, String> metadata = new LinkedHashMap<>();
    private @Nullable Boolean store;
    private @Nullable Prediction prediction;
    private final List<String> modalities = new ArrayList<>();
    private @Nullable AudioParams audio;
    private final Map<String, String> extras = new LinkedHashMap<>();

    Builder() {}

    /** Sets the model (required, not blank). */
    public Builder model(String model) {
      this.model = model;
      return this;
    }

    /** Replaces the messages. */
    public Builder messages(List<ChatMessage> messages) {
      this.messages.clear();
      this.messages.addAll(messages);
      return this;
    }

    /** Appends a message. */
    public Builder addMessage(ChatMessage message) {
      messages.add(message);
      return this;
    }

    /** Appends a {@code system} message. */
    public Builder addSystemMessage(String content) {
      return addMessage(ChatMessage.system(content));
    }

    /** Appends a {@code developer} message. */
    public Builder addDeveloperMessage(String content) {
      return addMessage(ChatMessage.developer(content));
    }

    /** Appends a {@code user} message. */
    public Builder addUserMessage(String content) {
      return addMessage(ChatMessage.user(content));
    }

    /** Appends an {@code assistant} message. */
    public Builder addAssistantMessage(String content) {
      return addMessage(ChatMessage.assistant(content));
    }

    /** Appends a {@code tool} message answering the tool call {@code toolCallId}. */
    public Builder addToolMessage(String toolCallId, String content) {
      return addMessage(ChatMessage.tool(toolCallId, content));
    }

    /** Sets the temperature; it must be finite. */
    public Builder temperature(@Nullable Double temperature) {
      this.temperature = finite("temperature", temperature);
      return this;
    }

    /** Sets {@code top_p}; it must be finite. */
    public Builder topP(@Nullable Double topP) {
      this.topP = finite("top_p", topP);
      return this;
    }

    /** Sets how many choices to generate; at least 1. */
    public Builder n(@Nullable Integer n) {
      this.n = atLeast("n", n, 1);
      return this;
    }

    /** Sets whether to stream. */
    public Builder stream(@Nullable Boolean stream) {
      this.stream = stream;
      return this;
    }

    /** Sets the stream options. */
    public Builder streamOptions(@Nullable StreamOptions streamOptions) {
      this.streamOptions = streamOptions;
      return this;
    }

    /** Sets the stop sequences. */
    public Builder stop(@Nullable Stop stop) {
      this.stop = stop;
      return this;
    }

    /** Sets one stop sequence, written as a string. */
    public Builder stop(String sequence) {
      return stop(Stop.of(sequence));
    }

    /** Sets stop sequences, written as an array. */
    public Builder stop(List<String> sequences) {
      return stop(Stop.of(sequences));
    }

    /** Sets {@code max_tokens}; not negative. */
    public Builder maxTokens(@Nullable Integer maxTokens) {
      this.maxTokens = atLeast("max_tokens", maxTokens, 0);
      return this;
    }

    /** Sets {@code max_completion_tokens}; not negative. */
    public Builder maxCompletionTokens(@Nullable Integer maxCompletionTokens) {
      this.maxCompletionTokens = atLeast("max_completion_tokens", maxCompletionTokens, 0);
      return this;
    }

    /** Sets the presence penalty; it must be finite. */
    public Builder presencePenalty(@Nullable Double presencePenalty) {
      this.presencePenalty = finite("presence_penalty", presencePenalty);
      return this;
    }

    /** Sets the frequency penalty; it must be finite. */
    public Builder frequencyPenalty(@Nullable Double frequencyPenalty) {
      this.frequencyPenalty = finite("frequency_penalty", frequencyPenalty);
      return this;
    }

    /** Replaces the logit bias map (token id as a string to bias). */
    public Builder logitBias(Map<String, Integer> logitBias) {
      this.logitBias.clear();
      for (Map.Entry<String, Integer> e : logitBias.entrySet()) {
        putLogitBias(e.getKey(), e.getValue());
      }
      return this;
    }

    /** Adds a bias for one token id. */
    public Builder putLogitBias(String tokenId, int bias) {
      logitBias.put(tokenId, bias);
      return this;
    }

    /** Sets whether to return log probabilities. */
    public Builder logprobs(@Nullable Boolean logprobs) {
      this.logprobs = logprobs;
      return this;
    }

    /** Sets {@code top_logprobs}; not negative. */
    public Builder topLogprobs(@Nullable Integer topLogprobs) {
      this.topLogprobs = atLeast("top_logprobs", topLogprobs, 0);
      return this;
    }

    /** Sets the seed. */
    public Builder seed(@Nullable Long seed) {
      this.seed = seed;
      return this;
    }

    /** Sets the seed (so Java callers may pass an {@code int}). */
    public Builder seed(long seed) {
      return seed(Long.valueOf(seed));
    }

    /** Sets the end-user id. */
    public Builder user(@Nullable String user) {
      this.user = user;
      return this;
    }

    /** Replaces the tools. */
    public Builder tools(List<Tool> tools) {
      this.tools.clear();
      this.tools.addAll(tools);
      return this;
    }

    /** Appends a tool. */
    public Builder addTool(Tool tool) {
      tools.add(tool);
      return this;
    }

    /** Sets the tool choice. */
    public Builder toolChoice(@Nullable ToolChoice toolChoice) {
      this.toolChoice = toolChoice;
      return this;
    }

    /** Sets whether parallel tool calls are allowed. */
    public Builder parallelToolCalls(@Nullable Boolean parallelToolCalls) {
      this.parallelToolCalls = parallelToolCalls;
      return this;
    }

    /** Sets the response format. */
    public Builder responseFormat(@Nullable ResponseFormat responseFormat) {
      this.responseFormat = responseFormat;
      return this;
    }

    /** Sets the service tier. */
    public Builder serviceTier(@Nullable ServiceTier serviceTier) {
      this.serviceTier = serviceTier;
      return this;
    }

    /** Sets the reasoning effort. */
    public Builder reasoningEffort(@Nullable ReasoningEffort reasoningEffort) {
      this.reasoningEffort = reasoningEffort;
      return this;
    }

    /** Replaces the metadata. */
    public Builder metadata(Map<String, String> metadata) {
      this.metadata.clear();
      for (Map.Entry<String, String> e : metadata.entrySet()) putMetadata(e.getKey(), e.getValue());
      return this;
    }

    /** Adds one metadata entry. */
    public Builder putMetadata(String key, String value) {
      metadata.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** Sets whether the completion is stored. */
    public Builder store(@Nullable Boolean store) {
      this.store = store;
      return this;
    }

    /** Sets the predicted output. */
    public Builder prediction(@Nullable Prediction prediction) {
      this.prediction = prediction;
      return this;
    }

    /** Replaces the output modalities. */
    public Builder modalities(List<String> modalities) {
      this.modalities.clear();
      for (String m : modalities) this.modalities.add(Objects.requireNonNull(m, "modality"));
      return this;
    }

    /** Sets the audio output parameters. */
    public Builder audio(@Nullable AudioParams audio) {
      this.audio = audio;
      return this;
    }

    /**
     * Adds a body member as raw JSON text, such as {@code putExtra("chat_template_kwargs",
     * "{\"enable_thinking\":false}")}.
     *
     * @throws IllegalArgumentException when the name is empty or the text is not one JSON value
     */
    public Builder putExtra(String name, String rawJson) {
      if (name.isEmpty()) throw new IllegalArgumentException("extra name must not be empty");
      extras.put(name, RequestRaw.require("extra '" + name + "'", rawJson));
      return this;
    }

    /**
     * Adds a numeric body member, such as {@code putExtra("top_k", 20)}.
     *
     * @throws IllegalArgumentException for NaN or an infinity
     */
    public Builder putExtra(String name, Number value) {
      return putExtra(name, RequestRaw.number(value));
    }

    /** Adds a boolean body member. */
    public Builder putExtra(String name, boolean value) {
      return putExtra(name, value ? "true" : "false");
    }

    /** Adds a string body member; the value is quoted and escaped. */
    public Builder putExtraString(String name, String value) {
      return putExtra(name, RequestRaw.quote(value));
    }

    /** Removes a body member added as an extra. */
    public Builder removeExtra(String name) {
      extras.remove(name);
      return this;
    }

    /**
     * Replaces the extras.
     *
     * @throws IllegalArgumentException when a value is not one JSON value
     */
    public Builder extras(Map<String, String> extras) {
      this.extras.clear();
      for (Map.Entry<String, String> e : extras.entrySet()) putExtra(e.getKey(), e.getValue());
      return this;
    }

    /**
     * The immutable request.
     *
     * @throws IllegalStateException when the model is missing or blank, there is no message (no
     *     provider accepts an empty {@code messages}), a list holds null, or an extra names a
     *     member that its own setter also set
     */
    public ChatCompletionRequest build() {
      if (model == null || model.trim().isEmpty()) {
        throw new IllegalStateException("model is required and must not be blank");
      }
      if (messages.isEmpty()) {
        throw new IllegalStateException(
            "messages is required: add at least one message (addUserMessage, addMessage)");
      }
      if (messages.contains(null)) throw new IllegalStateException("messages must not contain null");
      if (tools.contains(null)) throw new IllegalStateException("tools must not contain null");
      for (String name : extras.keySet()) {
        if (isSet(name)) {
          throw new IllegalStateException(
              "extra '" + name + "' conflicts with the value set by its own setter");
        }
      }
      return new ChatCompletionRequest(this);
    }

    private boolean isSet(String jsonName) {
      switch (jsonName) {
        case "model": return true;
        case "messages": return true;
        case "temperature": return temperature != null;
        case "top_p": return topP != null;
        case "n": return n != null;
        case "stream": return stream != null;
        case "stream_options": return streamOptions != null;
        case "stop": return stop != null;
        case "max_tokens": return maxTokens != null;
        case "max_completion_tokens": return maxCompletionTokens != null;
        case "presence_penalty": return presencePenalty != null;
        case "frequency_penalty": return frequencyPenalty != null;
        case "logit_bias": return !logitBias.isEmpty();
        case "logprobs": return logprobs != null;
        case "top_logprobs": return topLogprobs != null;
        case "seed": return seed != null;
        case "user": return user != null;
        case "tools": return !tools.isEmpty();
        case "tool_choice": return toolChoice != null;
        case "parallel_tool_calls": return parallelToolCalls != null;
        case "response_format": return responseFormat != null;
        case "service_tier": return serviceTier != null;
        case "reasoning_effort": return reasoningEffort != null;
        case "metadata": return !metadata.isEmpty();
        case "store": return store != null;
        case "prediction": return prediction != null;
        case "modalities": return !modalities.isEmpty();
        case "audio": return audio != null;
        default: return false;
      }
    }

    private static @Nullable Double finite(String name, @Nullable Double value) {
      if (value != null && !Double.isFinite(value)) {
        throw new IllegalArgumentException(name + " must be a finite number but was " + value);
      }
      return value;
    }

    private static @Nullable Integer atLeast(String name, @Nullable Integer value, int min) {
      if (value != null && value < min) {
        throw new IllegalArgumentException(name + " must be at least " + min + " but was " + value);
      }
      return value;
    }
  }
}
