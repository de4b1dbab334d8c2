package org.luxnet.scene.compile;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.luxnet.accumulator.image.ImageFiles;
import org.luxnet.accumulator.image.RgbImage;
import org.luxnet.scene.FileLoc;
import org.luxnet.scene.SceneException;
import org.luxnet.scene.SceneWarning;
import org.luxnet.scene.compiled.TextureLayout;
import org.luxnet.scene.desc.Dialect;
import org.luxnet.scene.desc.ParamSet;
import org.luxnet.scene.desc.TextureDesc;

/**
 * The texels of a scene's image textures, decoded once per file, conversion (gamma, scale,
 * channel) and pyramid (wrap mode, MIP-mapped or not): rows flipped so that t = 0 is the image's
 * bottom (pbrt-v3 ImageTexture), final values, all images' levels in one array with {@link
 * TextureLayout#IMAGE_INFO} integers each (see there).
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
     * and reduced to one channel ("luminance", "mean", "red", "green", "blue"; "rgb" keeps all three);
     * with {@code mip}, pbrt-v3's pyramid under wrap mode {@code wrap} ({@link MipPyramid}).
     *
     * @throws SceneException when the file is not an image this renderer reads
     */
    int index(TextureDesc t, boolean srgb, float power, float scale, String channel, int wrap, boolean mip, int discard) {
        String key = t.file().name() + "|" + srgb + "|" + power + "|" + scale + "|" + channel + "|" + (mip ? wrap : -1)
                + "|" + discard;
        Integer index = images.get(key);
        if (index == null) {
            index = load(t, srgb, power, scale, channel, wrap, mip, discard);
            images.put(key, index);
        }
        return index;
    }

    /**
     * pbrt-v3 ImageTexture: texels of 8-bit PNG/TGA files go through the exact sRGB decoding ("bool
     * gamma", default true for .png and .tga only), then times "scale"; rows are flipped so that t = 0
     * is the image's bottom; a float texture is the luminance. LuxRender (textures/imagemap.cpp): texels
     * to the power "gamma" (default 1) times "gain", a float texture is the "channel" (default the
     * mean of R, G, B). Filters: pbrt-v3 "trilinear" (else EWA, with "maxanisotropy"), LuxRender
     * "filtertype" (bilinear, mipmap_trilinear, mipmap_ewa, nearest; LuxRender 1.x looks up without
     * differentials, so its mipmap filters read level 0 of the pyramid left after "discardmipmaps").
     */
    void imagemap(Dialect dialect, TextureDesc t, float[] params) {
        ParamSet ps = t.params();
        TextureMappings.mapping2d(t, params);
        if (t.file() == null) {
            throw new TextureCompiler.Unsupported(t.loc(), "imagemap texture \"" + t.name() + "\" names no \"filename\"");
        }
        String wrap = ps.getString("wrap", "repeat");
        params[TextureLayout.WRAP] = switch (wrap) {
            case "repeat" -> TextureLayout.WRAP_REPEAT;
            case "black" -> TextureLayout.WRAP_BLACK;
            case "clamp" -> TextureLayout.WRAP_CLAMP;
            case "white" -> TextureLayout.WRAP_WHITE;
            default -> throw new TextureCompiler.Unsupported(ps.get("wrap").loc(), "imagemap wrap \"" + wrap
                    + "\" is not known (known: black, clamp, repeat, white)");
        };
        String lower = t.file().name().toLowerCase(Locale.ROOT);
        boolean srgb = false;
        float power = 1;
        float scale;
        int filter;
        if (dialect == Dialect.PBRT) {
            scale = (float) ps.getFloat("scale", 1);
            srgb = ps.getBool("gamma", lower.endsWith(".png") || lower.endsWith(".tga"));
            filter = ps.getBool("trilinear", false) ? TextureLayout.FILTER_TRILINEAR : TextureLayout.FILTER_EWA;
        } else {
            scale = (float) ps.getFloat("gain", 1);
            power = (float) ps.getFloat("gamma", 1);
            String name = ps.getString("filtertype", "bilinear");
            filter = switch (name) {
                case "bilinear" -> TextureLayout.FILTER_BILINEAR;
                case "mipmap_trilinear" -> TextureLayout.FILTER_TRILINEAR;
                case "mipmap_ewa" -> TextureLayout.FILTER_EWA;
                case "nearest" -> TextureLayout.FILTER_NEAREST;
                default -> {
                    warnings.add(new SceneWarning(ps.get("filtertype").loc(), "imagemap \"" + t.name() + "\": filtertype \""
                            + name + "\" is not known (known: bilinear, mipmap_ewa, mipmap_trilinear, nearest);"
                            + " bilinear is used"));
                    yield TextureLayout.FILTER_BILINEAR;
                }
            };
        }
        params[TextureLayout.FILTER] = filter;
        params[TextureLayout.MAX_ANISOTROPY] = (float) ps.getFloat("maxanisotropy", 8);
        // pbrt-v3 always builds the pyramid; LuxRender only for its mipmap filters, whose first
        // "discardmipmaps" levels it drops (ImageTexture::GetTexture, MIPMapFastImpl::DiscardMipmaps).
        boolean mip = filter == TextureLayout.FILTER_TRILINEAR || filter == TextureLayout.FILTER_EWA;
        int discard = dialect == Dialect.PBRT ? 0 : Math.max(0, ps.getInt("discardmipmaps", 0));
        if (!mip) {
            discard = 0;
        }
        String channel = dialect == Dialect.PBRT ? "luminance" : ps.getString("channel", "mean");
        if (!t.valueType().equals("float") || t.textureClass().equals("normalmap")) {
            // A LuxRender normalmap is a float texture whose colour is the normal (textures/imagemap.cpp).
            channel = "rgb";
        }
        params[TextureLayout.IMAGE] = index(t, srgb, power, scale, channel, (int) params[TextureLayout.WRAP], mip, discard);
    }

    float[] texels() {
        return texels.toArray();
    }

    int[] info() {
        return imageInfo.toArray();
    }

    private int load(TextureDesc t, boolean srgb, float power, float scale, String channel, int wrap, boolean mip,
                     int discard) {
        RgbImage img;
        try {
            img = ImageFiles.decode(t.file().name(), t.file().bytes());
        } catch (IOException e) {
            throw new UnreadableImage(t.params().get("filename").loc(), "cannot read image texture '" + t.file().name()
                    + "': " + e.getMessage(), e);
        }
        int w = img.width(), h = img.height();
        float[] rgb = img.rgb();
        float[] level0 = new float[3 * w * h];
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
                System.arraycopy(v, 0, level0, 3 * (y * w + x), 3);
            }
        }
        MipPyramid p = mip ? MipPyramid.build(level0, w, h, wrap).discard(discard) : MipPyramid.single(level0, w, h);
        int[] info = new int[TextureLayout.IMAGE_INFO];
        info[TextureLayout.INFO_LEVELS] = p.levels.length;
        for (int l = 0; l < p.levels.length; l++) {
            int o = TextureLayout.INFO_LEVEL0 + 3 * l;
            info[o] = texels.size() / 3;
            info[o + 1] = p.widths[l];
            info[o + 2] = p.heights[l];
            for (float f : p.levels[l]) {
                texels.add(f);
            }
        }
        System.arraycopy(info, TextureLayout.INFO_LEVEL0, info, 0, 3);
        for (int i : info) {
            imageInfo.add(i);
        }
        return imageInfo.size() / TextureLayout.IMAGE_INFO - 1;
    }

    /** An image file whose bytes do not decode (the caller renders the texture as a constant, with a warning). */
    static final class UnreadableImage extends SceneException {
        private static final long serialVersionUID = 1L;
        final String reason;

        UnreadableImage(FileLoc loc, String reason, Throwable cause) {
            super(loc, reason, cause);
            this.reason = reason;
        }
    }

    /**
     * Appends raw values (a densitygrid's) to the texel pool, padded to whole RGB texels so that images
     * after them keep their texel numbering; returns the first value's index.
     */
    int rawValues(float[] values) {
        int at = texels.size();
        for (float f : values) {
            texels.add(f);
        }
        while (texels.size() % 3 != 0) {
            texels.add(0f);
        }
        return at;
    }
}
