package dev.chatwire.compare;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;

/**
 * What one would build by hand: OkHttp's {@code okhttp-sse} event source and a Jackson streaming
 * parser per event that picks out the content, finish reason and usage (no model objects).
 */
public final class OkHttpSseClient implements StreamClient {
  private static final MediaType JSON = MediaType.get("application/json");
  private final OkHttpClient http = new OkHttpClient();
  private final EventSource.Factory sources = EventSources.createFactory(http);
  private final JsonFactory json = new JsonFactory();
  private final String url;

  public OkHttpSseClient(String baseUrl, String arg) {
    url = baseUrl + "/chat/completions";
  }

  @Override
  public void stream(String model, Sink sink) throws Exception {
    streamAsync(model, sink).get();
  }

  @Override
  public CompletableFuture<Void> streamAsync(String model, Sink sink) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    String body = "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":"
        + "\"Count.\"}],\"stream\":true,\"stream_options\":{\"include_usage\":true}}";
    Request request = new Request.Builder().url(url).header("Authorization", "Bearer sk-test")
        .post(RequestBody.create(body, JSON)).build();
    sources.newEventSource(request, new EventSourceListener() {
      @Override
      public void onEvent(EventSource source, String id, String type, String data) {
        if (data.equals("[DONE]")) return;
        try {
          parse(data, sink);
        } catch (IOException e) {
          done.completeExceptionally(e);
          source.cancel();
        }
      }

      @Override
      public void onClosed(EventSource source) {
        done.complete(null);
      }

      @Override
      public void onFailure(EventSource source, Throwable t, Response response) {
        done.completeExceptionally(t != null ? t : new IOException("HTTP " + response.code()));
      }
    });
    return done;
  }

  private void parse(String data, Sink sink) throws IOException {
    try (JsonParser p = json.createParser(data)) {
      p.nextToken();
      walk(p, sink, 0);
    }
  }

  /** Visits the members of the object the parser is at, by depth, for the three fields. */
  private void walk(JsonParser p, Sink sink, int depth) throws IOException {
    long prompt = -1;
    long completion = -1;
    long total = -1;
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_OBJECT && t != JsonToken.END_ARRAY) {
      String name = t == JsonToken.FIELD_NAME ? p.currentName() : null;
      if (name != null) t = p.nextToken();
      if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
        walk(p, sink, depth + 1);
      } else if (name != null && t == JsonToken.VALUE_STRING) {
        if (name.equals("content")) sink.token(p.getText());
        else if (name.equals("finish_reason")) sink.finish(p.getText());
      } else if (name != null && t == JsonToken.VALUE_NUMBER_INT && depth == 1) {
        if (name.equals("prompt_tokens")) prompt = p.getLongValue();
        else if (name.equals("completion_tokens")) completion = p.getLongValue();
        else if (name.equals("total_tokens")) total = p.getLongValue();
      }
    }
    if (total >= 0) sink.usage(prompt, completion, total);
  }

  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
