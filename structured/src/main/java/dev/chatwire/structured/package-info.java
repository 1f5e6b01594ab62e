/**
 * Structured output and typed tools: JSON Schemas in OpenAI's strict-mode subset derived from
 * Java and Kotlin types ({@link dev.chatwire.structured.StructuredOutput}, {@link
 * dev.chatwire.structured.TypedTool}), answers and tool arguments read back into those types,
 * and the {@link dev.chatwire.structured.ToolLoop} that runs tools until the model answers.
 * Built on jackson-databind and victools' jsonschema-generator; {@code chatwire-core} knows
 * nothing of them.
 */
@NullMarked
package dev.chatwire.structured;

import org.jspecify.annotations.NullMarked;
