package io.quarkiverse.pipelinedeployment.runtime.runs;

import java.util.Arrays;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;

import io.quarkiverse.pipelinedeployment.runtime.engine.ByteOutput;
import io.quarkiverse.pipelinedeployment.runtime.engine.Run;
import io.quarkiverse.pipelinedeployment.runtime.engine.RunCodec;
import io.quarkiverse.pipelinedeployment.runtime.engine.RunSource;
import io.quarkiverse.pipelinedeployment.runtime.engine.RunStatus;

/**
 * The ended runs the {@link MemoryRunStore} keeps, each as the bytes {@link RunCodec} made of it, oldest first in the
 * order they were archived (about the order they ended): a ring of slots, with an index by id in an array of longs. The
 * bytes are written one after the other into chunks of {@value #CHUNK_BYTES} bytes, which outlive the young
 * collections: ten thousand kept runs are a few large arrays that the garbage collector neither copies nor traces,
 * rather than ten thousand object graphs. That is what keeps recording every run cheap.
 * <p>
 * The index is kept up to date on demand: a run is indexed when a run is next looked up by id, not when it is added.
 * A service that is only invoked (no one reads its runs back) then never pays for the index, and one whose runs are
 * read pays what it would have paid anyway, once per run. The store locks it.
 */
final class RunArchive {

    /** What a kept run costs beside its bytes: its slot in the arrays and the index. */
    static final int ENTRY_BYTES = 64;

    /** An asynchronous run with a larger request stays an object: its envelope is not written on the store's thread. */
    private static final long ARCHIVED_REQUEST_BYTES = 64 * 1024;

    static final int CHUNK_BYTES = 1 << 20;

    /** The last run {@link #encode}d, copied into a chunk by {@link #add}: one array for every run. */
    private final ByteOutput encoded = new ByteOutput(4096);

    /** The chunk each slot's bytes are in, from {@code offsets}, {@code lengths} long. */
    private byte[][] kept;
    private int[] offsets;
    private int[] lengths;
    /** The chunk runs are added to, and how much of it is used. */
    private byte[] current;
    private int used;
    /** A chunk all of whose runs were dropped, to fill again. */
    private byte[] spare;
    private long[] sequences;
    private long[] created;
    private byte[] statuses;
    private byte[] sources;
    /** Each slot's id hash, to find its index entry when the slot is dropped. */
    private int[] hashes;
    /**
     * Open addressing with linear probing: a kept run's id hash in the high half and its slot + 1 in the low one, or 0
     * for none. The hash is in the entry so that probing and removal read this array alone.
     */
    private long[] index;
    /** How many of the kept runs, from the oldest, are in the index; the newer ones are indexed by {@link #find}. */
    private int indexed;
    private int head;
    private int count;
    private long bytes;

    RunArchive() {
        allocate(256);
    }

    /**
     * Encodes the ended run into {@link #encoded}, for {@link #add}; {@code false} to keep it as it is: a synchronous
     * run whose answer was not written, or one whose envelope is not to be written on the store's thread.
     */
    boolean encode(Run run, ObjectWriter writer) {
        if (!run.engineRun() || run.envelopeJson() == null
                && (run.response() == null || !run.async() || run.requestBytes() > ARCHIVED_REQUEST_BYTES)) {
            // A replaced service's run stays as it is: its record's parameters are not its envelope's
            return false;
        }
        encoded.reset();
        try {
            RunCodec.encode(run, writer, true, encoded);
            return true;
        } catch (JsonProcessingException e) {
            return false; // its outputs cannot be written as JSON: its result answers why, as it did
        }
    }

    int size() {
        return count;
    }

    /** The memory the kept runs hold, estimated. */
    long bytes() {
        return bytes;
    }

    /** Keeps the run last {@link #encode}d. */
    void add(Run ended) {
        if (count == kept.length) {
            grow();
        }
        int slot = (head + count++) % kept.length;
        int length = encoded.position();
        if (current == null || used + length > current.length) {
            current = spare != null && spare.length >= length ? spare : new byte[Math.max(CHUNK_BYTES, length)];
            spare = null;
            used = 0;
        }
        System.arraycopy(encoded.bytes(), 0, current, used, length);
        kept[slot] = current;
        offsets[slot] = used;
        lengths[slot] = length;
        used += length;
        sequences[slot] = ended.sequence();
        created[slot] = ended.created().toEpochMilli();
        statuses[slot] = (byte) ended.status().ordinal();
        sources[slot] = (byte) ended.source().ordinal();
        bytes += length + ENTRY_BYTES;
    }

    /** The slot of the run with this id, or -1. */
    int find(String id) {
        while (indexed < count) {
            int slot = slot(indexed++);
            hashes[slot] = id(slot).hashCode();
            put(hashes[slot], slot);
        }
        int hash = id.hashCode();
        for (int at = home(hash);; at = (at + 1) & (index.length - 1)) {
            long entry = index[at];
            if (entry == 0) {
                return -1;
            }
            int slot = (int) entry - 1;
            if ((int) (entry >>> 32) == hash && RunCodec.hasId(kept[slot], offsets[slot], id)) {
                return slot;
            }
        }
    }

    /** The i-th kept run from the oldest: its slot. */
    int slot(int i) {
        return (head + i) % kept.length;
    }

    /** A copy of the slot's bytes. */
    byte[] run(int slot) {
        return Arrays.copyOfRange(kept[slot], offsets[slot], offsets[slot] + lengths[slot]);
    }

    String id(int slot) {
        return RunCodec.id(kept[slot], offsets[slot]);
    }

    long sequence(int slot) {
        return sequences[slot];
    }

    long createdMillis(int slot) {
        return created[slot];
    }

    RunStatus status(int slot) {
        return RunStatus.values()[statuses[slot]];
    }

    RunSource source(int slot) {
        return RunSource.values()[sources[slot]];
    }

    /** Drops the oldest kept run. */
    void removeOldest() {
        int slot = head;
        byte[] chunk = kept[slot];
        if (indexed > 0) {
            int at = home(hashes[slot]);
            while ((int) index[at] != slot + 1) {
                at = (at + 1) & (index.length - 1);
            }
            unindex(at);
            indexed--;
        }
        kept[slot] = null;
        head = (head + 1) % kept.length;
        count--;
        bytes -= lengths[slot] + ENTRY_BYTES;
        if (chunk != current && chunk.length == CHUNK_BYTES && (count == 0 || kept[head] != chunk)) {
            spare = chunk; // its last run went
        }
    }

    /** Empties an index position, moving back the entries after it that probed past it (no tombstones). */
    private void unindex(int at) {
        int mask = index.length - 1;
        int next = at;
        while (true) {
            index[at] = 0;
            int home;
            do {
                next = (next + 1) & mask;
                if (index[next] == 0) {
                    return;
                }
                home = home((int) (index[next] >>> 32));
            } while (at <= next ? at < home && home <= next : at < home || home <= next);
            index[at] = index[next];
            at = next;
        }
    }

    private void put(int hash, int slot) {
        int at = home(hash);
        while (index[at] != 0) {
            at = (at + 1) & (index.length - 1);
        }
        index[at] = (long) hash << 32 | (slot + 1);
    }

    private int home(int hash) {
        int h = hash * 0x9E3779B9;
        return (h ^ (h >>> 16)) & (index.length - 1);
    }

    private void grow() {
        byte[][] oldKept = kept;
        int[] oldOffsets = offsets;
        int[] oldLengths = lengths;
        long[] oldSequences = sequences;
        long[] oldCreated = created;
        byte[] oldStatuses = statuses;
        byte[] oldSources = sources;
        int[] oldHashes = hashes;
        int oldHead = head;
        int n = count;
        allocate(kept.length * 2);
        for (int i = 0; i < n; i++) {
            int from = (oldHead + i) % oldKept.length;
            kept[i] = oldKept[from];
            offsets[i] = oldOffsets[from];
            lengths[i] = oldLengths[from];
            sequences[i] = oldSequences[from];
            created[i] = oldCreated[from];
            statuses[i] = oldStatuses[from];
            sources[i] = oldSources[from];
            hashes[i] = oldHashes[from];
            if (i < indexed) {
                put(hashes[i], i);
            }
        }
        head = 0;
    }

    private void allocate(int capacity) {
        kept = new byte[capacity][];
        offsets = new int[capacity];
        lengths = new int[capacity];
        sequences = new long[capacity];
        created = new long[capacity];
        statuses = new byte[capacity];
        sources = new byte[capacity];
        hashes = new int[capacity];
        index = new long[capacity * 2];
    }
}
