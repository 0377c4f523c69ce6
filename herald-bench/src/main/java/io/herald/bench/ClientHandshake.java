package io.herald.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameEncoder;
import io.netty.handler.codec.http.websocketx.WebSocketHandshakeException;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The client's side of the WebSocket opening handshake (RFC 6455 §4.1), written out by hand: sends
 * the upgrade request as one buffer, checks the server's 101 and its {@code Sec-WebSocket-Accept},
 * then leaves the socket to {@link ServerFrameDecoder} and a masking frame encoder, handing on any
 * frame that came in the same read as the 101. Netty's HTTP client codec, aggregator and handshaker
 * did the same with three more handlers and a dozen objects per connection, and a load generator
 * that opens thousands of connections a second spent its CPU there.
 */
final class ClientHandshake extends ByteToMessageDecoder {

    private static final int MAX_PAYLOAD = 1 << 20;
    private static final int MAX_RESPONSE_HEAD = 8192;
    private static final long TIMEOUT_SECONDS = 10;
    private static final byte[] END_OF_HEAD = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final String WEBSOCKET_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private final String request;
    private final String expectedAccept;
    private final ServerFrameDecoder.Listener listener;
    private ScheduledFuture<?> timeout;

    /** @param uri the {@code ws://} URL to open; {@code listener} receives the server's messages */
    ClientHandshake(URI uri, ServerFrameDecoder.Listener listener) {
        byte[] nonce = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonce);
        String key = Base64.getEncoder().encodeToString(nonce);
        this.request = "GET " + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + key
                + "\r\nSec-WebSocket-Version: 13\r\n\r\n";
        this.expectedAccept = accept(key);
        this.listener = listener;
    }

    /** What the server must answer to {@code key}: base64(SHA-1(key + the RFC's GUID)). */
    static String accept(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1")
                    .digest((key + WEBSOCKET_GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        ctx.writeAndFlush(ByteBufUtil.writeAscii(ctx.alloc(), request));
        timeout = ctx.executor().schedule(() -> ctx.fireExceptionCaught(
                new WebSocketHandshakeException("WebSocket handshake timed out")), TIMEOUT_SECONDS, TimeUnit.SECONDS);
        super.channelActive(ctx);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        int end = endOfHead(in);
        if (end < 0) {
            if (in.readableBytes() > MAX_RESPONSE_HEAD) {
                throw new WebSocketHandshakeException("no end to the handshake response in " + MAX_RESPONSE_HEAD + " bytes");
            }
            return; // the rest of the head is still on its way
        }
        String[] lines = in.toString(in.readerIndex(), end - in.readerIndex(), StandardCharsets.US_ASCII).split("\r\n");
        in.readerIndex(end + END_OF_HEAD.length);
        if (!lines[0].startsWith("HTTP/1.1 101 ")) {
            throw new WebSocketHandshakeException("handshake refused: " + lines[0]);
        }
        if (!expectedAccept.equals(header(lines, "sec-websocket-accept"))) {
            throw new WebSocketHandshakeException("handshake answered without the Sec-WebSocket-Accept for our key");
        }
        timeout.cancel(false);
        // What follows the head in this read is frames: removing this decoder hands them on.
        ctx.pipeline().addAfter(ctx.name(), "frames-in", new ServerFrameDecoder(listener, MAX_PAYLOAD))
                .addAfter(ctx.name(), "frames-out", new WebSocket13FrameEncoder(true))
                .remove(this);
    }

    /** The value of header {@code name} (lower case) among the head's lines, or {@code null}. */
    private static String header(String[] lines, String name) {
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0 && lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(name)) {
                return lines[i].substring(colon + 1).trim();
            }
        }
        return null;
    }

    /** The index of the blank line that ends the response head, or -1 if it hasn't arrived. */
    private static int endOfHead(ByteBuf in) {
        for (int i = in.readerIndex(); i + END_OF_HEAD.length <= in.writerIndex(); i++) {
            if (in.getByte(i) == '\r' && in.getByte(i + 1) == '\n' && in.getByte(i + 2) == '\r' && in.getByte(i + 3) == '\n') {
                return i;
            }
        }
        return -1;
    }

    @Override
    public void handlerRemoved0(ChannelHandlerContext ctx) {
        if (timeout != null) {
            timeout.cancel(false);
        }
    }
}
