package dev.chatwire.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ProtocolException;
import org.junit.jupiter.api.Test;

class SecretsTest {

  @Test
  void aCredentialShapedTokenIsMaskedAndTheFullStopAfterItKept() {
    assertThat(Secrets.redact("Incorrect API key provided: sk-proj-abcdef0123456789. Try again."))
        .isEqualTo("Incorrect API key provided: sk-██. Try again.");
  }

  @Test
  void aBearerTokenIsMasked() {
    assertThat(Secrets.redact("got Authorization: Bearer eyJhbGciOi.payload.sig, refused"))
        .isEqualTo("got Authorization: Bearer ██, refused");
  }

  @Test
  void aKeyTheProviderMaskedAlreadyStaysReadable() {
    String text = "Incorrect API key provided: sk-abc1****************wxyz. See the docs.";
    assertThat(Secrets.redact(text)).isEqualTo(text);
  }

  @Test
  void aRememberedKeyOfAnyShapeIsMaskedEverywhere() {
    Secrets.remember("plain-0123456789-key-of-mine");
    assertThat(Secrets.redact("code=plain-0123456789-key-of-mine; id=plain-0123456789-key-of-mine."))
        .isEqualTo("code=██; id=██.");
  }

  @Test
  void shortKeysAreNotRememberedSoCommonWordsSurvive() {
    Secrets.remember("abc");
    assertThat(Secrets.redact("abc is fine")).isEqualTo("abc is fine");
  }

  @Test
  void aCauseThatShowsASecretIsReplacedByARedactedCopyOfTheSameKind() {
    ProtocolException leaking = new ProtocolException("Unexpected status line: HTTP/1.1 200 sk-live-0123456789abcdef");
    Throwable kept = Secrets.sanitize(leaking);
    assertThat(kept).isInstanceOf(IOException.class).isNotSameAs(leaking);
    assertThat(kept.getMessage())
        .isEqualTo("java.net.ProtocolException: Unexpected status line: HTTP/1.1 200 sk-██");
    assertThat(kept.getStackTrace()).isEqualTo(leaking.getStackTrace());
  }

  @Test
  void aCauseWithoutASecretIsKeptAsItIs() {
    IOException clean = new IOException("connection reset");
    assertThat(Secrets.sanitize(clean)).isSameAs(clean);
  }

  @Test
  void aSecretDeeperInTheChainIsRedactedThere() {
    RuntimeException outer = new RuntimeException("wrapper", new IOException("key_0123456789abcdef"));
    Throwable kept = Secrets.sanitize(outer);
    assertThat(kept).isInstanceOf(RuntimeException.class);
    assertThat(kept.getCause().getMessage()).isEqualTo("java.io.IOException: key_██");
  }

  @Test
  void headersNamedLikeCredentialsAreSensitiveAndCountersAreNot() {
    for (String name : new String[] {"Authorization", "proxy-authorization", "api-key", "X-Api-Key",
        "x-goog-api-key", "Ocp-Apim-Subscription-Key", "X-Auth-Token", "x-amz-security-token",
        "Cookie", "Set-Cookie", "x_session", "X-Signature", "client_secret"}) {
      assertThat(dev.chatwire.transport.Headers.isSensitive(name)).as(name).isTrue();
    }
    for (String name : new String[] {"x-ratelimit-remaining-tokens", "x-ratelimit-limit-tokens",
        "x-request-id", "content-type", "openai-organization", "keys", "monkey", "retry-after"}) {
      assertThat(dev.chatwire.transport.Headers.isSensitive(name)).as(name).isFalse();
    }
  }

  @Test
  void aUriLosesItsUserInfoAndCredentialQueryValues() {
    String shown = Secrets.redactUri(java.net.URI.create(
        "https://user:pa55word@proxy.example/v1/chat/completions?api-version=2024-10-21&key=abc123def&token=t0k3n"));
    assertThat(shown).isEqualTo(
        "https://██@proxy.example/v1/chat/completions?api-version=2024-10-21&key=██&token=██");
  }
}
