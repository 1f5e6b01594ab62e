package dev.chatwire.stream;

import dev.chatwire.model.ChatCompletion;
import dev.chatwire.model.ChatCompletionChunk;
import java.util.ArrayList;
import java.util.List;

/** Runs chunks through {@link StreamEvents} and describes the events in one line each. */
final class Events {
  private Events() {}

  /** The events of {@code chunks}, finished with the completion they accumulate to. */
  static List<StreamEvent> of(boolean json, ChatCompletionChunk... chunks) {
    StreamEvents events = new StreamEvents(json);
    List<StreamEvent> out = new ArrayList<>();
    ChunkAccumulator acc = new ChunkAccumulator();
    for (ChatCompletionChunk c : chunks) {
      acc.add(c);
      events.add(c, out::add);
    }
    events.finish(acc.snapshot(), out::add);
    return out;
  }

  /** One line per event, such as {@code args 0/1 call_b get_time +2}}. */
  static List<String> describe(List<StreamEvent> events) {
    List<String> out = new ArrayList<>(events.size());
    for (StreamEvent e : events) out.add(describe(e));
    return out;
  }

  static String describe(StreamEvent e) {
    if (e instanceof ReasoningDelta) {
      ReasoningDelta d = (ReasoningDelta) e;
      return "reasoning " + d.getChoiceIndex() + " +" + d.getDelta();
    }
    if (e instanceof ReasoningDone) {
      ReasoningDone d = (ReasoningDone) e;
      return "reasoningDone " + d.getChoiceIndex() + " " + d.getReasoning();
    }
    if (e instanceof ContentDelta) {
      ContentDelta d = (ContentDelta) e;
      return "content " + d.getChoiceIndex() + " +" + d.getDelta();
    }
    if (e instanceof ContentDone) {
      ContentDone d = (ContentDone) e;
      return "contentDone " + d.getChoiceIndex() + " " + d.getContent();
    }
    if (e instanceof RefusalDelta) {
      RefusalDelta d = (RefusalDelta) e;
      return "refusal " + d.getChoiceIndex() + " +" + d.getDelta();
    }
    if (e instanceof RefusalDone) {
      RefusalDone d = (RefusalDone) e;
      return "refusalDone " + d.getChoiceIndex() + " " + d.getRefusal();
    }
    if (e instanceof ToolCallArgumentsDelta) {
      ToolCallArgumentsDelta d = (ToolCallArgumentsDelta) e;
      return "args " + d.getChoiceIndex() + "/" + d.getCallIndex() + " " + d.getId() + " "
          + d.getName() + " +" + d.getDelta();
    }
    if (e instanceof ToolCallDone) {
      ToolCallDone d = (ToolCallDone) e;
      return "callDone " + d.getChoiceIndex() + "/" + d.getCallIndex() + " " + d.getId() + " "
          + d.getName() + " " + d.getArguments();
    }
    ChatCompletion c = ((CompletionDone) e).getCompletion();
    return "completion " + c.getChoices().size();
  }
}
