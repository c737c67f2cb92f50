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
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Real file channels that record, in order, every write, truncate and force made through them, and can be told to
 * fail the force of one path: for tests of what is on disk before what.
 */
final class RecordingFileChannels implements FileChannels {

    /** One operation on {@code path}: {@code "open"}, {@code "write"}, {@code "truncate"} or {@code "force"}. */
    record Op(String name, Path path) {
        @Override
        public String toString() {
            return name + " " + path;
        }
    }

    private final List<Op> ops = new ArrayList<>();
    private final Set<Path> failingForce = new HashSet<>();

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
            record("write", path);
            return real.write(src);
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
            record("write", path);
            return real.write(srcs, offset, length);
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            record("write", path);
            return real.write(src, position);
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
            record("truncate", path);
            real.truncate(size);
            return this;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            if (failingForce.contains(path)) {
                throw new IOException("fsync of " + path + " failed (injected)");
            }
            real.force(metaData);
            record("force", path);
        }

        @Override
        public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
            return real.transferTo(position, count, target);
        }

        @Override
        public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
            record("write", path);
            return real.transferFrom(src, position, count);
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
