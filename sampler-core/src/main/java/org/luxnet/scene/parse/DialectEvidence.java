package org.luxnet.scene.parse;

import org.luxnet.scene.desc.Dialect;

/**
 * What the statements read so far say about the scene's language. Both dialects parse the same way;
 * the verdict only picks defaults for options the scene does not write (film, filter).
 *
 * <p>Rule: a pbrt-only spelling ({@code Integrator}, {@code rgb}/{@code spectrum}/{@code blackbody}
 * parameters, {@code Film "image"}, {@code AreaLightSource "diffuse"}, media and other pbrt-only
 * statements) makes it pbrt. {@code MakeNamedMaterial ... "string type"} counts for pbrt only when
 * nothing LuxRender-only appears, because LuxRender 0.8 and later write that form too.
 */
final class DialectEvidence {
    private boolean pbrtOnly;
    private boolean luxRenderOnly;
    private boolean namedMaterialType;

    /** A spelling only pbrt uses. */
    void pbrt() {
        pbrtOnly = true;
    }

    /** A spelling only LuxRender uses ({@code SurfaceIntegrator}, {@code Film "fleximage"} ...). */
    void luxRender() {
        luxRenderOnly = true;
    }

    /** A {@code MakeNamedMaterial} with a {@code "string type"} parameter. */
    void namedMaterialType() {
        namedMaterialType = true;
    }

    /** Notes a parameter type word; pbrt-v3/v4 spellings LuxRender does not know count for pbrt. */
    void parameterType(String word) {
        switch (word) {
            case "rgb": case "spectrum": case "blackbody": case "point2": case "vector2":
            case "point3": case "normal3": case "vector3":
                pbrtOnly = true;
                break;
            default:
                break;
        }
    }

    Dialect decide() {
        if (pbrtOnly || (namedMaterialType && !luxRenderOnly)) {
            return Dialect.PBRT;
        }
        return Dialect.LUXRENDER;
    }
}
