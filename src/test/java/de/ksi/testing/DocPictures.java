// SPDX-License-Identifier: EUPL-1.2
package de.ksi.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where browser tests put the pictures that the docs and the user guide show: into {@code docs/}
 * only when asked with {@code -Dksi.pictures=update}, otherwise under {@code target/pictures/}, so
 * that a test run leaves the working tree as it found it and a picture changes in a commit only
 * when someone meant it to.
 */
public final class DocPictures {

  static final String UPDATE = "update";

  private DocPictures() {}

  /** Whether this run was asked to refresh the pictures and diagrams in {@code docs/}. */
  public static boolean updating() {
    return UPDATE.equals(System.getProperty("ksi.pictures"));
  }

  /**
   * The file for a picture at {@code pathInDocs} (relative to {@code docs/}), its folder made if
   * missing.
   */
  public static Path of(String pathInDocs) {
    Path root = updating() ? Path.of("docs") : Path.of("target", "pictures");
    Path file = root.resolve(pathInDocs);
    try {
      Files.createDirectories(file.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }
}
