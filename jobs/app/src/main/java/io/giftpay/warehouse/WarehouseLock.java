package io.giftpay.warehouse;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;

/**
 * One run at a time per warehouse. An OS file lock: released by the kernel when the process dies,
 * even by {@code kill -9}, so a crashed run never blocks the next one. Only for warehouses on a
 * local or mounted file system; on HDFS or object stores the scheduler must keep runs apart.
 */
public final class WarehouseLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private WarehouseLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** Takes the lock, or fails at once naming the warehouse if another run holds it. */
  public static WarehouseLock acquire(WarehouseLayout layout) {
    if (!"file".equals(layout.root().toUri().getScheme())
        && layout.root().toUri().getScheme() != null) {
      return new WarehouseLock(null, null);
    }
    java.nio.file.Path lockFile =
        java.nio.file.Path.of(layout.root().toUri().getPath(), "_giftpay", "lock");
    try {
      Files.createDirectories(lockFile.getParent());
      FileChannel channel =
          FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        channel.close();
        throw new IllegalStateException(
            "Another giftpay run is using the warehouse "
                + layout.root()
                + " (lock "
                + lockFile
                + ")");
      }
      return new WarehouseLock(channel, lock);
    } catch (IOException e) {
      throw new IllegalStateException(
          "Cannot lock the warehouse " + layout.root() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      if (lock != null) {
        lock.release();
      }
      if (channel != null) {
        channel.close();
      }
    } catch (IOException e) {
      // The kernel drops the lock with the process anyway.
    }
  }
}
