package dev.chatwire.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatwire.json.ChatJson;
import dev.chatwire.model.ChatCompletion;
import dev.chatwire.model.ChatCompletionMessage;
import dev.chatwire.model.Choice;
import dev.chatwire.model.ToolCall;
import dev.chatwire.sse.SseDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The recorded provider streams as events: the done events carry exactly what the accumulated
 * completion holds (content, refusal, each tool call's id, name and arguments, in order), every
 * delta's text so far is a prefix of its done text, and the last event is the completion.
 */
class RecordedEventsTest {
  static Stream<String> recordings() {
    return RecordedStreamsTest.recordings();
  }

  @ParameterizedTest
  @MethodSource("recordings")
  void doneEventsCarryWhatTheCompletionHolds(String name) {
    List<StreamEvent> events = run(resource(name + ".sse"));
    ChatCompletion completion = ((CompletionDone) events.get(events.size() - 1)).getCompletion();

    for (Choice choice : completion.getChoices()) {
      int index = choice.getIndex();
      ChatCompletionMessage m = choice.getMessage();
      List<String> done = new ArrayList<>();
      List<String> expected = new ArrayList<>();
      String thought = m.getReasoningContent() != null && !m.getReasoningContent().isEmpty()
          ? m.getReasoningContent() : m.getReasoning();
      if (thought != null && !thought.isEmpty()) expected.add("reasoning " + thought);
      if (m.getContent() != null && !m.getContent().isEmpty()) expected.add("content " + m.getContent());
      if (m.getRefusal() != null && !m.getRefusal().isEmpty()) expected.add("refusal " + m.getRefusal());
      for (ToolCall call : m.getToolCalls()) {
        expected.add("call " + call.getId() + " " + call.getFunction().getName() + " "
            + call.getFunction().getArguments());
      }
      for (StreamEvent e : events) {
        if (e instanceof ReasoningDone && ((ReasoningDone) e).getChoiceIndex() == index) {
          done.add("reasoning " + ((ReasoningDone) e).getReasoning());
        } else if (e instanceof ContentDone && ((ContentDone) e).getChoiceIndex() == index) {
          done.add("content " + ((ContentDone) e).getContent());
        } else if (e instanceof RefusalDone && ((RefusalDone) e).getChoiceIndex() == index) {
          done.add("refusal " + ((RefusalDone) e).getRefusal());
        } else if (e instanceof ToolCallDone && ((ToolCallDone) e).getChoiceIndex() == index) {
          ToolCallDone d = (ToolCallDone) e;
          done.add("call " + d.getId() + " " + d.getName() + " " + d.getArguments());
        }
      }
      assertThat(done).as("%s choice %d", name, index).containsExactlyElementsOf(expected);
    }
  }

  @ParameterizedTest
  @MethodSource("recordings")
  void everyDeltaShowsAPrefixOfItsWhole(String name) {
    List<StreamEvent> events = run(resource(name + ".sse"));
    ChatCompletion completion = ((CompletionDone) events.get(events.size() - 1)).getCompletion();

    for (StreamEvent e : events) {
      if (e instanceof ContentDelta) {
        ContentDelta d = (ContentDelta) e;
        String whole = completion.getChoices().get(d.getChoiceIndex()).getMessage().getContent();
        assertThat(whole).startsWith(d.getContent()).contains(d.getDelta());
      } else if (e instanceof ToolCallArgumentsDelta) {
        ToolCallArgumentsDelta d = (ToolCallArgumentsDelta) e;
        assertThat(d.getPartialValue() == null || d.getArguments().trim().startsWith("{")
            || d.getArguments().trim().startsWith("[")).isTrue();
        assertThat(wholeArguments(events, d)).startsWith(d.getArguments());
      }
    }
  }

  private static String wholeArguments(List<StreamEvent> events, ToolCallArgumentsDelta d) {
    for (StreamEvent e : events.subList(events.indexOf(d), events.size())) {
      if (e instanceof ToolCallDone) {
        ToolCallDone done = (ToolCallDone) e;
        if (done.getChoiceIndex() == d.getChoiceIndex() && done.getCallIndex() == d.getCallIndex()) {
          return done.getArguments();
        }
      }
    }
    throw new AssertionError("no done event for " + d);
  }

  private static List<StreamEvent> run(byte[] sse) {
    ChunkAccumulator acc = new ChunkAccumulator();
    StreamEvents events = new StreamEvents(false);
    List<StreamEvent> out = new ArrayList<>();
    boolean[] done = {false};
    SseDecoder decoder = new SseDecoder((type, lastEventId, data, off, len) -> {
      if (done[0]) return;
      if (SseDecoder.isDone(data, off, len)) {
        done[0] = true;
      } else {
        acc.add(ChatJson.readChunk(data, off, len));
        events.add(ChatJson.readChunk(data, off, len), out::add);
      }
    });
    decoder.feed(sse, 0, sse.length);
    decoder.end();
    events.finish(acc.snapshot(), out::add);
    return out;
  }

  private static byte[] resource(String file) {
    try (InputStream in = RecordedEventsTest.class.getResourceAsStream("/streams/" + file)) {
      if (in == null) throw new IllegalStateException("missing test resource " + file);
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
