package io.giftpay.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * Hadoop's local file system, checksums and all, except that it sets a file's or folder's mode
 * through Java's own file API. Without Hadoop's native library (which Spark's jars do not carry)
 * Hadoop runs a {@code chmod} process for every folder it makes and every file it creates: about
 * 560 processes in one sample night, each a fork of a multi-gigabyte JVM. The modes are the same;
 * only the way they are set changes. Used for {@code file:} paths under a local master ({@link
 * SparkSessions}); a cluster keeps Hadoop's own.
 */
public final class ForklessLocalFileSystem extends LocalFileSystem {
  public ForklessLocalFileSystem() {
    super(new Raw());
  }

  /** The raw (checksum-free) file system underneath, with the mode set in-process. */
  static final class Raw extends RawLocalFileSystem {
    @Override
    public void setPermission(Path path, FsPermission permission) throws IOException {
      if (permission.getStickyBit()) {
        // Java's file API has no sticky bit; Giftpay never asks for one, but keep Hadoop's way.
        super.setPermission(path, permission);
        return;
      }
      Files.setPosixFilePermissions(
          pathToFile(path).toPath(),
          PosixFilePermissions.fromString(
              permission.getUserAction().SYMBOL
                  + permission.getGroupAction().SYMBOL
                  + permission.getOtherAction().SYMBOL));
    }
  }
}
