package org.luxnet.scene.parse;

import java.util.Map;

/**
 * pbrt-v4's {@code Import "file"}: reads another scene file in place, like {@code Include} (which
 * {@link TokenStream} takes wherever it appears); Import's difference, that only named definitions may
 * cross the boundary, is a parallelism aid that does not change a valid scene.
 */
final class IncludeStatement {
    private IncludeStatement() {
    }

    static void register(Map<String, StatementHandler> table) {
        table.put("Import", (st, kw) -> {
            st.dialect.pbrt();
            include(st, kw);
        });
    }

    private static void include(ParseState st, Token kw) {
        String path = StatementArgs.string(st.tokens(), kw, "the file to include");
        SceneResources.Resource r = st.open(path, kw.text() + " file", kw.loc());
        st.pushFile(r, kw.loc());
    }
}
