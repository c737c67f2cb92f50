package org.yishi.core.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Real file channels that record, in order, every write, truncate and force made through them, and can be told to
 * fail the force of one path: for tests of what is on disk before what. A write or force is recorded once it has
 * returned, so "write before force" in the record means the force began after the write was done.
 */
final class RecordingFileChannels implements FileChannels {

    /**
     * One operation on {@code path}: {@code "open"}, {@code "write"}, {@code "truncate"} or {@code "force"}, or a
     * test's own {@link #mark mark}.
     */
    record Op(String name, Path path) {
        @Override
        public String toString() {
            return name + " " + path;
        }
    }

    private final List<Op> ops = new ArrayList<>();
    private final Set<Path> failingForce = new HashSet<>();
    /** Per path, the file's size when a force of it last began: what a power cut right now would keep at least. */
    private final Map<Path, Long> forcedSize = new HashMap<>();

    /** Every later {@code force} on {@code path} throws an IOException, as a disk or file system refusing it would. */
    RecordingFileChannels failForceOf(Path path) {
        failingForce.add(path.toAbsolutePath());
        return this;
    }

    synchronized List<Op> ops() {
        return List.copyOf(ops);
    }

    /** Position of the first {@code name} on {@code path}, or -1. */
    synchronized int indexOf(String name, Path path) {
        return ops.indexOf(new Op(name, path.toAbsolutePath()));
    }

    /** Position of the last {@code name} on {@code path}, or -1. */
    synchronized int lastIndexOf(String name, Path path) {
        return ops.lastIndexOf(new Op(name, path.toAbsolutePath()));
    }

    private synchronized void record(String name, Path path) {
        ops.add(new Op(name, path));
    }

    /** Puts a test's own event (e.g. "the append returned") into the order of operations. */
    void mark(String name, Path path) {
        record(name, path.toAbsolutePath());
    }

    /**
     * How many bytes of {@code path} a completed force covered: the file's size when the last successful force of it
     * began (0 if it was never forced). Bytes beyond it may still be only in the page cache.
     */
    synchronized long forcedSize(Path path) {
        return forcedSize.getOrDefault(path.toAbsolutePath(), 0L);
    }

    private synchronized void forced(Path path, long size) {
        forcedSize.put(path, size);
        ops.add(new Op("force", path));
    }

    @Override
    public FileChannel open(Path path, OpenOption... options) throws IOException {
        Path absolute = path.toAbsolutePath();
        FileChannel real = FileChannel.open(absolute, options);
        record("open", absolute);
        return new Recording(real, absolute);
    }

    private final class Recording extends FileChannel {
        private final FileChannel real;
        private final Path path;

        Recording(FileChannel real, Path path) {
            this.real = real;
            this.path = path;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return real.read(dst);
        }

        @Override
        public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
            return real.read(dsts, offset, length);
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return real.read(dst, position);
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            int n = real.write(src);
            record("write", path);
            return n;
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
            long n = real.write(srcs, offset, length);
            record("write", path);
            return n;
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            int n = real.write(src, position);
            record("write", path);
            return n;
        }

        @Override
        public long position() throws IOException {
            return real.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            real.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return real.size();
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            real.truncate(size);
            record("truncate", path);
            return this;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            if (failingForce.contains(path)) {
                throw new IOException("fsync of " + path + " failed (injected)");
            }
            long size = real.size();
            real.force(metaData);
            forced(path, size);
        }

        @Override
        public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
            return real.transferTo(position, count, target);
        }

        @Override
        public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
            long n = real.transferFrom(src, position, count);
            record("write", path);
            return n;
        }

        @Override
        public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
            return real.map(mode, position, size);
        }

        @Override
        public FileLock lock(long position, long size, boolean shared) throws IOException {
            return real.lock(position, size, shared);
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return real.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            real.close();
        }
    }
}
