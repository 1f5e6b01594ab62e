package dev.chatwire.internal.json;

import static dev.chatwire.internal.json.StreamedReads.assertSameAsAlone;
import static dev.chatwire.internal.json.StreamedReads.read;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chatwire.internal.WordView;
import dev.chatwire.model.ChatCompletionChunk;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A stream's chunk reader, which takes a repeated head from the previous chunk, must read every
 * chunk exactly as a new reader whose first chunk it is: same chunk, or same error at the same
 * place.
 */
class RepeatedHeadTest {
  private static final String HEAD = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\","
      + "\"created\":1758791761,\"model\":\"gpt-4o\",\"service_tier\":\"default\","
      + "\"system_fingerprint\":\"fp_1\",";
  private static final String TAIL = "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"%s\"},"
      + "\"logprobs\":null,\"finish_reason\":null}],\"usage\":null,\"obfuscation\":\"%s\"}";

  @Test
  void chunksAfterTheSameHeadReadAsOnTheirOwn() {
    ChunkReader reader = new ChunkReader();
    for (int i = 0; i < 50; i++) {
      assertSameAsAlone(reader, HEAD + String.format(TAIL, "t" + i, "pad" + i), i);
    }
  }

  @Test
  void everySingleByteChangeInTheHeadIsReadInFull() {
    String base = HEAD + String.format(TAIL, "a", "p");
    byte[] replacements = {'x', '0', '9', '"', '\\', ',', '}', '{', ' ', ':', '.', (byte) 0xC3};
    for (int at = 0; at < HEAD.length() + 12; at++) {
      for (byte r : replacements) {
        ChunkReader reader = new ChunkReader();
        read(reader, base, 0);
        read(reader, base, 1);
        byte[] changed = base.getBytes(StandardCharsets.UTF_8);
        changed[at] = r;
        assertSameAsAlone(reader, new String(changed, StandardCharsets.ISO_8859_1), 2, changed);
        // And the stream reads on as before.
        assertSameAsAlone(reader, base, 3);
      }
    }
  }

  @Test
  void aHeadMemberRepeatedAfterTheHeadWinsOnlyInItsChunk() {
    ChunkReader reader = new ChunkReader();
    read(reader, HEAD + String.format(TAIL, "a", "p"), 0);
    String override = HEAD + "\"choices\":[],\"id\":\"other\",\"model\":null,\"created\":2.5}";
    assertSameAsAlone(reader, override, 1);
    assertThat(read(reader, override, 2).getId()).isEqualTo("other");
    assertThat(read(reader, HEAD + String.format(TAIL, "b", "q"), 3).getId())
        .isEqualTo("chatcmpl-1");
  }

  @Test
  void headsWithSpaceEscapesNullsAndFloatsReadAsOnTheirOwn() {
    List<String> heads = new ArrayList<>();
    heads.add("{ \"id\" : \"a\\\"b\" ,\n\t\"created\" : 1.5e3 , ");
    heads.add("{\"id\":null,\"model\":\"m\\u00e9\",\"object\":\"x\",");
    heads.add("{\"\\u0069d\":\"escaped name\",\"model\":\"m\",");
    heads.add("{\"created\":-1,\"service_tier\":\"on_demand\",\"system_fingerprint\":null,");
    heads.add("{\"id\":\"a\",\"id\":\"b\",\"id\":\"c\",");
    heads.add("{\"model\":{\"nested\":1},\"id\":\"z\",");
    heads.add("{\"created\":true,");
    heads.add("{\"id\":\"a\",\"x_extra\":[1,2],\"model\":\"m\",");
    heads.add("   {\"id\":\"leading space\",");
    for (String head : heads) {
      ChunkReader reader = new ChunkReader();
      for (int i = 0; i < 4; i++) {
        assertSameAsAlone(reader, head + String.format(TAIL, "c" + i, "o" + i), i);
      }
    }
  }

  @Test
  void errorsAfterARepeatedHeadNameTheirPlaceInTheWholeEvent() {
    ChunkReader reader = new ChunkReader();
    read(reader, HEAD + String.format(TAIL, "a", "p"), 0);
    String[] bad = {
      HEAD + "\"choices\":[{\"index\":\"x\"}]}",
      HEAD + "\"choices\":[{\"index\":0,\"delta\":{\"content\":1}}]}",
      HEAD + "\"choices\":[],}",
      HEAD + "\"choices\":[]} 12",
      HEAD + "\"choices\":[]",
      HEAD + "\"choices\" [",
    };
    for (int i = 0; i < bad.length; i++) {
      assertSameAsAlone(reader, bad[i], 10 + i);
      assertSameAsAlone(reader, HEAD + String.format(TAIL, "b", "q"), 20 + i);
    }
  }

  @Test
  void unknownMembersAfterTheHeadAreKeptExactly() {
    ChunkReader reader = new ChunkReader();
    for (int i = 0; i < 5; i++) {
      ChatCompletionChunk c = read(reader, HEAD + "\"x\": {\"n\": [" + i + ", \"é\"]} ,"
          + "\"choices\":[]}", i);
      assertThat(c.getExtras()).containsEntry("x", "{\"n\": [" + i + ", \"é\"]}");
      assertThat(c.getId()).isEqualTo("chatcmpl-1");
      assertThat(c.getCreated()).isEqualTo(1758791761L);
    }
  }

  @Test
  void theHeadMatchesOnlyByteForByteWhateverItsLengthAndPlace() {
    for (int idLength = 1; idLength <= 24; idLength++) {
      StringBuilder id = new StringBuilder();
      for (int i = 0; i < idLength; i++) id.append((char) ('a' + i % 26));
      String head = "{\"id\":\"" + id + "\",";
      byte[] chunk = (head + "\"choices\":[]}").getBytes(StandardCharsets.UTF_8);
      RepeatedHead kept = new RepeatedHead(new WordView(1024));
      kept.keep(chunk, 0, chunk.length, 1);
      assertThat(kept.length()).isEqualTo(head.length());
      for (int off = 0; off < 10; off++) {
        byte[] buf = new byte[off + chunk.length + 3];
        System.arraycopy(chunk, 0, buf, off, chunk.length);
        assertThat(kept.startsWithHead(buf, off, chunk.length)).isTrue();
        // Nothing after the head: not a chunk that continues it.
        assertThat(kept.startsWithHead(buf, off, head.length())).isFalse();
        for (int at = 0; at < head.length(); at++) {
          buf[off + at] ^= 0x20;
          assertThat(kept.startsWithHead(buf, off, chunk.length))
              .as("id length %d, offset %d, byte %d changed", idLength, off, at)
              .isFalse();
          buf[off + at] ^= 0x20;
        }
      }
    }
  }

  @Test
  void aLongerOrShorterHeadReplacesTheOneKept() {
    StringBuilder longId = new StringBuilder();
    for (int i = 0; i < 300; i++) longId.append((char) ('a' + i % 26));
    String[] heads = {"{\"id\":\"a\",", "{\"id\":\"" + longId + "\",", "{\"id\":\"abc\","};
    RepeatedHead kept = new RepeatedHead(new WordView(1024));
    for (String head : heads) {
      byte[] chunk = (head + "\"choices\":[]}").getBytes(StandardCharsets.UTF_8);
      kept.keep(chunk, 0, chunk.length, 1);
      assertThat(kept.length()).isEqualTo(head.length());
      assertThat(kept.startsWithHead(chunk, 0, chunk.length)).as(head).isTrue();
      for (int at = 0; at < head.length(); at++) {
        byte[] changed = chunk.clone();
        changed[at] ^= 0x20;
        assertThat(kept.startsWithHead(changed, 0, changed.length)).as(head + " @" + at).isFalse();
      }
    }
  }
}
