package io.herald.tests.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One HTTP/1.1 exchange over a plain socket, for requests the JDK client can't make (its
 * {@code expectContinue} hangs on a final answer before 100 in JDK 17).
 */
public final class RawHttp {

    private RawHttp() {
    }

    /** A status and the body text. */
    public record Response(int status, String body) {
    }

    /** Sends only the request head (the body is withheld, as a client waiting for 100 would) and reads one response. */
    public static Response sendHead(int port, String head) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return exchange(socket, head);
        }
    }

    /** Sends {@code head} on an open socket (a kept-alive connection) and reads one response. */
    public static Response exchange(Socket socket, String head) throws IOException {
        socket.setSoTimeout(5000);
        socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        InputStream in = socket.getInputStream();
        String headers = readHeaders(in);
        int status = Integer.parseInt(headers.substring(9, 12));
        byte[] body = in.readNBytes(contentLength(headers));
        return new Response(status, new String(body, StandardCharsets.UTF_8));
    }

    private static String readHeaders(InputStream in) throws IOException {
        ByteArrayOutputStream headers = new ByteArrayOutputStream();
        while (!headers.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed inside the response head: " + headers);
            }
            headers.write(b);
        }
        return headers.toString(StandardCharsets.US_ASCII);
    }

    private static int contentLength(String headers) {
        for (String line : headers.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                return Integer.parseInt(line.substring("content-length:".length()).trim());
            }
        }
        return 0;
    }
}
