package org.luxnet.monitor;

import java.util.Set;
import org.luxnet.accumulator.image.PngWriter;
import org.luxnet.accumulator.tonemap.DisplayEncoding;
import org.luxnet.accumulator.tonemap.ToneMapParams;
import org.luxnet.accumulator.tonemap.ToneMapper;
import org.luxnet.accumulator.tonemap.ToneMappers;

/**
 * {@code GET /api/image.png}: the film as a PNG, tonemapped from a snapshot of its linear RGB. By
 * default it looks like the render's own PNG; the query may pick another {@code kernel} (LuxRender's
 * names, with their defaults), an {@code exposure} in stops (the tonemapped image is scaled by
 * 2^stops before display encoding, so it brightens even with adaptive kernels) and a display {@code
 * gamma} (a number, or {@code srgb}). Nothing here touches the render's own output settings. The
 * last PNG is kept for its film revision (sample count) and settings, so several viewers cost one
 * encoding. Thread-safe.
 */
final class PreviewImages {
    /** The kernel name that means "the render's own tonemapping". */
    static final String SCENE = "scene";
    private static final Set<String> PARAMS = Set.of("kernel", "exposure", "gamma");

    private final RenderControls controls;
    private String cachedKey;
    private byte[] cachedPng;

    PreviewImages(RenderControls controls) {
        this.controls = controls;
    }

    /** The PNG response for request {@code r}, with the film's sample count in {@code X-Film-Samples}. */
    ApiResponse png(ApiRequest r) throws ApiException {
        r.allowQuery(PARAMS);
        String kernel = r.query().getOrDefault("kernel", SCENE);
        ToneMapper mapper;
        if (kernel.equals(SCENE)) {
            mapper = controls.toneMapper();
        } else if (ToneMappers.names().contains(kernel)) {
            mapper = ToneMappers.create(kernel, ToneMapParams.defaults());
        } else {
            throw new ApiException(400, "unknown tonemap kernel '" + kernel + "'; expected " + SCENE + ", "
                    + String.join(", ", ToneMappers.names()));
        }
        double stops = r.queryNumber("exposure", -16, 16, 0);
        String g = r.query().get("gamma");
        DisplayEncoding enc = g == null ? controls.encoding() : g.equals("srgb") ? DisplayEncoding.srgb()
                : DisplayEncoding.gamma(r.queryNumber("gamma", 0.1, 10, ToneMappers.DEFAULT_GAMMA));
        // The sample count only grows as samples arrive, so it names the film's revision.
        long samples = controls.status().samples();
        String key = samples + "|" + kernel + "|" + stops + "|" + enc;
        byte[] png;
        synchronized (this) {
            png = key.equals(cachedKey) ? cachedPng : null;
        }
        if (png == null) {
            png = render(mapper, stops, enc);
            synchronized (this) {
                cachedKey = key;
                cachedPng = png;
            }
        }
        return ApiResponse.of(200, "image/png", png).withHeader("X-Film-Samples", Long.toString(samples));
    }

    private byte[] render(ToneMapper mapper, double stops, DisplayEncoding enc) {
        int w = controls.width(), h = controls.height();
        float[] display = mapper.map(controls.snapshotRgb(), w, h);
        if (stops != 0) {
            float k = (float) Math.pow(2, stops);
            for (int i = 0; i < display.length; i++) {
                display[i] *= k;
            }
        }
        return PngWriter.encode(enc.toBytes(display), w, h);
    }
}
