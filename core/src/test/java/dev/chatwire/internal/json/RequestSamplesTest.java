package dev.chatwire.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatwire.model.ChatCompletionRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Real request bodies (see {@code requests/MANIFEST.md}) read and written back unchanged. */
class RequestSamplesTest {
  static List<String> samples() throws IOException {
    String manifest = resource("MANIFEST.md");
    List<String> files = new ArrayList<>();
    Matcher m = Pattern.compile("^\\| `([a-z0-9-]+\\.json)` \\|", Pattern.MULTILINE).matcher(manifest);
    while (m.find()) files.add(m.group(1));
    return files;
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = RequestSamplesTest.class.getResourceAsStream("/requests/" + name)) {
      if (in == null) throw new IOException("missing resource " + name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void manifestNamesEverySample() throws IOException {
    assertThat(samples()).hasSize(14).doesNotHaveDuplicates();
  }

  @ParameterizedTest
  @MethodSource("samples")
  void sampleIsWrittenBackAsTheSameJson(String file) throws IOException {
    String original = resource(file);
    ChatCompletionRequest request = RequestReading.read(original);
    String written = RequestCodec.writeString(request);
    assertThat(JsonTrees.parse(written)).isEqualTo(JsonTrees.parse(original));
    assertThat(RequestReading.read(written)).isEqualTo(request);
  }
}
