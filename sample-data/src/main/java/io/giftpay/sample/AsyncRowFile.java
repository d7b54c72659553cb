package io.giftpay.sample;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Hands rows to a writer thread in batches, so generating rows and encoding them (Parquet encoding,
 * compression, CSV formatting) use two cores. One consumer per file keeps the row order, so the
 * output is the same as a synchronous write. Memory is bounded by the queue (8 batches of 4096
 * rows).
 */
final class AsyncRowFile implements RowFile {
  private static final int BATCH = 4096;
  private static final Object[][] END = new Object[0][];

  private final RowFile target;
  private final BlockingQueue<Object[][]> queue = new ArrayBlockingQueue<>(8);
  private final Thread thread;
  private volatile Throwable failure;
  private Object[][] batch = new Object[BATCH][];
  private int size;
  private long rows;

  AsyncRowFile(RowFile target, String name) {
    this.target = target;
    this.thread = new Thread(this::drain, "ledger-writer-" + name);
    this.thread.setDaemon(true);
    this.thread.start();
  }

  private void drain() {
    try {
      while (true) {
        Object[][] b = queue.take();
        if (b == END) {
          return;
        }
        for (Object[] row : b) {
          if (row == null) {
            break;
          }
          target.write(row);
        }
      }
    } catch (Throwable t) {
      failure = t;
      queue.clear();
    }
  }

  @Override
  public void write(Object[] row) throws IOException {
    batch[size++] = row;
    rows++;
    if (size == BATCH) {
      flush();
    }
  }

  private void flush() throws IOException {
    check();
    put(batch);
    batch = new Object[BATCH][];
    size = 0;
  }

  private void put(Object[][] b) throws IOException {
    try {
      while (!queue.offer(b, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
        check();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while writing");
    }
  }

  private void check() throws IOException {
    Throwable t = failure;
    if (t == null) {
      return;
    }
    if (t instanceof IOException io) {
      throw io;
    }
    if (t instanceof UncheckedIOException u) {
      throw u.getCause();
    }
    if (t instanceof RuntimeException r) {
      throw r;
    }
    throw new IOException(t);
  }

  @Override
  public long rows() {
    return rows;
  }

  @Override
  public void close() throws IOException {
    try {
      if (size > 0 && failure == null) {
        put(batch);
      }
      if (failure == null) {
        put(END);
      }
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while closing");
    } finally {
      target.close();
    }
    check();
  }
}
