package dev.chatwire.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatwire.internal.json.ChunkReader;
import dev.chatwire.json.ChatJson;
import dev.chatwire.model.ChatCompletionChunk;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One unknown member kept as bytes behaves as any unmodifiable map of that entry. */
class OneRawExtraTest {
  private final Map<String, String> map =
      new OneRawExtra("obfuscation", "\"ab\\\"c\u00e9\"".getBytes(StandardCharsets.UTF_8));
  private final Map<String, String> same = Collections.singletonMap("obfuscation", "\"ab\\\"c\u00e9\"");

  @Test
  void isEqualToAndHashedAsTheSameEntryInAnyMap() {
    assertThat(map).isEqualTo(same).hasSameHashCodeAs(same);
    assertThat(same).isEqualTo(map);
    assertThat(new LinkedHashMap<>(map)).isEqualTo(same);
    assertThat(map).hasToString(same.toString());
    assertThat(map).isNotEqualTo(Collections.singletonMap("obfuscation", "\"other\""));
  }

  @Test
  void answersLookupsAndCannotBeChanged() {
    assertThat(map).hasSize(1).containsEntry("obfuscation", "\"ab\\\"c\u00e9\"");
    assertThat(map.get("other")).isNull();
    assertThat(map.containsKey("other")).isFalse();
    assertThat(map.keySet()).containsExactly("obfuscation");
    assertThat(map.values()).containsExactly("\"ab\\\"c\u00e9\"");
    Map<String, String> seen = new LinkedHashMap<>();
    map.forEach(seen::put);
    assertThat(seen).isEqualTo(same);
    assertThatThrownBy(() -> map.put("k", "v")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> map.entrySet().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aStreamedChunkKeepsItsMembersExactlyAndWritesThemBack() {
    String one = "{\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"x\"},"
        + "\"content_filter_results\":{\"hate\":{\"filtered\":false}}}],\"obfuscation\":\"p\\u00e9\"}";
    String two = "{\"id\":\"c\",\"choices\":[],\"x_a\":[1, 2],\"x_b\":null}";
    ChunkReader reader = new ChunkReader();
    for (String json : new String[] {one, two, one}) {
      byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
      ChatCompletionChunk streamed = reader.read(bytes, 0, bytes.length, 0);
      ChatCompletionChunk alone = ChunkReader.readOne(bytes, 0, bytes.length, 0);
      assertThat(streamed).isEqualTo(alone);
      assertThat(ChatJson.write(streamed)).isEqualTo(ChatJson.write(alone));
    }
    byte[] bytes = one.getBytes(StandardCharsets.UTF_8);
    ChatCompletionChunk c = reader.read(bytes, 0, bytes.length, 0);
    assertThat(c.getExtras()).containsExactly(Map.entry("obfuscation", "\"p\\u00e9\""));
    assertThat(c.getChoices().get(0).getExtras())
        .containsExactly(Map.entry("content_filter_results", "{\"hate\":{\"filtered\":false}}"));
  }

  @Test
  void aContentChunksPaddingHeldAsBytesAloneIsTheSameChunkInEveryWay() {
    String json = "{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,"
        + "\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"hi\"},"
        + "\"finish_reason\":null}],\"obfuscation\":\"a\\\"b\u00e9\"}";
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    ChunkReader reader = new ChunkReader();
    reader.read(bytes, 0, bytes.length, 0);
    ChatCompletionChunk held = reader.read(bytes, 0, bytes.length, 1); // the head repeats
    ChatCompletionChunk alone = ChunkReader.readOne(bytes, 0, bytes.length, 0);
    assertThat(ModelAccess.get().paddingOnly(held)).isTrue();
    assertThat(ModelAccess.get().paddingOnly(alone)).isFalse();
    assertThat(held).isEqualTo(alone).hasSameHashCodeAs(alone).hasToString(alone.toString());
    assertThat(alone).isEqualTo(held);
    assertThat(held.getExtras()).containsExactly(Map.entry("obfuscation", "\"a\\\"b\u00e9\""));
    assertThat(ChatJson.write(held)).isEqualTo(ChatJson.write(alone));
    assertThat(held.toBuilder().build()).isEqualTo(held);
    assertThat(held.toBuilder().putExtra("x", "1").build().getExtras())
        .containsOnlyKeys("obfuscation", "x");
  }
}
