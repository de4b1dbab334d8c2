package org.luxnet.render.transport;

import static org.luxnet.scene.compiled.TextureLayout.BL_BLEND;
import static org.luxnet.scene.compiled.TextureLayout.BL_CLOUDS;
import static org.luxnet.scene.compiled.TextureLayout.BL_DISTNOISE;
import static org.luxnet.scene.compiled.TextureLayout.BL_MAGIC;
import static org.luxnet.scene.compiled.TextureLayout.BL_MARBLE;
import static org.luxnet.scene.compiled.TextureLayout.BL_MUSGRAVE;
import static org.luxnet.scene.compiled.TextureLayout.BL_NOISE;
import static org.luxnet.scene.compiled.TextureLayout.BL_STUCCI;
import static org.luxnet.scene.compiled.TextureLayout.BL_VORONOI;
import static org.luxnet.scene.compiled.TextureLayout.BL_WOOD;

/**
 * LuxRender 1.x's Blender textures (LuxRender/Lux textures/blender_texlib.cpp, multitex and the
 * texture functions it calls): the intensity f that BlenderTexture3D::GetF (textures/blender_base.h)
 * returns at a texture-space point, BRICONT applied where the function applies it; for a colour result
 * (clouds "color", magic, voronoi with a coltype) BRICONTRGB and then min(0.35 r + 0.45 g + 0.2 b, 1).
 * The node's parameters arrive as scalars (see {@link org.luxnet.scene.compiled.TextureLayout#BLENDER}).
 * Call depths matter to Aparapi's function order (see {@link SampleKernel}): the texture functions are
 * called from {@link #blenderValue} only, BLI_gNoise and BLI_gTurbulence from it or them, the noise
 * bases from those, and Voronoi is a leaf.
 */
abstract class BlenderTextureKernel extends BlenderNoiseKernel {
    private static final float TWO_PI = (float) (2 * Math.PI);

    /** BRICONT: (t - 0.5) contrast + bright - 0.5, clamped to [0, 1]. */
    float blBricont(float t, float bright, float contrast) {
        return min(1f, max(0f, (t - 0.5f) * contrast + bright - 0.5f));
    }

    /** BRICONTRGB (each channel clamped below at 0 only), then GetF's intensity of the colour. */
    float blBricontRgb(float r, float g, float b, float bright, float contrast) {
        float cr = max(0f, (r - 0.5f) * contrast + bright - 0.5f);
        float cg = max(0f, (g - 0.5f) * contrast + bright - 0.5f);
        float cb = max(0f, (b - 0.5f) * contrast + bright - 0.5f);
        return min(0.35f * cr + 0.45f * cg + 0.2f * cb, 1f);
    }

    /** tex_sin, tex_saw, tex_tri (waveform 0, 1, 2; anything else is sin, as wood_int and marble_int check). */
    float blWave(int form, float a) {
        float w = 0.5f + 0.5f * sin(a);
        if (form == 1) {
            int n = (int) (a / TWO_PI);
            a -= n * TWO_PI;
            if (a < 0) {
                a += TWO_PI;
            }
            w = a / TWO_PI;
        } else if (form == 2) {
            float s = a * (1f / TWO_PI);
            w = 1 - 2 * abs(floor(s + 0.5f) - s);
        }
        return w;
    }

    /**
     * GetF of a Blender texture at texture-space point (x, y, z): parameters as {@link
     * org.luxnet.scene.compiled.TextureLayout}'s BL_ offsets 17..31 hold them.
     */
    float blenderValue(float kindF, float stypeF, float basisF, float basis2F, float size, float hardF, float depthF,
                       float turb, float bright, float contrast, float e0, float e1, float e2, float e3, float e4,
                       float x, float y, float z) {
        int kind = (int) kindF, stype = (int) stypeF, basis = (int) basisF, basis2 = (int) basis2F;
        int hard = (int) hardF, depth = (int) depthF;
        float f = 0f;
        if (kind == BL_CLOUDS) {
            f = blGTurbulence(size, x, y, z, depth, hard, basis);
            if (stype == 1) {
                float g = blGTurbulence(size, y, x, z, depth, hard, basis);
                float b = blGTurbulence(size, y, z, x, depth, hard, basis);
                f = blBricontRgb(f, g, b, bright, contrast);
            } else {
                f = blBricont(f, bright, contrast);
            }
        } else if (kind == BL_WOOD) {
            float wi = 0f;
            if (stype >= 2) {
                wi = turb * blGNoise(size, x, y, z, hard, basis);
            }
            f = blBricont(blWood(stype, basis2, x, y, z, wi), bright, contrast);
        } else if (kind == BL_MARBLE) {
            float mi = 5 * (x + y + z) + turb * blGTurbulence(size, x, y, z, depth, hard, basis);
            mi = blWave(basis2, mi);
            if (stype == 1) {
                mi = sqrt(mi);
            } else if (stype == 2) {
                mi = sqrt(sqrt(mi));
            }
            f = blBricont(mi, bright, contrast);
        } else if (kind == BL_MAGIC) {
            f = blMagic(x, y, z, depth, turb, bright, contrast);
        } else if (kind == BL_BLEND) {
            f = blBricont(blBlend(stype, basis2, x, y, z), bright, contrast);
        } else if (kind == BL_STUCCI) {
            // stucci: BLI_gNoise at p + (0, 0, ofs), ofs = turbulence / 200 (times b2^2 for the walls); no BRICONT.
            float b2 = blGNoise(size, x, y, z, hard, basis);
            float ofs = turb / 200;
            if (stype != 0) {
                ofs *= b2 * b2;
            }
            f = blGNoise(size, x, y, z + ofs, hard, basis);
            if (stype == 2) {
                f = 1f - f;
            }
            f = max(f, 0f);
        } else if (kind == BL_NOISE) {
            f = blBricont(blNoiseTexture(x, y, z, depth), bright, contrast);
        } else {
            // Musgrave, Voronoi and distorted noise work on p / noisesize (multitex's tmpvec).
            float s = 1f / size;
            x *= s;
            y *= s;
            z *= s;
            if (kind == BL_MUSGRAVE) {
                f = blBricont(turb * blMusgrave(stype, x, y, z, e0, e1, e2, e3, e4, basis), bright, contrast);
            } else if (kind == BL_VORONOI) {
                f = blVoronoiTexture(x, y, z, stype, basis2, turb, e0, e1, e2, e3, e4, bright, contrast);
            } else if (kind == BL_DISTNOISE) {
                f = blBricont(blVlNoise(x, y, z, e0, basis, basis2), bright, contrast);
            }
        }
        return f;
    }

    /**
     * wood_int: bands (x + y + z) 10 or rings |p| 20 through the waveform, plus wi (turbulence times
     * BLI_gNoise, which the caller computes for the noisy types).
     */
    private float blWood(int stype, int form, float x, float y, float z, float wi) {
        float a = (x + y + z) * 10 + wi;
        if (stype == 1 || stype == 3) {
            a = sqrt(x * x + y * y + z * z) * 20 + wi;
        }
        float w = 0f;
        if (stype >= 0 && stype <= 3) {
            w = blWave(form, a);
        }
        return w;
    }

    /** magic: nested sines and cosines, depth deep, as colour; turbulence / 5 the amplitude. */
    private float blMagic(float px, float py, float pz, int n, float turbul, float bright, float contrast) {
        float turb = turbul / 5;
        float x = sin((px + py + pz) * 5), y = cos((-px + py - pz) * 5), z = -cos((-px - py + pz) * 5);
        // Blender nests these ifs; each level's condition implies the ones before.
        if (n > 0) {
            x *= turb;
            y *= turb;
            z *= turb;
            y = -cos(x - y + z) * turb;
        }
        if (n > 1) {
            x = cos(x - y - z) * turb;
        }
        if (n > 2) {
            z = sin(-x - y - z) * turb;
        }
        if (n > 3) {
            x = -cos(-x + y - z) * turb;
        }
        if (n > 4) {
            y = -sin(-x + y + z) * turb;
        }
        if (n > 5) {
            y = -cos(-x + y + z) * turb;
        }
        if (n > 6) {
            x = cos(x + y + z) * turb;
        }
        if (n > 7) {
            z = sin(x + y - z) * turb;
        }
        if (n > 8) {
            x = -cos(-x - y + z) * turb;
        }
        if (n > 9) {
            y = -sin(x - y + z) * turb;
        }
        if (turb != 0) {
            turb *= 2;
            x /= turb;
            y /= turb;
            z /= turb;
        }
        return blBricontRgb(0.5f - x, 0.5f - y, 0.5f - z, bright, contrast);
    }

    /** blend: the progressions 0 lin, 1 quad, 2 ease, 3 diag, 4 sphere, 5 halo, 6 radial along x (y with flipxy). */
    private float blBlend(int stype, int flip, float px, float py, float pz) {
        float x = px, y = py;
        if (flip != 0) {
            x = py;
            y = px;
        }
        float t = (1 + x) / 2;
        // Flat ifs (Aparapi cannot fold this as an else-if chain); ease's clamp then smoothstep is Blender's 0 / 1 / 3t^2 - 2t^3.
        if (stype == 1) {
            t = max(t, 0f) * max(t, 0f);
        }
        if (stype == 2) {
            t = min(1f, max(0f, t));
            float t2 = t * t;
            t = 3 * t2 - 2 * t2 * t;
        }
        if (stype == 3) {
            t = (2 + x + y) / 4;
        }
        if (stype == 6) {
            t = atan2(y, x) / TWO_PI + 0.5f;
        }
        if (stype == 4 || stype == 5) {
            t = max(0f, 1 - sqrt(x * x + y * y + pz * pz));
        }
        if (stype == 5) {
            t *= t;
        }
        return t;
    }

    /**
     * texnoise: val / 3^(depth + 1) from the base-4 digits of a random integer. LuxRender draws it from
     * BLI_rand at every evaluation; here it is a 31-bit hash of the point's cell of side 1/4096 (cellNoiseU's), so
     * the render is repeatable (the compiler says so).
     */
    private float blNoiseTexture(float x, float y, float z, int depth) {
        int ran = blCellHash((int) floor(x * 4096), (int) floor(y * 4096), (int) floor(z * 4096)) >>> 1;
        int val = ran & 3;
        float div = 3f;
        for (int i = 0; i < depth; i++) {
            ran = ran >> 2;
            val *= ran & 3;
            div *= 3;
        }
        return val / div;
    }

    /**
     * voronoiTex: outscale / sum |w| times |w . (F1..F4)| under the metric, BRICONT; with a coltype the
     * weighted cell colours (scaled by the same factor, or for coltype 2 and 3 by min(10 (F2 - F1), 1)
     * times it or times the intensity), BRICONTRGB.
     */
    private float blVoronoiTexture(float x, float y, float z, int metric, int coltype, float outscale, float w1,
                                   float w2, float w3, float w4, float mexp, float bright, float contrast) {
        float sc = abs(w1) + abs(w2) + abs(w3) + abs(w4);
        if (sc != 0) {
            sc = outscale / sc;
        }
        float tin = sc * abs(blVoronoi(x, y, z, mexp, metric, 0, w1, w2, w3, w4));
        float f = blBricont(tin, bright, contrast);
        if (coltype != 0) {
            float r = blVoronoi(x, y, z, mexp, metric, 1, w1, w2, w3, w4);
            float g = blVoronoi(x, y, z, mexp, metric, 2, w1, w2, w3, w4);
            float b = blVoronoi(x, y, z, mexp, metric, 3, w1, w2, w3, w4);
            float t1 = sc;
            if (coltype >= 2) {
                t1 = min(1f, 10 * blVoronoi(x, y, z, mexp, metric, 0, -1f, 1f, 0f, 0f));
                if (coltype == 3) {
                    t1 *= tin;
                } else {
                    t1 *= sc;
                }
            }
            f = blBricontRgb(r * t1, g * t1, b * t1, bright, contrast);
        }
        return f;
    }
}
