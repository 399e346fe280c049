package io.aistats.video.internal.stream;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;

import java.io.ByteArrayOutputStream;

/**
 * Keeps a copy of the body of a refused WebSocket upgrade (401, 404, ...). Netty's handshake exception carries the
 * status and headers only and the body is released right after, yet the gateway's error code and reason are in the
 * body. Removes itself once the upgrade response has passed.
 */
final class HandshakeResponseCapture extends ChannelInboundHandlerAdapter {

    /** Name of the handler in the channel pipeline. */
    static final String NAME = "aiStatsHandshakeResponseCapture";

    private static final int SWITCHING_PROTOCOLS = 101;

    private final int limit;

    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    private int status = -1;

    /**
     * @param limit the largest part of a body kept
     */
    HandshakeResponseCapture(int limit) {
        this.limit = limit;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        boolean last = record(msg);
        // copied before passing the message on: the handshake code releases the body
        ctx.fireChannelRead(msg);
        if (last && ctx.pipeline().context(this) != null) {
            ctx.pipeline().remove(this);
        }
    }

    private synchronized boolean record(Object msg) {
        if (msg instanceof HttpResponse response) {
            this.status = response.status().code();
        }
        if (this.status == SWITCHING_PROTOCOLS) {
            return true;
        }
        if (msg instanceof HttpContent content) {
            ByteBuf buffer = content.content();
            int room = this.limit - this.body.size();
            int length = Math.min(room, buffer.readableBytes());
            if (length > 0) {
                byte[] bytes = new byte[length];
                buffer.getBytes(buffer.readerIndex(), bytes);
                this.body.write(bytes, 0, length);
            }
        }
        return msg instanceof LastHttpContent;
    }

    /**
     * @return the body of a refused upgrade as far as it arrived, empty when there was none
     */
    synchronized byte[] body() {
        return this.body.toByteArray();
    }
}
