package io.aistats.video.internal.util;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;

/**
 * Reads a joined {@link DataBuffer} into an array, for the transport's JSON answers and the WebFlux webhook handler.
 */
public final class DataBuffers {

    private DataBuffers() {
    }

    /**
     * @param buffer the buffer, released here whatever happens
     * @return its readable bytes
     */
    public static byte[] toBytes(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return bytes;
        }
        finally {
            DataBufferUtils.release(buffer);
        }
    }
}
