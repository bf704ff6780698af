package org.hrssplan.ops;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One run at a time per lakehouse: an exclusive OS file lock on {@code <lakehouse>/_state/run.lock}, held for the
 * whole run. A second run fails fast with who holds it. The OS releases the lock when the holder dies (even by
 * SIGKILL), so a crashed run never blocks the next night. Delta's optimistic concurrency stays as the second line.
 */
public final class RunLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private RunLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** Thrown when another run holds the lock. */
  public static final class Busy extends Exception {
    public Busy(String message) {
      super(message);
    }
  }

  public static RunLock acquire(Path stateDir, String runId) throws IOException, Busy {
    Files.createDirectories(stateDir);
    Path file = stateDir.resolve("run.lock");
    FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    FileLock l;
    try {
      l = ch.tryLock();
    } catch (OverlappingFileLockException e) {
      l = null;
    }
    if (l == null) {
      String holder = Files.readString(file, StandardCharsets.UTF_8).strip();
      ch.close();
      throw new Busy("another run holds " + file + " (" + (holder.isEmpty() ? "unknown holder" : holder)
          + "); this run stops without touching the tables — retry when it has finished");
    }
    ch.truncate(0);
    ch.write(ByteBuffer.wrap(("run " + runId + ", pid " + ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)), 0);
    ch.force(false);
    return new RunLock(ch, l);
  }

  @Override
  public void close() throws IOException {
    lock.release();
    channel.close();
  }
}
