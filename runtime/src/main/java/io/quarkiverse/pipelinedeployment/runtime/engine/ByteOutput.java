package io.quarkiverse.pipelinedeployment.runtime.engine;

import java.io.DataInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/**
 * Writes into an array that grows, with none of the locks of {@code ByteArrayOutputStream}: a run is encoded on the
 * path of every recorded invocation. Numbers are big-endian, as {@link DataInputStream} reads them.
 */
public final class ByteOutput {
    byte[] bytes;
    int position;

    public ByteOutput(int capacity) {
        bytes = new byte[capacity];
    }

    /** The bytes written, from 0 to {@link #position()}; the array is reused after {@link #reset()}. */
    public byte[] bytes() {
        return bytes;
    }

    public int position() {
        return position;
    }

    /** Writes from the start again, into the same array. */
    public void reset() {
        position = 0;
    }

    private void ensure(int more) {
        if (position + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, position + more));
        }
    }

    void writeByte(int value) {
        ensure(1);
        bytes[position++] = (byte) value;
    }

    void writeInt(int value) {
        ensure(4);
        for (int shift = 24; shift >= 0; shift -= 8) {
            bytes[position++] = (byte) (value >>> shift);
        }
    }

    void writeLong(long value) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            bytes[position++] = (byte) (value >>> shift);
        }
    }

    void write(byte[] value) {
        ensure(value.length);
        System.arraycopy(value, 0, bytes, position, value.length);
        position += value.length;
    }

    void writeString(String value) {
        if (value == null) {
            writeInt(-1);
            return;
        }
        int length = value.length();
        int i = 0;
        ensure(4 + length);
        int at = position + 4;
        while (i < length && value.charAt(i) < 0x80) {
            bytes[at + i] = (byte) value.charAt(i);
            i++;
        }
        if (i == length) {
            writeInt(length);
            position += length;
        } else {
            // Not ASCII
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            writeInt(utf8.length);
            write(utf8);
        }
    }

    void writeInstant(Instant instant) {
        writeLong(instant == null ? Long.MIN_VALUE : instant.getEpochSecond());
        writeInt(instant == null ? 0 : instant.getNano());
    }
}
