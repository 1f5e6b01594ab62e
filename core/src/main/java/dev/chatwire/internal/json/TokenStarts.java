package dev.chatwire.internal.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * How far Jackson's non-blocking parser reports a token's start past its first byte. Jackson
 * 2.18 records the location after consuming that byte; rather than assume it, the skew of each
 * token type is measured once on a probe document, so a Jackson that fixes it needs no change.
 */
final class TokenStarts {
  private static final String PROBE = "{\"a\":[1,\"s\",true,false,null,{},-2.5,[]]}";
  private static final int[] SKEW = measure();

  private TokenStarts() {}

  /** The amount to subtract from the reported start of a token of this type. */
  static int skew(JsonToken token) {
    return SKEW[token.ordinal()];
  }

  private static int[] measure() {
    int[] skew = new int[JsonToken.values().length];
    byte[] probe = PROBE.getBytes(StandardCharsets.US_ASCII);
    try (JsonParser p = JsonSupport.FACTORY.createNonBlockingByteArrayParser()) {
      ((ByteArrayFeeder) p.getNonBlockingInputFeeder()).feedInput(probe, 0, probe.length);
      int from = 0;
      for (JsonToken t; (t = p.nextToken()) != JsonToken.NOT_AVAILABLE && t != null; ) {
        if (t.isStructEnd()) continue;
        int actual = PROBE.indexOf(first(t), from);
        from = actual + 1;
        skew[t.ordinal()] = (int) (p.currentTokenLocation().getByteOffset() - actual);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot measure the non-blocking parser", e);
    }
    return skew;
  }

  private static char first(JsonToken t) {
    switch (t) {
      case START_OBJECT: return '{';
      case START_ARRAY: return '[';
      case VALUE_TRUE: return 't';
      case VALUE_FALSE: return 'f';
      case VALUE_NULL: return 'n';
      case VALUE_NUMBER_FLOAT: return '-';
      case VALUE_NUMBER_INT: return '1';
      default: return '"'; // field names and strings
    }
  }
}
