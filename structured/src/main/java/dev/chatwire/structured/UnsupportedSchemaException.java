package dev.chatwire.structured;

import dev.chatwire.error.ChatWireException;

/**
 * A type that OpenAI's strict-mode JSON Schema subset cannot express, found when the schema is
 * built (before any request): a free-form {@code Map}, an untyped {@code Object}, an interface
 * or abstract type, a root that is not an object, or a schema past the subset's limits. The
 * message names the field and the rule it breaks.
 *
 * <pre>{@code
 * // "Answer.scores: a Map is a free-form object; strict mode needs every property named
 * //  (additionalProperties false): use a class or a List of entries"
 * }</pre>
 */
public class UnsupportedSchemaException extends ChatWireException {
  private static final long serialVersionUID = 1L;

  /** An exception with the message naming the field and the rule. */
  public UnsupportedSchemaException(String message) {
    super(message);
  }
}
