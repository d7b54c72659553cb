package io.giftpay.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Modes set in-process are the modes Hadoop's chmod would have set. */
class ForklessLocalFileSystemTest {
  @TempDir java.nio.file.Path dir;

  private FileSystem fileSystem() throws Exception {
    Configuration conf = new Configuration(false);
    conf.set("fs.file.impl", ForklessLocalFileSystem.class.getName());
    conf.setBoolean("fs.file.impl.disable.cache", true);
    conf.set("fs.permissions.umask-mode", "022");
    FileSystem fs = new Path(dir.toUri()).getFileSystem(conf);
    assertTrue(fs instanceof ForklessLocalFileSystem, "file: resolves to " + fs.getClass());
    return fs;
  }

  @Test
  void setPermissionSetsTheExactMode() throws Exception {
    FileSystem fs = fileSystem();
    Path file = new Path(dir.resolve("f.txt").toUri());
    try (OutputStream out = fs.create(file)) {
      out.write(1);
    }
    fs.setPermission(file, new FsPermission((short) 0640));
    assertEquals("rw-r-----", mode(dir.resolve("f.txt")));
    fs.setPermission(file, new FsPermission((short) 0604));
    assertEquals("rw----r--", mode(dir.resolve("f.txt")));
  }

  @Test
  void foldersAndFilesGetHadoopsDefaultModesUnderTheUmask() throws Exception {
    FileSystem fs = fileSystem();
    Path nested = new Path(dir.resolve("a/b").toUri());
    assertTrue(fs.mkdirs(nested));
    assertEquals("rwxr-xr-x", mode(dir.resolve("a")));
    assertEquals("rwxr-xr-x", mode(dir.resolve("a/b")));
    try (OutputStream out = fs.create(new Path(nested, "part-0.parquet"))) {
      out.write(1);
    }
    assertEquals("rw-r--r--", mode(dir.resolve("a/b/part-0.parquet")));
    // Checksums as Hadoop's local file system writes them.
    assertTrue(Files.exists(dir.resolve("a/b/.part-0.parquet.crc")));
  }

  private static String mode(java.nio.file.Path path) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }
}
