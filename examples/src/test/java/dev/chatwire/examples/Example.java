package dev.chatwire.examples;

import java.io.PrintStream;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;

/** An example's entry point for the tests: run it against an endpoint, printing to a stream. */
@FunctionalInterface
interface Example extends BiConsumer<Endpoint, PrintStream> {
  /** The Java and the Kotlin program of one task, named for the test report. */
  static Stream<Named<Example>> both(Example java, Example kotlin) {
    return Stream.of(Named.of("Java", java), Named.of("Kotlin", kotlin));
  }
}
