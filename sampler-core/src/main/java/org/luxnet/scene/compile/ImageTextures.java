package org.luxnet.scene.compile;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.luxnet.accumulator.image.ImageFiles;
import org.luxnet.accumulator.image.RgbImage;
import org.luxnet.scene.SceneException;
import org.luxnet.scene.SceneWarning;
import org.luxnet.scene.compiled.TextureLayout;
import org.luxnet.scene.desc.TextureDesc;

/**
 * The texels of a scene's image textures, decoded once per file and conversion (gamma, scale,
 * channel): rows flipped so that t = 0 is the image's bottom (pbrt-v3 ImageTexture), final values,
 * all images in one array with {@link TextureLayout#IMAGE_INFO} integers each (first texel, width,
 * height).
 */
final class ImageTextures {
    private final List<SceneWarning> warnings;
    private final FloatList texels = new FloatList();
    private final IntList imageInfo = new IntList();
    private final Map<String, Integer> images = new HashMap<>();

    ImageTextures(List<SceneWarning> warnings) {
        this.warnings = warnings;
    }

    /**
     * The index of t's image with each channel sRGB-decoded (when srgb), raised to power, times scale,
     * and reduced to one channel ("luminance", "mean", "red", "green", "blue"; "rgb" keeps all three).
     *
     * @throws SceneException when the file is not an image this renderer reads
     */
    int index(TextureDesc t, boolean srgb, float power, float scale, String channel) {
        String key = t.file().name() + "|" + srgb + "|" + power + "|" + scale + "|" + channel;
        Integer index = images.get(key);
        if (index == null) {
            index = load(t, srgb, power, scale, channel);
            images.put(key, index);
        }
        return index;
    }

    float[] texels() {
        return texels.toArray();
    }

    int[] info() {
        return imageInfo.toArray();
    }

    private int load(TextureDesc t, boolean srgb, float power, float scale, String channel) {
        RgbImage img;
        try {
            img = ImageFiles.decode(t.file().name(), t.file().bytes());
        } catch (IOException e) {
            throw new SceneException(t.params().get("filename").loc(), "cannot read image texture '" + t.file().name()
                    + "': " + e.getMessage(), e);
        }
        int w = img.width(), h = img.height();
        if (Integer.bitCount(w) != 1 || Integer.bitCount(h) != 1) {
            warnings.add(new SceneWarning(t.loc(), "imagemap \"" + t.name() + "\": " + w + "x" + h
                    + " is not a power of two; pbrt-v3 would resample it, it is used as it is"));
        }
        float[] rgb = img.rgb();
        int first = texels.size() / 3;
        float[] v = new float[3];
        for (int y = 0; y < h; y++) {
            int row = h - 1 - y; // flipped: t = 0 is the bottom row
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < 3; c++) {
                    float f = rgb[3 * (row * w + x) + c];
                    if (srgb) {
                        f = f <= 0.04045f ? f / 12.92f : (float) Math.pow((f + 0.055) / 1.055, 2.4);
                    }
                    if (power != 1) {
                        f = (float) Math.pow(Math.max(0, f), power);
                    }
                    v[c] = f * scale;
                }
                float f = switch (channel) {
                    case "luminance" -> 0.212671f * v[0] + 0.715160f * v[1] + 0.072169f * v[2];
                    case "mean", "colored_mean" -> (v[0] + v[1] + v[2]) / 3;
                    case "red" -> v[0];
                    case "green" -> v[1];
                    case "blue" -> v[2];
                    default -> Float.NaN;
                };
                if (!Float.isNaN(f)) {
                    v[0] = f;
                    v[1] = f;
                    v[2] = f;
                }
                texels.add(v[0], v[1], v[2]);
            }
        }
        imageInfo.add(first);
        imageInfo.add(w);
        imageInfo.add(h);
        return imageInfo.size() / TextureLayout.IMAGE_INFO - 1;
    }
}
