package io.herald.bench;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads the WebSocket frames a server sends (RFC 6455: never masked) straight off the socket's bytes
 * and hands each text message to a {@link Listener} as a range of the read buffer, without a frame
 * object, a String or a UTF-8 check per message: a worker receives hundreds of thousands a second.
 * Frames split across reads wait in {@link ByteToMessageDecoder}'s cumulation; a read holding several
 * frames is read to its end. Pings are answered with pongs; fragmented messages are reassembled.
 */
final class ServerFrameDecoder extends ByteToMessageDecoder {

    /** What the connection does with the messages it receives. */
    interface Listener {

        /** A complete text message: {@code length} bytes of {@code frame} from {@code index}, valid during the call. */
        void onText(ByteBuf frame, int index, int length);

        /** The server's close frame; no more frames are read after it. */
        void onClose(int code, String reason);
    }

    private static final int OP_CONTINUATION = 0x0;
    private static final int OP_TEXT = 0x1;
    private static final int OP_BINARY = 0x2;
    private static final int OP_CLOSE = 0x8;
    private static final int OP_PING = 0x9;
    private static final int NO_STATUS = 1005;

    private final Listener listener;
    private final int maxPayload;
    /** The parts of a fragmented message so far, or {@code null} between messages. */
    private ByteBuf fragments;
    private int fragmentsOpcode;
    private boolean closed;

    ServerFrameDecoder(Listener listener, int maxPayload) {
        this.listener = listener;
        this.maxPayload = maxPayload;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (!closed && in.isReadable(2)) {
            int start = in.readerIndex();
            int b0 = in.getUnsignedByte(start);
            int b1 = in.getUnsignedByte(start + 1);
            if ((b1 & 0x80) != 0) {
                throw new CorruptedFrameException("the server sent a masked frame");
            }
            int header = 2;
            long length = b1 & 0x7f;
            if (length == 126) {
                if (!in.isReadable(4)) {
                    return;
                }
                length = in.getUnsignedShort(start + 2);
                header = 4;
            } else if (length == 127) {
                if (!in.isReadable(10)) {
                    return;
                }
                length = in.getLong(start + 2);
                header = 10;
            }
            if (length < 0 || length > maxPayload) {
                throw new TooLongFrameException("frame of " + length + " bytes, more than " + maxPayload);
            }
            if (in.readableBytes() < header + length) {
                return; // the rest comes with a later read
            }
            int payload = start + header;
            frame(ctx, (b0 & 0x80) != 0, b0 & 0x0f, in, payload, (int) length);
            in.readerIndex(payload + (int) length);
        }
        if (closed) {
            in.skipBytes(in.readableBytes());
        }
    }

    /**
     * Ends the read here: nothing after this handler needs to hear of it, and with a thousand
     * connections every pipeline hop per read is a cache miss.
     */
    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        discardSomeReadBytes();
    }

    private void frame(ChannelHandlerContext ctx, boolean fin, int opcode, ByteBuf in, int index, int length) {
        switch (opcode) {
            case OP_TEXT, OP_BINARY -> {
                if (fin) {
                    message(opcode, in, index, length);
                } else {
                    fragments = ctx.alloc().heapBuffer(Math.max(256, 2 * length)).writeBytes(in, index, length);
                    fragmentsOpcode = opcode;
                }
            }
            case OP_CONTINUATION -> {
                if (fragments == null) {
                    throw new CorruptedFrameException("continuation frame without a message to continue");
                }
                if (fragments.readableBytes() + length > maxPayload) {
                    throw new TooLongFrameException("fragmented message of more than " + maxPayload + " bytes");
                }
                fragments.writeBytes(in, index, length);
                if (fin) {
                    try {
                        message(fragmentsOpcode, fragments, fragments.readerIndex(), fragments.readableBytes());
                    } finally {
                        releaseFragments();
                    }
                }
            }
            case OP_CLOSE -> {
                closed = true;
                int code = length >= 2 ? in.getUnsignedShort(index) : NO_STATUS;
                String reason = length > 2 ? in.toString(index + 2, length - 2, StandardCharsets.UTF_8) : "";
                listener.onClose(code, reason);
            }
            case OP_PING -> ctx.channel().writeAndFlush(new PongWebSocketFrame(in.retainedSlice(index, length)));
            default -> { } // pong, or reserved opcodes a server has no reason to send
        }
    }

    private void message(int opcode, ByteBuf buf, int index, int length) {
        if (opcode == OP_TEXT) {
            listener.onText(buf, index, length);
        }
    }

    private void releaseFragments() {
        if (fragments != null) {
            fragments.release();
            fragments = null;
        }
    }

    @Override
    protected void handlerRemoved0(ChannelHandlerContext ctx) {
        releaseFragments();
    }
}
