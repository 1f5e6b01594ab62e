package dev.chatwire.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;

/** The one configured Jackson factory; thread-safe and shared. */
public final class JsonSupport {
  /** Deepest nesting accepted; chat payloads are shallow, so deep input is hostile or broken. */
  public static final int MAX_NESTING_DEPTH = 256;
  /** Longest number text accepted, in characters. */
  public static final int MAX_NUMBER_LENGTH = 256;

  /** The shared factory: bounded nesting and numbers, names canonicalized, no source in locations. */
  public static final JsonFactory FACTORY =
      new JsonFactoryBuilder()
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(MAX_NESTING_DEPTH)
                  .maxNumberLength(MAX_NUMBER_LENGTH)
                  .build())
          // Jackson's own messages must never quote the payload.
          .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
          .build();

  private JsonSupport() {}
}
