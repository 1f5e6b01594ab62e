package dev.chatwire.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.chatwire.sse.EventTooLargeException;
import dev.chatwire.sse.SseDecoder;
import dev.chatwire.sse.SseListener;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The SSE decoder on any bytes, split anywhere: the only exception it may throw is {@link
 * EventTooLargeException}, every event's data is valid UTF-8, and how the bytes were split
 * changes nothing (the events and the outcome equal those of the whole input fed at once).
 *
 * <p>Input: byte 0 picks the split (0: one byte at a time; otherwise pieces of 1..64 bytes that
 * vary with the byte, some fed as direct {@link ByteBuffer}s); the rest is the stream.
 */
class SseDecoderFuzzTest {
  /** Small, so that inputs of a few KiB reach the limit too. */
  private static final int MAX_EVENT_SIZE = 2048;

  @FuzzTest(maxDuration = "10m")
  void anyBytesAtAnySplitDecodeAsTheWholeDoes(byte[] input) {
    byte[] stream = FuzzInput.payload(input);
    Outcome whole = decode(stream, -1);
    Outcome split = decode(stream, FuzzInput.control(input));
    assertThat(split.items).isEqualTo(whole.items);
    assertThat(split.tooLarge).isEqualTo(whole.tooLarge);
  }

  private static Outcome decode(byte[] stream, int control) {
    Outcome out = new Outcome();
    SseDecoder decoder = new SseDecoder(out, MAX_EVENT_SIZE);
    try {
      if (control < 0) {
        decoder.feed(stream, 0, stream.length);
      } else {
        feedSplit(decoder, stream, control);
      }
      decoder.end();
    } catch (EventTooLargeException e) {
      out.tooLarge = true;
    }
    return out;
  }

  private static void feedSplit(SseDecoder decoder, byte[] stream, int control) {
    int step = control & 0x3F;
    boolean direct = (control & 0x40) != 0;
    int at = 0;
    for (int piece = 0; at < stream.length; piece++) {
      // control 0 feeds one byte at a time; otherwise the piece size wanders from 1 to 64.
      int n = step == 0 ? 1 : 1 + (step * (piece + 1) * 7) % 64;
      n = Math.min(n, stream.length - at);
      if (direct && piece % 2 == 1) {
        ByteBuffer buffer = ByteBuffer.allocateDirect(n);
        buffer.put(stream, at, n).flip();
        decoder.feed(buffer);
      } else {
        decoder.feed(stream, at, n);
      }
      at += n;
    }
  }

  private static final class Outcome implements SseListener {
    final List<String> items = new ArrayList<>();
    boolean tooLarge;

    @Override
    public void onEvent(String type, String lastEventId, byte[] data, int offset, int length) {
      assertThat(length).isLessThanOrEqualTo(MAX_EVENT_SIZE);
      items.add(type + '\u0000' + lastEventId + '\u0000' + strictUtf8(data, offset, length));
    }

    @Override
    public void onRetry(long reconnectionTimeMillis) {
      assertThat(reconnectionTimeMillis).isNotNegative();
      items.add("retry " + reconnectionTimeMillis);
    }
  }

  private static String strictUtf8(byte[] data, int offset, int length) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(data, offset, length))
          .toString();
    } catch (CharacterCodingException e) {
      throw new AssertionError("the decoder handed over ill-formed UTF-8", e);
    }
  }
}
