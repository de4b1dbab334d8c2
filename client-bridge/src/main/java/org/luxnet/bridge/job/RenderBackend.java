package org.luxnet.bridge.job;

/**
 * What renders on a server: turns a scene bundle and a job spec into a running {@link RenderJob}.
 * The protocol knows nothing else of rendering, so it can be tested with a fake backend and the
 * renderer without a socket. luxconsole implements it with the scene parser (reading only from the
 * bundle), the compiler and a render session.
 */
public interface RenderBackend {

    /**
     * Parses and compiles the scene and starts rendering it with the spec's seed, node index and
     * pass budget; returns once samples are being rendered. Called on a server worker thread, never
     * on a network thread, one job at a time.
     *
     * @throws JobException with code SCENE when the scene is malformed or reads a file that is not in
     *     the bundle; its message goes to the client
     */
    RenderJob start(SceneBundle scene, JobSpec spec) throws JobException;
}
