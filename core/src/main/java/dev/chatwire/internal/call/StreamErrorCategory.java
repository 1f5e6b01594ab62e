package dev.chatwire.internal.call;

import dev.chatwire.error.ApiError;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The HTTP status an error event inside a stream stands for, so that it gets the exception type
 * an HTTP error of that kind would: a numeric {@code code} from 400 to 599 (OpenRouter sends the
 * upstream status so), else the words of {@code code} and {@code type} as OpenAI, Azure, Anthropic
 * style proxies, vLLM and OpenRouter spell them.
 */
final class StreamErrorCategory {
  private StreamErrorCategory() {}

  /** The status the error stands for, or -1 when it names none. */
  static int status(ApiError error) {
    String code = error.getCode();
    int numeric = number(code);
    if (numeric >= 400 && numeric <= 599) return numeric;
    int byCode = word(code);
    return byCode >= 0 ? byCode : word(error.getType());
  }

  private static int number(@Nullable String code) {
    if (code == null || code.isEmpty() || code.length() > 3) return -1;
    int v = 0;
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      if (c < '0' || c > '9') return -1;
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static int word(@Nullable String text) {
    if (text == null) return -1;
    String w = text.toLowerCase(Locale.ROOT);
    if (w.contains("rate_limit") || w.contains("ratelimit") || w.equals("insufficient_quota")
        || w.equals("too_many_requests") || w.equals("tokens_exceeded")) {
      return 429;
    }
    if (w.equals("server_error") || w.equals("internal_error") || w.equals("internal_server_error")
        || w.equals("api_error") || w.contains("overloaded") || w.equals("service_unavailable")
        || w.equals("bad_gateway") || w.equals("upstream_error") || w.equals("timeout")) {
      return w.equals("service_unavailable") || w.contains("overloaded") ? 503 : 500;
    }
    if (w.equals("invalid_request_error") || w.equals("context_length_exceeded")
        || w.equals("invalid_request") || w.equals("bad_request") || w.equals("badrequesterror")) {
      return 400;
    }
    if (w.equals("authentication_error") || w.equals("invalid_api_key") || w.equals("unauthorized")) {
      return 401;
    }
    if (w.equals("permission_error") || w.equals("permission_denied") || w.equals("forbidden")) {
      return 403;
    }
    if (w.equals("not_found_error") || w.equals("model_not_found") || w.equals("not_found")) {
      return 404;
    }
    return -1;
  }
}
