package io.aistats.test;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import reactor.core.publisher.Flux;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The bytes of every simulated video: a real, playable MP4 (2 s, 320x180, H.264, no audio, {@code moov} first)
 * bundled as {@code io/aistats/test/sample.mp4}. Larger sizes append one top-level {@code free} box, so the file stays
 * a valid MP4; the padding is generated on the fly in 64 KiB chunks, so even 1 GiB bodies need no memory.
 */
final class Mp4Content {

    /** Size of each generated padding chunk. */
    static final int CHUNK_SIZE = 64 * 1024;

    private static final int BOX_HEADER = 8;

    private static final byte[] SAMPLE = load();

    private static final byte[] ZEROS = new byte[CHUNK_SIZE];

    private Mp4Content() {
    }

    /** @return a copy of the bundled MP4 */
    static byte[] sample() {
        return SAMPLE.clone();
    }

    /** @return the size of the bundled MP4 */
    static long sampleSize() {
        return SAMPLE.length;
    }

    /**
     * @param size a content size
     * @throws IllegalArgumentException when no body of that size can be produced: negative sizes, and sizes 1 ... 7
     * bytes above the sample (too small for a padding box header)
     */
    static void checkSize(long size) {
        if (size < 0) {
            throw new IllegalArgumentException("content size must not be negative: " + size);
        }
        long padding = size - SAMPLE.length;
        if (padding > 0 && padding < BOX_HEADER) {
            throw new IllegalArgumentException("content size must equal the sample's " + SAMPLE.length
                    + " bytes or exceed it by at least " + BOX_HEADER + " (room for an MP4 'free' box): " + size);
        }
    }

    /**
     * The body of a given size: a prefix of the sample when smaller than it (no longer a complete MP4), else the
     * sample followed by a {@code free} box that pads it to exactly {@code size} bytes.
     * @param size the body size, see {@link #checkSize(long)}
     * @return the body, generated on demand with backpressure
     */
    static Flux<ByteBuf> body(long size) {
        checkSize(size);
        if (size <= SAMPLE.length) {
            return size == 0 ? Flux.empty() : Flux.just(Unpooled.wrappedBuffer(SAMPLE, 0, (int) size));
        }
        long padding = size - SAMPLE.length;
        byte[] header = boxHeader(padding);
        Flux<ByteBuf> head = Flux.just(Unpooled.wrappedBuffer(SAMPLE), Unpooled.wrappedBuffer(header));
        long zeros = padding - header.length;
        Flux<ByteBuf> tail = Flux.generate(() -> zeros, (remaining, sink) -> {
            if (remaining <= 0) {
                sink.complete();
                return remaining;
            }
            int length = (int) Math.min(CHUNK_SIZE, remaining);
            sink.next(Unpooled.wrappedBuffer(ZEROS, 0, length));
            return remaining - length;
        });
        return head.concatWith(tail);
    }

    /** A {@code free} box header: 32-bit size, or size 1 plus a 64-bit "largesize" for boxes of 4 GiB and more. */
    static byte[] boxHeader(long boxSize) {
        if (boxSize <= 0xFFFF_FFFFL) {
            return new byte[] {(byte) (boxSize >>> 24), (byte) (boxSize >>> 16), (byte) (boxSize >>> 8),
                    (byte) boxSize, 'f', 'r', 'e', 'e'};
        }
        byte[] header = new byte[16];
        header[3] = 1;
        header[4] = 'f';
        header[5] = 'r';
        header[6] = 'e';
        header[7] = 'e';
        for (int i = 0; i < 8; i++) {
            header[15 - i] = (byte) (boxSize >>> (8 * i));
        }
        return header;
    }

    private static byte[] load() {
        try (InputStream in = Mp4Content.class.getResourceAsStream("sample.mp4")) {
            if (in == null) {
                throw new IllegalStateException("io/aistats/test/sample.mp4 is missing from the classpath");
            }
            return in.readAllBytes();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
