package io.giftpay.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Folder trees for tests that need a ledger or a warehouse copied as it is. */
public final class TestTrees {
  private TestTrees() {}

  /** The committed sample ledger, from a module folder under {@code jobs/}. */
  public static final Path SAMPLE_LEDGER =
      Path.of("../../sample-data/ledger").toAbsolutePath().normalize();

  /** The files under {@code root} whose names end with {@code suffix}, in path order. */
  public static List<Path> filesEndingWith(Path root, String suffix) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
    }
  }

  /** Copies every folder and file under {@code from} to the same place under {@code to}. */
  public static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path p : paths.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
