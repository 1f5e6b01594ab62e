package dev.chatwire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatwire.LoggingEventListener.Level;
import dev.chatwire.internal.CompositeListener;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LoggingEventListenerTest {
  @Test
  void eachLevelHasItsNameAndItsAlias() {
    assertThat(LoggingEventListener.parse("basic", "x")).isEqualTo(Level.BASIC);
    assertThat(LoggingEventListener.parse("INFO", "x")).isEqualTo(Level.BASIC);
    assertThat(LoggingEventListener.parse("headers", "x")).isEqualTo(Level.HEADERS);
    assertThat(LoggingEventListener.parse(" debug ", "x")).isEqualTo(Level.HEADERS);
    assertThat(LoggingEventListener.parse("Body", "x")).isEqualTo(Level.BODY);
  }

  @Test
  void offEmptyAndUnsetLogNothing() {
    assertThat(LoggingEventListener.parse(null, "x")).isNull();
    assertThat(LoggingEventListener.parse("", "x")).isNull();
    assertThat(LoggingEventListener.parse("off", "x")).isNull();
    assertThat(LoggingEventListener.parse("none", "x")).isNull();
  }

  @Test
  void anUnknownValueFailsNamingItsSourceWithoutShowingAKey() {
    assertThatThrownBy(() -> LoggingEventListener.parse("sk-abcdefghijkl", "CHATWIRE_LOG"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("CHATWIRE_LOG must be one of off, basic (info), headers (debug) or body")
        .hasMessageNotContaining("abcdefghijkl");
  }

  @Test
  void theSystemPropertyIsReadWhenTheClientIsBuilt() {
    String before = System.getProperty(LoggingEventListener.SYSTEM_PROPERTY);
    try {
      System.setProperty(LoggingEventListener.SYSTEM_PROPERTY, "loud");
      assertThatThrownBy(() -> ChatWire.builder().transport(ChatWireBuilderTest.IDLE).build())
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("chatwire.log");
      System.setProperty(LoggingEventListener.SYSTEM_PROPERTY, "headers");
      assertThat(LoggingEventListener.fromEnvironment().getLevel()).isEqualTo(Level.HEADERS);
    } finally {
      if (before == null) System.clearProperty(LoggingEventListener.SYSTEM_PROPERTY);
      else System.setProperty(LoggingEventListener.SYSTEM_PROPERTY, before);
    }
  }

  @Test
  void theCompositeForwardsEveryEvent() throws Exception {
    for (Method m : EventListener.class.getDeclaredMethods()) {
      if (!Modifier.isPublic(m.getModifiers()) || Modifier.isStatic(m.getModifiers())) continue;
      Method own = CompositeListener.class.getMethod(m.getName(), m.getParameterTypes());
      assertThat(own.getDeclaringClass())
          .as("CompositeListener overrides %s%s", m.getName(), Arrays.toString(m.getParameterTypes()))
          .isEqualTo(CompositeListener.class);
    }
  }
}
