package io.herald.tests.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** Plain loopback sockets for attacks: connect, send bytes, and see what (if anything) comes back. */
final class RawSockets {

    private RawSockets() {
    }

    /** A socket to 127.0.0.1:{@code port}, from {@code from} (another 127.0.0.x stands for another client). */
    static Socket connect(String from, int port) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(from, 0));
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        return socket;
    }

    static void send(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
    }

    /**
     * What the server sends until it closes the socket, read for at most {@code millis}; null when it
     * sent nothing and kept the socket open all that time.
     */
    static String readUntilClosed(Socket socket, int millis) throws IOException {
        long deadline = System.currentTimeMillis() + millis;
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[4096];
        while (true) {
            int left = (int) (deadline - System.currentTimeMillis());
            if (left <= 0) {
                return null;
            }
            socket.setSoTimeout(left);
            try {
                int n = in.read(buffer);
                if (n < 0) {
                    return got.toString(StandardCharsets.UTF_8);
                }
                got.write(buffer, 0, n);
            } catch (SocketTimeoutException open) {
                return null;
            } catch (IOException reset) {
                return got.toString(StandardCharsets.UTF_8);
            }
        }
    }

    static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing only
        }
    }
}
