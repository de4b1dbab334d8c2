package org.luxnet.scene.desc;

import org.luxnet.scene.FileLoc;

/**
 * A scene-wide option statement with a type name and parameters: {@code Film}, {@code Sampler},
 * {@code SurfaceIntegrator}/{@code Integrator}, {@code PixelFilter}.
 */
public record EntityDesc(String type, ParamSet params, FileLoc loc) {
    /** The statement's default when the scene does not write it. */
    public static EntityDesc absent(String type) {
        return new EntityDesc(type, new ParamSet(), FileLoc.NONE);
    }
}
