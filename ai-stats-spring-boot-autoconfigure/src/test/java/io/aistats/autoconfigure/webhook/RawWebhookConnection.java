package io.aistats.autoconfigure.webhook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * A delivery written by hand on a raw socket, so that a test can send headers and only part of a body (or none) and
 * then read what the receiver answers, or see it close the connection.
 */
final class RawWebhookConnection implements AutoCloseable {

    private final Socket socket;

    private RawWebhookConnection(Socket socket) {
        this.socket = socket;
    }

    /**
     * Connects and sends a POST with the given headers and the first bytes of its body.
     * @param port the receiver's port
     * @param headers request headers, besides Host
     * @param bodyPart the part of the body sent, possibly empty
     * @param answerTimeoutMillis how long {@link #readAnswer()} waits at most
     */
    static RawWebhookConnection open(int port, Map<String, String> headers, byte[] bodyPart, int answerTimeoutMillis)
            throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        socket.setSoTimeout(answerTimeoutMillis);
        StringBuilder head = new StringBuilder("POST /ai-stats/webhooks HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("\r\n");
        socket.getOutputStream().write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().write(bodyPart);
        socket.getOutputStream().flush();
        return new RawWebhookConnection(socket);
    }

    /**
     * Reads the answer: the status line, the headers and a body of the declared length.
     * @return the answer as text, for example {@code "HTTP/1.1 408 ...\r\nContent-Length: 29\r\n...\r\n\r\n{...}"},
     * empty when the receiver closed the connection without answering
     */
    String readAnswer() throws IOException {
        InputStream input = this.socket.getInputStream();
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        int b;
        while ((b = input.read()) != -1) {
            answer.write(b);
            if (answer.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                break;
            }
        }
        String head = answer.toString(StandardCharsets.ISO_8859_1);
        String lower = head.toLowerCase(Locale.ROOT);
        int at = lower.indexOf("\r\ncontent-length: ");
        if (at >= 0) {
            int length = Integer.parseInt(lower.substring(at + 18, lower.indexOf("\r\n", at + 2)).trim());
            return head + new String(input.readNBytes(length), StandardCharsets.UTF_8);
        }
        return head;
    }

    @Override
    public void close() throws IOException {
        this.socket.close();
    }
}
