package org.luxnet.bridge.protocol;

import io.netty.channel.ChannelPipeline;

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
        install(p, maxFrameBytes, maxFrameBytes);
    }

    /**
     * As {@link #install(ChannelPipeline, int)}, accepting frames of at most {@code handshakeFrameBytes}
     * until the {@link FrameGate} in the pipeline is opened (after authentication).
     */
    public static void install(ChannelPipeline p, int handshakeFrameBytes, int maxFrameBytes) {
        p.addLast(FRAMES, new FrameGate(handshakeFrameBytes, maxFrameBytes));
        p.addLast(DECODER, new MessageDecoder());
        p.addLast(ENCODER, ENCODER_INSTANCE);
    }
}
