package dev.chatwire.model;

import dev.chatwire.internal.Maps;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The {@code file} of a file content part: an uploaded file's {@code file_id}, or inline
 * {@code file_data} (base64, usually a {@code data:} URL) with its {@code filename}.
 * {@code toString()} abbreviates the data. Immutable and thread-safe.
 */
public final class FileInput {
  private final @Nullable String fileId;
  private final @Nullable String fileData;
  private final @Nullable String filename;
  private final Map<String, String> extras;

  private FileInput(Builder b) {
    this.fileId = b.fileId;
    this.fileData = b.fileData;
    this.filename = b.filename;
    this.extras = Maps.copy(b.extras);
  }

  /** An uploaded file by id. */
  public static FileInput ofId(String fileId) {
    return builder().fileId(fileId).build();
  }

  /** An inline file: its name and base64 data. */
  public static FileInput ofData(String filename, String fileData) {
    return builder().filename(filename).fileData(fileData).build();
  }

  /** Starts building a file input. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder with this file input's values. */
  public Builder toBuilder() {
    return new Builder().fileId(fileId).fileData(fileData).filename(filename).extras(extras);
  }

  /** The uploaded file's id, or null when absent. */
  public @Nullable String getFileId() {
    return fileId;
  }

  /** The base64 file data, or null when absent. */
  public @Nullable String getFileData() {
    return fileData;
  }

  /** The file's name, or null when absent. */
  public @Nullable String getFilename() {
    return filename;
  }

  /** Members this version does not know, as raw JSON text by name; written back unchanged. */
  public Map<String, String> getExtras() {
    return extras;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) return true;
    if (!(o instanceof FileInput)) return false;
    FileInput that = (FileInput) o;
    return Objects.equals(fileId, that.fileId)
        && Objects.equals(fileData, that.fileData)
        && Objects.equals(filename, that.filename)
        && extras.equals(that.extras);
  }

  @Override
  public int hashCode() {
    return Objects.hash(fileId, fileData, filename, extras);
  }

  @Override
  public String toString() {
    return new ToStrings("FileInput").add("fileId", fileId).add("fileData", fileData)
        .add("filename", filename).add("extras", extras).toString();
  }

  /** Builds a {@link FileInput}; not thread-safe. */
  public static final class Builder {
    private @Nullable String fileId;
    private @Nullable String fileData;
    private @Nullable String filename;
    private final Map<String, String> extras = new LinkedHashMap<>();

    Builder() {}

    /** Sets the uploaded file's id. */
    public Builder fileId(@Nullable String fileId) {
      this.fileId = fileId;
      return this;
    }

    /** Sets the base64 file data. */
    public Builder fileData(@Nullable String fileData) {
      this.fileData = fileData;
      return this;
    }

    /** Sets the file name. */
    public Builder filename(@Nullable String filename) {
      this.filename = filename;
      return this;
    }

    /** Adds an unknown member as raw JSON text. */
    public Builder putExtra(String name, String rawJson) {
      extras.put(name, rawJson);
      return this;
    }

    /** Replaces the unknown members. */
    public Builder extras(Map<String, String> extras) {
      this.extras.clear();
      this.extras.putAll(extras);
      return this;
    }

    /** The immutable file input. */
    public FileInput build() {
      return new FileInput(this);
    }
  }
}
