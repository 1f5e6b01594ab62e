package dev.chatwire.examples;

import dev.chatwire.ChatWire;
import dev.chatwire.model.ChatCompletionRequest;
import dev.chatwire.transport.okhttp.OkHttpTransport;
import java.io.PrintStream;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Your own {@link OkHttpClient} (the usual choice on Android): its interceptors, proxy, TLS and
 * connection pool carry ChatWire's requests. This interceptor adds a header to every request and
 * logs each exchange, without the {@code Authorization} header, which must never reach a log.
 */
public final class OkHttpInterceptorExample {
  private OkHttpInterceptorExample() {}

  /** Arguments: [base URL] [model]; the key comes from {@code OPENAI_API_KEY}. */
  public static void main(String[] args) {
    run(Endpoint.fromArgs(args), System.out);
  }

  /** Runs the example against {@code endpoint}, printing to {@code out}. */
  public static void run(Endpoint endpoint, PrintStream out) {
    Interceptor tagAndLog = chain -> {
      Request request = chain.request().newBuilder().header("X-Client-Tag", "examples").build();
      out.println("--> " + request.method() + " " + request.url().encodedPath());
      Response response = chain.proceed(request);
      out.println("<-- " + response.code() + " " + response.header("Content-Type"));
      return response;
    };
    OkHttpClient okHttp = new OkHttpClient.Builder().addInterceptor(tagAndLog).build();

    // The transport is yours to close; closing it leaves okHttp running for your other calls.
    try (OkHttpTransport transport = OkHttpTransport.create(okHttp);
        ChatWire client = ChatWire.builder()
            .baseUrl(endpoint.baseUrl())
            .apiKey(endpoint.apiKey())
            .transport(transport)
            .build()) {
      ChatCompletionRequest request = ChatCompletionRequest.builder()
          .model(endpoint.model())
          .addUserMessage("Say hi.")
          .build();
      out.println("answer: " + client.chat().create(request).getText());
    } finally {
      okHttp.dispatcher().executorService().shutdown();
      okHttp.connectionPool().evictAll();
    }
  }
}
