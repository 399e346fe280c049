package io.aistats.test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Sends a hand-written HTTP/1.1 request over a socket, for headers {@link java.net.http.HttpClient} refuses to set
 * (such as {@code Host}). The request should ask for {@code Connection: close}.
 */
final class RawHttp {

    private RawHttp() {
    }

    /**
     * @param port the simulator's port
     * @param request the complete request text
     * @return the response
     */
    static Response exchange(int port, String request) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.ISO_8859_1);
            int split = text.indexOf("\r\n\r\n");
            return new Response(text.substring(0, split), text.substring(split + 4));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * @param head status line and headers
     * @param body the body (ISO-8859-1 decoded)
     */
    record Response(String head, String body) {
    }
}
