package org.luxnet.scene.compile;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import org.luxnet.render.transport.PathSettings;
import org.luxnet.scene.SceneException;
import org.luxnet.scene.SceneWarning;
import org.luxnet.scene.compiled.RenderSettings;
import org.luxnet.scene.compiled.RenderSettings.FilterSpec;
import org.luxnet.scene.compiled.RenderSettings.SamplerKind;
import org.luxnet.scene.compiled.RenderSettings.ToneSpec;
import org.luxnet.scene.desc.Dialect;
import org.luxnet.scene.desc.EntityDesc;
import org.luxnet.scene.desc.ParamSet;
import org.luxnet.scene.desc.SceneDescription;

/**
 * Reads the render options of a scene (Film, Sampler, SurfaceIntegrator/Integrator, PixelFilter)
 * into {@link RenderSettings}, with each renderer's defaults for its own dialect.
 */
final class SettingsCompiler {
    private static final Set<String> FILTERS = org.luxnet.accumulator.filter.PixelFilters.names();
    /** Samplers that are rendered with our Owen-scrambled Sobol numbers without comment. */
    private static final Set<String> LOW_DISCREPANCY = Set.of("lowdiscrepancy", "sobol", "zsobol", "paddedsobol",
            "halton", "stratified", "02sequence", "lowdiscrepancy02", "maxmindist", "pmj02bn");

    /**
     * Longest path rendered. With no bound a camera inside a closed mirror never finishes a sample;
     * 0.99^1024 = 3.4e-5, so deeper bounces change no pixel visibly, and the worst sample costs at
     * most 1024 bounces, about a millisecond.
     */
    static final int MAX_DEPTH = 1024;
    /** Samplers of the family ours is (Sobol, LuxRender's low-discrepancy): no substitution to report. */
    private static final Set<String> SAME_SAMPLER = Set.of("lowdiscrepancy", "sobol");

    /** pbrt-v3's samplers that take a power of two samples per pixel. */
    private static final Set<String> POWER_OF_TWO = Set.of("sobol", "lowdiscrepancy", "02sequence", "maxmindist");

    private SettingsCompiler() {
    }

    static RenderSettings compile(SceneDescription d, int scaleBits, List<SceneWarning> warnings) {
        boolean pbrt = d.dialect() == Dialect.PBRT;
        ParamSet film = d.film().params();
        int fw = film.getInt("xresolution", pbrt ? 640 : 800);
        int fh = film.getInt("yresolution", pbrt ? 480 : 600);
        if (fw <= 0 || fh <= 0 || (long) fw * fh > 1L << 28) {
            throw new SceneException(d.film().loc(), "film resolution " + fw + "x" + fh + " is out of range (1 to 268 million pixels)");
        }
        // A crop window renders and writes only its pixels (the camera keeps the full frame).
        var frame = FilmFrames.of(d.film(), pbrt);
        int w = frame.width();
        int h = frame.height();
        FilmMemory.check(w, h, Runtime.getRuntime().maxMemory(), d.film().loc());
        String filename = film.getString("filename", pbrt ? "pbrt.exr" : "luxout");
        String base = filename;
        String ext = "";
        int dot = filename.lastIndexOf('.');
        int slash = Math.max(filename.lastIndexOf('/'), filename.lastIndexOf('\\'));
        if (dot > slash + 1) {
            base = filename.substring(0, dot);
            ext = filename.substring(dot + 1).toLowerCase(Locale.ROOT);
        }
        boolean png = film.getBool("write_png", true);
        boolean exr = film.getBool("write_exr", ext.equals("exr"));
        boolean pfm = film.getBool("write_pfm", ext.equals("pfm"));
        boolean flm = film.getBool("write_resume_flm", false);
        int haltSpp = film.getInt("haltspp", 0);
        double haltTime = film.getFloat("halttime", 0);
        double writeInterval = film.getFloat("writeinterval", 60);
        film.get("displayinterval");
        if (pbrt) {
            // pbrt-v3's CreateFilm reads the physical "diagonal" (mm) of every film; the realistic camera uses it.
            film.get("diagonal");
        }

        // pbrt-v3 Film "maxsampleluminance" (film.cpp CreateFilm: default infinity; FilmTile::AddSample scales a
        // sample down to it).
        float maxSampleLuminance = Float.POSITIVE_INFINITY;
        if (pbrt && film.has("maxsampleluminance")) {
            maxSampleLuminance = (float) film.getFloat("maxsampleluminance", Double.POSITIVE_INFINITY);
            if (!(maxSampleLuminance > 0)) {
                throw new SceneException(film.get("maxsampleluminance").loc(), "maxsampleluminance must be positive, got "
                        + maxSampleLuminance);
            }
        }
        ToneSpec tone = FilmToneCompiler.compile(d.film(), pbrt, warnings);
        warnings.addAll(film.unused("Film \"" + d.film().type() + "\""));

        // Sampler.
        EntityDesc sd = d.sampler();
        ParamSet sp = sd.params();
        SamplerKind kind;
        if (sd.type().equals("random") || sd.type().equals("independent")) {
            kind = SamplerKind.INDEPENDENT;
        } else {
            kind = SamplerKind.LOW_DISCREPANCY;
            if (!LOW_DISCREPANCY.contains(sd.type())) {
                warnings.add(new SceneWarning(sd.loc(), "sampler \"" + sd.type()
                        + "\" is not supported; Owen-scrambled Sobol (lowdiscrepancy) used"));
            } else if (!SAME_SAMPLER.contains(sd.type())) {
                // Other stratified samplers are substituted too, and the scene is told so.
                warnings.add(new SceneWarning(sd.loc(), "sampler \"" + sd.type() + "\" is replaced by LuxNet's Owen-scrambled"
                        + " Sobol sampler (the image converges to the same result; its noise differs)"));
            }
        }
        // pbrt-v3: 16 per pixel by default, the random sampler's 4 (CreateRandomSampler); its sobol, 02sequence
        // and maxmindist samplers round a count up to a power of two (sobol.h, zerotwosequence.cpp, maxmin.cpp).
        int pixelSamples = sp.getInt("pixelsamples", pbrt ? (sd.type().equals("random") ? 4 : 16) : 4);
        if (pbrt && POWER_OF_TWO.contains(sd.type()) && pixelSamples > 0 && Integer.bitCount(pixelSamples) != 1) {
            pixelSamples = Integer.highestOneBit(pixelSamples) << 1;
        }
        if (pbrt && sd.type().equals("stratified")) {
            // pbrt-v3 CreateStratifiedSampler: xsamples x ysamples (4 x 4) per pixel, "pixelsamples" unused;
            // "dimensions" only sizes its sample arrays.
            pixelSamples = Math.max(1, sp.getInt("xsamples", 4)) * Math.max(1, sp.getInt("ysamples", 4));
            sp.get("dimensions");
            if (!sp.getBool("jitter", true)) {
                warnings.add(new SceneWarning(sp.get("jitter").loc(), "stratified \"jitter\" false (samples at the"
                        + " strata's centres) is not supported; jittered samples are taken"));
            }
        }
        if (pbrt && haltSpp == 0) {
            // pbrt renders exactly pixelsamples per pixel.
            haltSpp = pixelSamples;
        }
        sp.get("pixelsampler");
        sp.get("noiseaware");
        sp.get("seed");
        warnings.addAll(sp.unused("Sampler \"" + sd.type() + "\""));

        // Integrator.
        EntityDesc id = d.integrator();
        ParamSet ip = id.params();
        // pbrt-v3's volpath is its path integrator with media, which this path tracer renders. Direct lighting
        // (pbrt-v3's directlighting and whitted, LuxRender's directlighting) is the same transport with paths
        // continued by specular bounces only (PathSettings#directLighting).
        boolean direct = id.type().equals("directlighting") || (pbrt && id.type().equals("whitted"));
        if (!direct && !id.type().equals("path") && !(pbrt && id.type().equals("volpath"))) {
            warnings.add(new SceneWarning(id.loc(), "surface integrator \"" + id.type() + "\" is not supported; path used"));
        }
        int maxDepth = ip.getInt("maxdepth", pbrt || direct ? 5 : 16);
        // pbrt-v3's directlighting/whitted and its "all" or "one" light strategy converge to the same image.
        ip.get("strategy");
        String rr = ip.getString("rrstrategy", "efficiency");
        PathSettings.Roulette roulette;
        switch (rr) {
            case "efficiency": roulette = PathSettings.Roulette.EFFICIENCY; break;
            case "probability": roulette = PathSettings.Roulette.PROBABILITY; break;
            case "none": roulette = PathSettings.Roulette.NONE; break;
            default:
                throw new SceneException(ip.get("rrstrategy").loc(), "rrstrategy \"" + rr
                        + "\" is not one of efficiency, probability, none");
        }
        float rrProb = (float) ip.getFloat("rrcontinueprob", 0.65);
        if (!(rrProb > 0 && rrProb <= 1)) {
            throw new SceneException(ip.get("rrcontinueprob").loc(), "rrcontinueprob must be in (0, 1], got " + rrProb);
        }
        if (maxDepth < 0) {
            throw new SceneException(ip.get("maxdepth").loc(), "maxdepth must be >= 0, got " + maxDepth);
        }
        if (maxDepth > MAX_DEPTH) {
            warnings.add(new SceneWarning(ip.get("maxdepth").loc(), "maxdepth " + maxDepth + " is capped at " + MAX_DEPTH
                    + " (what is left after 1024 bounces is below 1e-4 for any surface reflecting at most 99%)"));
            maxDepth = MAX_DEPTH;
        }
        // Light strategies all converge to the same image; ours picks one light by power.
        ip.get("lightstrategy");
        ip.get("lightsamplestrategy");
        // "includeenvironment" false hides the lights at infinity from camera rays (SceneCompiler).
        ip.getBool("includeenvironment", true);
        ip.get("directlightsampling");
        ip.get("rrthreshold");
        warnings.addAll(ip.unused("SurfaceIntegrator \"" + id.type() + "\""));
        if (direct && !pbrt && maxDepth < MAX_DEPTH) {
            // LuxRender's directlighting.cpp traces specular rays while rayDepth < maxdepth, pbrt-v3's while
            // depth + 1 < maxdepth: LuxRender's maxdepth lights one vertex more.
            maxDepth++;
        }
        PathSettings path = new PathSettings(maxDepth, roulette, 4, rrProb, direct, maxSampleLuminance);

        // Filter.
        EntityDesc fd = d.pixelFilter();
        ParamSet fp = fd.params();
        String fname = fd.type();
        if (!FILTERS.contains(fname)) {
            warnings.add(new SceneWarning(fd.loc(), "pixel filter \"" + fname + "\" is not supported; mitchell used (supported: "
                    + String.join(", ", sorted(FILTERS)) + ")"));
            fname = "mitchell";
        }
        Map<String, Double> filterParams = new HashMap<>();
        for (String name : List.of("xwidth", "ywidth", "alpha", "B", "C", "tau")) {
            copy(fp, name, name, filterParams);
        }
        for (String name : List.of("xwidth", "ywidth")) {
            Double v = filterParams.get(name);
            if (v != null && !(v > 0)) {
                throw new SceneException(fp.get(name).loc(), "pixel filter " + name + " must be positive, got " + v);
            }
        }
        FilterSpec filter = new FilterSpec(fname, filterParams);
        try {
            org.luxnet.accumulator.filter.PixelFilters.create(fname,
                    new org.luxnet.accumulator.filter.FilterParams(Map.copyOf(filterParams)));
        } catch (IllegalArgumentException e) {
            throw new SceneException(fd.loc(), "PixelFilter: " + e.getMessage());
        }
        fp.get("supersample");
        warnings.addAll(fp.unused("PixelFilter \"" + fd.type() + "\""));

        return new RenderSettings(w, h, kind, path, filter, Math.max(0, haltSpp), Math.max(0, haltTime), base, png, exr,
                pfm, flm, tone, writeInterval, scaleBits, d.dialect());
    }

    private static void copy(ParamSet ps, String from, String to, Map<String, Double> out) {
        if (ps.has(from)) {
            out.put(to, ps.getFloat(from, 0));
        }
    }

    private static List<String> sorted(Set<String> s) {
        return s.stream().sorted().toList();
    }
}
