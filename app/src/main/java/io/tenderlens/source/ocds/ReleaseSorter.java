package io.tenderlens.source.ocds;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;

/**
 * Groups releases by ocid in bounded memory: releases are added in input order and come back as
 * groups, one per ocid, ocids in code-point order (as ocdskit's SQLite backend returns them) and the
 * releases of each ocid in input order. Releases are held as bytes; when those exceed the memory
 * budget, the run is sorted and written to a temporary file, and the runs are merged at the end
 * (k-way, in several passes when there are very many). Input that fits the budget never touches disk.
 * Not thread-safe.
 */
public final class ReleaseSorter implements Closeable {

    /** One release as sorted: its ocid, a caller's reference (e.g. to its package), its JSON bytes. */
    public record Entry(String ocid, int ref, byte[] json) {}

    /** The releases of one ocid, in input order. */
    public record Group(String ocid, List<Entry> entries) {}

    /** Orders ocids by code point, which differs from {@link String#compareTo} only beyond the BMP. */
    public static final Comparator<String> OCID_ORDER = ReleaseSorter::compareCodePoints;

    /** Runs merged at once; more are first merged into larger runs. */
    static final int FAN_IN = 64;
    private static final int ENTRY_OVERHEAD = 64;
    private static final Comparator<Held> HELD_ORDER = (a, b) -> compareCodePoints(a.ocid, b.ocid);

    /** A release of the current run: its bytes are in {@link #bytes}. */
    private record Held(String ocid, int ref, long address, int length) {}

    private final Path tempDir;
    private final long memoryBudget;
    private final List<Path> runs = new ArrayList<>();
    private final OffHeapBytes bytes = new OffHeapBytes();
    private List<Held> current = new ArrayList<>();
    private long currentBytes;
    private long added;
    private long spilledBytes;
    private int spilledRuns;
    private boolean finished;

    /**
     * @param tempDir      where sorted runs are written when the input does not fit
     * @param memoryBudget bytes of releases held before a run is written (JSON bytes plus a small overhead each)
     */
    public ReleaseSorter(Path tempDir, long memoryBudget) {
        this.tempDir = tempDir;
        this.memoryBudget = Math.max(1, memoryBudget);
    }

    /** Adds one release; releases must come in input order. */
    public void add(String ocid, int ref, byte[] json) throws IOException {
        if (finished) {
            throw new IllegalStateException("groups() was already called");
        }
        current.add(new Held(ocid, ref, bytes.store(json), json.length));
        added++;
        currentBytes += json.length + 2L * ocid.length() + ENTRY_OVERHEAD;
        if (currentBytes >= memoryBudget) {
            runs.add(spill(sortedCurrent()));
            current = new ArrayList<>();
            currentBytes = 0;
            bytes.clear();
        }
    }

    /** Releases added so far. */
    public long size() {
        return added;
    }

    /** Sorted runs written to disk so far (merge passes included). */
    public int spilledRuns() {
        return spilledRuns;
    }

    /** Bytes written to disk so far (merge passes included). */
    public long spilledBytes() {
        return spilledBytes;
    }

    /**
     * Ends the adding and returns the groups in ocid order. Call once; close the iterator (or this
     * sorter) to delete the temporary files. An I/O failure while iterating is thrown as
     * {@link UncheckedIOException}.
     */
    public GroupIterator groups() throws IOException {
        if (finished) {
            throw new IllegalStateException("groups() can be called once");
        }
        finished = true;
        List<Held> last = sortedCurrent();
        current = null;
        while (runs.size() + 1 > FAN_IN) {
            // merge the oldest runs into one, keeping input order: older runs hold earlier releases
            List<Path> batch = new ArrayList<>(runs.subList(0, FAN_IN));
            Path merged;
            try (GroupIterator it = new GroupIterator(openAll(batch), batch)) {
                merged = spill(it);
            }
            runs.subList(0, FAN_IN).clear();
            runs.add(0, merged);
        }
        List<Cursor> cursors = openAll(runs);
        cursors.add(new MemoryCursor(last, bytes));
        List<Path> files = new ArrayList<>(runs);
        runs.clear();
        return new GroupIterator(cursors, files);
    }

    @Override public void close() throws IOException {
        for (Path run : runs) {
            Files.deleteIfExists(run);
        }
        runs.clear();
        current = null;
    }

    private List<Held> sortedCurrent() {
        Held[] array = current.toArray(new Held[0]);
        Arrays.parallelSort(array, HELD_ORDER);  // stable: input order kept within an ocid
        return Arrays.asList(array);
    }

    private Path spill(List<Held> sorted) throws IOException {
        return spill(new MemoryCursor(sorted, bytes).asIterator(), null);
    }

    private Path spill(GroupIterator groups) throws IOException {
        return spill(null, groups);
    }

    private Path spill(Iterator<Entry> entries, GroupIterator groups) throws IOException {
        Files.createDirectories(tempDir);
        Path file = Files.createTempFile(tempDir, "tenderlens-sort-", ".run");
        spilledRuns++;
        file.toFile().deleteOnExit();
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 20))) {
            if (entries != null) {
                while (entries.hasNext()) {
                    spilledBytes += write(out, entries.next());
                }
            } else {
                while (groups.hasNext()) {
                    for (Entry e : groups.next().entries) {
                        spilledBytes += write(out, e);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return file;
    }

    /** Writes one entry; returns about how many bytes (lengths count 4 each). */
    private static long write(DataOutputStream out, Entry e) throws IOException {
        byte[] ocid = e.ocid.getBytes(StandardCharsets.UTF_8);
        writeVarint(out, ocid.length);
        out.write(ocid);
        writeVarint(out, e.ref + 1);
        writeVarint(out, e.json.length);
        out.write(e.json);
        return ocid.length + e.json.length + 12L;
    }

    private static void writeVarint(DataOutputStream out, int v) throws IOException {
        while ((v & ~0x7F) != 0) {
            out.write((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out.write(v);
    }

    private static int readVarint(DataInputStream in) throws IOException {
        int v = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException();
            }
            v |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw new IOException("corrupt sort run: bad length");
    }

    private static List<Cursor> openAll(List<Path> files) throws IOException {
        List<Cursor> cursors = new ArrayList<>();
        try {
            for (Path f : files) {
                cursors.add(new FileCursor(f));
            }
        } catch (IOException e) {
            for (Cursor c : cursors) {
                c.close();
            }
            throw e;
        }
        return cursors;
    }

    static int compareCodePoints(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                boolean sx = Character.isSurrogate(x);
                boolean sy = Character.isSurrogate(y);
                if (sx == sy) {
                    return x - y;
                }
                // a surrogate stands for a code point above every BMP character
                return sx ? 1 : -1;
            }
        }
        return a.length() - b.length();
    }

    /** A sorted source of entries. */
    private abstract static class Cursor implements Closeable {
        Entry head;
        int order;

        /** Moves to the next entry; false at the end. */
        abstract boolean advance() throws IOException;

        @Override public void close() throws IOException {}
    }

    private static final class MemoryCursor extends Cursor {
        private final Iterator<Held> it;
        private final OffHeapBytes bytes;

        MemoryCursor(List<Held> held, OffHeapBytes bytes) {
            this.it = held.iterator();
            this.bytes = bytes;
        }

        @Override boolean advance() {
            if (!it.hasNext()) {
                head = null;
                return false;
            }
            Held h = it.next();
            head = new Entry(h.ocid, h.ref, bytes.load(h.address, h.length));
            return true;
        }

        Iterator<Entry> asIterator() {
            return new Iterator<>() {
                private boolean ready = advance();

                @Override public boolean hasNext() {
                    return ready;
                }

                @Override public Entry next() {
                    if (!ready) {
                        throw new NoSuchElementException();
                    }
                    Entry e = head;
                    ready = advance();
                    return e;
                }
            };
        }
    }

    /**
     * The JSON bytes of the run being gathered, kept outside the Java heap in slabs reused from run
     * to run: the collector would otherwise copy hundreds of megabytes of long-lived arrays.
     */
    private static final class OffHeapBytes {
        private static final int SLAB = 8 << 20;
        private final List<ByteBuffer> slabs = new ArrayList<>();
        private int slab = -1;

        /** Copies {@code b} in; returns its address (slab number and offset). */
        long store(byte[] b) {
            if (slab < 0 || slabs.get(slab).remaining() < b.length) {
                slab++;
                if (slab == slabs.size() || slabs.get(slab).capacity() < b.length) {
                    slabs.add(slab, ByteBuffer.allocateDirect(Math.max(SLAB, b.length)));
                }
                slabs.get(slab).clear();
            }
            ByteBuffer buf = slabs.get(slab);
            long address = ((long) slab << 32) | buf.position();
            buf.put(b);
            return address;
        }

        byte[] load(long address, int length) {
            byte[] b = new byte[length];
            slabs.get((int) (address >>> 32)).get((int) address, b);
            return b;
        }

        /** Forgets the bytes (the slabs are kept for the next run, but for outsized ones). */
        void clear() {
            slabs.removeIf(b -> b.capacity() > SLAB);
            slab = -1;
        }
    }

    private static final class FileCursor extends Cursor {
        private final DataInputStream in;

        FileCursor(Path file) throws IOException {
            this.in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 20));
        }

        @Override boolean advance() throws IOException {
            int ocidLength;
            try {
                ocidLength = readVarint(in);
            } catch (EOFException end) {
                head = null;
                return false;
            }
            byte[] ocid = in.readNBytes(ocidLength);
            int ref = readVarint(in) - 1;
            byte[] json = in.readNBytes(readVarint(in));
            head = new Entry(new String(ocid, StandardCharsets.UTF_8), ref, json);
            return true;
        }

        @Override public void close() throws IOException {
            in.close();
        }
    }

    /** The groups of a k-way merge of sorted runs; closing it deletes the run files. */
    public static final class GroupIterator implements Iterator<Group>, Closeable {
        private final PriorityQueue<Cursor> queue = new PriorityQueue<>((a, b) -> {
            int c = compareCodePoints(a.head.ocid, b.head.ocid);
            return c != 0 ? c : Integer.compare(a.order, b.order);
        });
        private final List<Cursor> cursors;
        private final List<Path> files;

        GroupIterator(List<Cursor> cursors, List<Path> files) throws IOException {
            this.cursors = cursors;
            this.files = files;
            for (int i = 0; i < cursors.size(); i++) {
                Cursor c = cursors.get(i);
                c.order = i;
                if (c.advance()) {
                    queue.add(c);
                }
            }
        }

        @Override public boolean hasNext() {
            return !queue.isEmpty();
        }

        @Override public Group next() {
            if (queue.isEmpty()) {
                throw new NoSuchElementException();
            }
            String ocid = queue.peek().head.ocid;
            List<Entry> entries = new ArrayList<>(4);
            try {
                while (!queue.isEmpty() && queue.peek().head.ocid.equals(ocid)) {
                    Cursor c = queue.poll();
                    // take every entry of this ocid from this cursor before looking at later runs
                    do {
                        entries.add(c.head);
                    } while (c.advance() && c.head.ocid.equals(ocid));
                    if (c.head != null) {
                        queue.add(c);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read a sort run", e);
            }
            return new Group(ocid, entries);
        }

        @Override public void close() throws IOException {
            for (Cursor c : cursors) {
                c.close();
            }
            for (Path f : files) {
                Files.deleteIfExists(f);
            }
        }
    }
}
