package org.luxnet.scene.parse;

import java.util.Map;
import org.luxnet.scene.desc.Dialect;

/**
 * Statements LuxNet knows but does not honour (LuxRender's region volumes, light groups, renderer and
 * accelerator choice, pbrt-v4 options ...). Their arguments are skipped, each kind gets one warning
 * at its first file:line with the number of uses, and parsing continues: the scene renders without
 * that feature. Each also counts as evidence for the dialect that has it.
 */
final class UnsupportedStatements {
    private UnsupportedStatements() {
    }

    static void register(Map<String, StatementHandler> table) {
        lux(table, "LightGroup", "all lights are rendered into one image");
        lux(table, "Renderer", "LuxNet always uses its own progressive path tracer");
        lux(table, "Volume", "region volumes are not rendered; volumes bounded by shapes (MakeNamedVolume, Interior,"
                + " Exterior) are");
        lux(table, "PortalInstance", "light portals are not used for sampling");
        lux(table, "PortalShape", "light portals are not used for sampling");
        lux(table, "SearchPath", "file paths are resolved against the including file");
        pbrt(table, "Option", "pbrt-v4 rendering options do not apply");
        pbrt(table, "ColorSpace", "colours are read as linear sRGB");
        pbrt(table, "Attribute", "pbrt-v4 default parameters are not applied");
        table.put("Accelerator", ignored("LuxNet builds its own BVH", null));
    }

    private static void lux(Map<String, StatementHandler> table, String name, String why) {
        table.put(name, ignored(why, Dialect.LUXRENDER));
    }

    private static void pbrt(Map<String, StatementHandler> table, String name, String why) {
        table.put(name, ignored(why, Dialect.PBRT));
    }

    /** A handler that skips the arguments and warns; {@code dialect} null when both dialects have it. */
    private static StatementHandler ignored(String why, Dialect dialect) {
        return (st, kw) -> {
            StatementArgs.skip(st.tokens());
            if (dialect == Dialect.LUXRENDER) {
                st.dialect.luxRender();
            } else if (dialect == Dialect.PBRT) {
                st.dialect.pbrt();
            }
            st.warnOnce(kw, kw.text() + " is not supported and was ignored (" + why + ")");
        };
    }
}
