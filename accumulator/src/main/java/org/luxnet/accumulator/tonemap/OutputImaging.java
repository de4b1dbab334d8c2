package org.luxnet.accumulator.tonemap;

/**
 * What each image file of a render holds, as the scene's renderer writes it.
 *
 * @param png the 8-bit image's display-linear RGB (tone mapped and limited)
 * @param encoding the 8-bit image's transfer curve and quantization
 * @param exr the OpenEXR file's linear RGB
 * @param pfm the PFM file's linear RGB
 * @param pngColorSpace the colour space LuxRender names in the PNG's cHRM chunk (with gAMA); null
 *     for pbrt, whose PNG has neither
 */
public record OutputImaging(ToneMapper png, DisplayEncoding encoding, ToneMapper exr, ToneMapper pfm,
                            ColorSpace pngColorSpace) {
    /** Checks that every part is there. */
    public OutputImaging {
        if (png == null || encoding == null || exr == null || pfm == null) {
            throw new IllegalArgumentException("every output needs its tone mapping");
        }
    }

    /**
     * pbrt-v3's outputs (Film::WriteImage, src/core/film.cpp): every pixel clamped at 0 and multiplied
     * by the film's {@code scale}, for every file; the PNG then sRGB-encoded, clamped and rounded.
     */
    public static OutputImaging pbrt(double scale) {
        ToneMapper s = new ScaleToneMapper(scale);
        return new OutputImaging(s, DisplayEncoding.srgb(), s, s, null);
    }

    /**
     * LuxRender's outputs (FlexImageFilm::WriteImage2): the PNG through the whole {@link LuxImaging}
     * pipeline and the film's gamma; the EXR tonemapped in the output colour space when {@code
     * exrTonemapped} ({@code write_exr_applyimaging}, default true), else only converted to that colour
     * space; the PFM, which LuxRender does not write, linear like the untonemapped EXR.
     */
    public static OutputImaging luxRender(ToneKernel kernel, double gamma, ColorSpace colorSpace, LdrClamp clamp,
                                          boolean exrTonemapped) {
        LuxImaging imaging = new LuxImaging(kernel, colorSpace, clamp);
        ToneMapper linear = LuxImaging.untonemapped(colorSpace);
        return new OutputImaging(imaging, DisplayEncoding.luxRender(gamma), exrTonemapped ? imaging.hdr() : linear, linear,
                colorSpace);
    }
}
