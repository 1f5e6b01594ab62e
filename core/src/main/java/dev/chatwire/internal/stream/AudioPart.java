package dev.chatwire.internal.stream;

import dev.chatwire.model.Audio;
import org.jspecify.annotations.Nullable;

/**
 * An audio answer assembled from fragments: the id and expiry from the first fragment that has
 * them, the base64 data and the transcript concatenated.
 */
final class AudioPart {
  private @Nullable String id;
  private @Nullable PieceText data;
  private @Nullable Long expiresAt;
  private @Nullable PieceText transcript;
  private final MergedExtras extras = MergedExtras.firstWins();

  void add(Audio fragment) {
    id = Texts.firstNonEmpty(id, fragment.getId());
    data = Texts.append(data, fragment.getData());
    if (expiresAt == null) expiresAt = fragment.getExpiresAt();
    transcript = Texts.append(transcript, fragment.getTranscript());
    extras.addAll(fragment.getExtras());
  }

  Audio build() {
    return Audio.builder()
        .id(id)
        .data(Texts.text(data))
        .expiresAt(expiresAt)
        .transcript(Texts.text(transcript))
        .extras(extras.toMap())
        .build();
  }
}
