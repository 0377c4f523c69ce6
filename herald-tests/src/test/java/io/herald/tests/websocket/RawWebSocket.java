package io.herald.tests.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket client over a plain {@link Socket}, with the handshake and framing done by hand, so a
 * test controls the receive buffer and decides when (or whether) to read. Not thread-safe.
 */
final class RawWebSocket implements AutoCloseable {

    static final int OPCODE_CONTINUATION = 0x0;
    static final int OPCODE_TEXT = 0x1;
    static final int OPCODE_CLOSE = 0x8;

    /**
     * One frame from the server (servers never mask).
     *
     * @param opcode the frame's opcode
     * @param payload its payload
     */
    record Frame(int opcode, byte[] payload) {

        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        /** The status code of a close frame. */
        int closeCode() {
            assertThat(opcode).as("opcode").isEqualTo(OPCODE_CLOSE);
            return ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
        }
    }

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private String responseHead;

    private RawWebSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
        this.out = socket.getOutputStream();
    }

    /**
     * Connects to 127.0.0.1 and completes the upgrade handshake.
     *
     * @param receiveBufferSize the socket's receive buffer, set before connecting so the TCP window stays small
     */
    static RawWebSocket connect(int port, String pathAndQuery, int receiveBufferSize) {
        RawWebSocket ws = attempt(port, pathAndQuery, receiveBufferSize);
        assertThat(ws.responseHead()).as("handshake response").startsWith("HTTP/1.1 101");
        return ws;
    }

    /**
     * Connects to 127.0.0.1 and sends the upgrade request; {@link #responseHead()} is what the server
     * answered. Connecting and reading the answer each time out after 5 s.
     */
    static RawWebSocket attempt(int port, String pathAndQuery, int receiveBufferSize) {
        try {
            Socket socket = new Socket();
            socket.setReceiveBufferSize(receiveBufferSize);
            socket.setSoTimeout(5_000);
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            RawWebSocket ws = new RawWebSocket(socket);
            ws.responseHead = ws.handshake(port, pathAndQuery);
            return ws;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The status line and headers the server answered the upgrade request with. */
    String responseHead() {
        return responseHead;
    }

    private String handshake(int port, String pathAndQuery) throws IOException {
        byte[] nonce = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonce);
        String request = "GET " + pathAndQuery + " HTTP/1.1\r\n"
                + "Host: 127.0.0.1:" + port + "\r\n"
                + "Upgrade: websocket\r\n"
                + "Connection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce) + "\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n";
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return readHead();
    }

    private String readHead() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = in.readUnsignedByte();
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    /** Sends one masked text frame, as clients must. */
    void sendText(String text) {
        sendFrame(true, OPCODE_TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends one masked frame with any opcode and payload, final or not (a fragment). */
    void sendFrame(boolean fin, int opcode, byte[] payload) {
        write(frame(fin, opcode, payload));
    }

    /** The bytes of one masked frame, for tests that send several at once or break them on purpose. */
    static byte[] frame(boolean fin, int opcode, byte[] payload) {
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 14);
        frame.write((fin ? 0x80 : 0) | opcode);
        if (payload.length < 126) {
            frame.write(0x80 | payload.length);
        } else {
            assertThat(payload.length).as("frame size this helper supports").isLessThan(65_536);
            frame.write(0x80 | 126);
            frame.write(payload.length >>> 8);
            frame.write(payload.length & 0xFF);
        }
        frame.writeBytes(mask);
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ mask[i % 4]);
        }
        return frame.toByteArray();
    }

    /** Writes raw bytes to the socket, whatever they are. */
    void write(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the next frame; throws {@link java.io.EOFException} when the stream ends, even mid-frame. */
    Frame readFrame() throws IOException {
        int first = in.readUnsignedByte();
        int second = in.readUnsignedByte();
        long length = second & 0x7F;
        if (length == 126) {
            length = in.readUnsignedShort();
        } else if (length == 127) {
            length = in.readLong();
        }
        byte[] payload = new byte[Math.toIntExact(length)];
        in.readFully(payload);
        return new Frame(first & 0x0F, payload);
    }

    /**
     * Reads whatever the server sends until it closes the stream or stays quiet for {@code quietMillis}.
     *
     * @return the close frame's code if one came, 0 if the stream ended without one, -1 if still open
     */
    int readUntilClosedOrQuiet(int quietMillis) throws IOException {
        socket.setSoTimeout(quietMillis);
        int closeCode = 0;
        try {
            while (true) {
                Frame frame = readFrame();
                if (frame.opcode() == OPCODE_CLOSE) {
                    closeCode = frame.payload().length >= 2 ? frame.closeCode() : 1005;
                }
            }
        } catch (java.net.SocketTimeoutException quiet) {
            return closeCode == 0 ? -1 : closeCode;
        } catch (java.io.EOFException | java.net.SocketException ended) {
            return closeCode;
        }
    }

    /** Reads frames until a text frame containing {@code fragment} arrives, and returns it. */
    Frame readTextContaining(String fragment) throws IOException {
        while (true) {
            Frame frame = readFrame();
            if (frame.opcode() == OPCODE_TEXT && frame.text().contains(fragment)) {
                return frame;
            }
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }
}
