package org.luxnet.scene.compile;

import java.util.stream.IntStream;
import org.luxnet.accumulator.image.RgbImage;

/**
 * A sky light's radiance as a function of direction in the light's own space (z up), baked into the
 * lat-long environment map that the environment-map light samples and looks up: LuxRender's
 * {@code "sky"} ({@link LuxSky}) and {@code "sky2"} ({@link LuxSky2}).
 */
interface BakedSky {
    /** Lat-long resolution of the baked map: 0.7 degree texels, enough for the models' smooth lobes. */
    int MAP_WIDTH = 512, MAP_HEIGHT = 256;

    /** Radiance (linear RGB, before gain) towards the unit light-space direction w. */
    float[] radiance(double wx, double wy, double wz);

    /**
     * The sky as a lat-long map in light space (row 0 at theta 0, s = phi / 2 pi), radiance at texel
     * centres. Rows are independent, so they are computed in parallel; each texel's value does not
     * depend on the order.
     */
    default RgbImage bake(int w, int h) {
        float[] rgb = new float[w * h * 3];
        IntStream.range(0, h).parallel().forEach(j -> {
            double theta = Math.PI * (j + 0.5) / h;
            for (int i = 0; i < w; i++) {
                double phi = 2 * Math.PI * (i + 0.5) / w;
                float[] l = radiance(Math.sin(theta) * Math.cos(phi), Math.sin(theta) * Math.sin(phi), Math.cos(theta));
                System.arraycopy(l, 0, rgb, 3 * (j * w + i), 3);
            }
        });
        return new RgbImage(w, h, rgb);
    }
}
