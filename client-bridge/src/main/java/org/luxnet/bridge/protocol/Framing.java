package org.luxnet.bridge.protocol;

import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;

/** Installs the codec part of the pipeline, the same on both sides. */
public final class Framing {
    /** Name of the frame decoder in the pipeline. */
    public static final String FRAMES = "frames", DECODER = "decoder", ENCODER = "encoder";
    private static final MessageEncoder ENCODER_INSTANCE = new MessageEncoder();

    private Framing() {
    }

    /**
     * Adds the frame decoder (4-byte length, at most {@code maxFrameBytes}, failing at once on a
     * longer length rather than after reading it), the message decoder and the message encoder.
     */
    public static void install(ChannelPipeline p, int maxFrameBytes) {
        p.addLast(FRAMES, new LengthFieldBasedFrameDecoder(maxFrameBytes, 0, 4, 0, 4, true));
        p.addLast(DECODER, new MessageDecoder());
        p.addLast(ENCODER, ENCODER_INSTANCE);
    }
}
