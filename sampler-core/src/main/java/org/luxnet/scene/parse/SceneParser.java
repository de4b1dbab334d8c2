package org.luxnet.scene.parse;

import java.nio.file.Path;
import org.luxnet.scene.FileLoc;
import org.luxnet.scene.SceneException;
import org.luxnet.scene.desc.Dialect;
import org.luxnet.scene.desc.SceneDescription;

/**
 * Reads a scene file in LuxRender (.lxs) or pbrt-v3 syntax into a {@link SceneDescription}.
 *
 * <p>Statements follow pbrt-v3's graphics-state rules: transforms compose as CTM = CTM * T, the CTM
 * at {@code Camera} is world-to-camera, {@code WorldBegin} resets it, {@code AttributeBegin/End}
 * save and restore transform, material, area light, orientation and named materials. Object
 * instances are expanded and {@code plymesh} shapes are read into triangle meshes, so the
 * description holds plain geometry. Statements LuxNet knows but does not support produce {@link
 * org.luxnet.scene.SceneWarning}s; anything malformed (syntax, types, unknown statements, statements
 * in the wrong block, missing files) is a {@link SceneException} naming file:line:column and what was
 * expected. Every file is read through {@link SceneResources}, never directly.
 */
public final class SceneParser {
    private SceneParser() {
    }

    /**
     * Parses {@code mainFile} and everything it includes.
     *
     * @param mainFile  the scene file's name as {@code resources} knows it
     * @param resources where the main file, Includes and PLY meshes are read from
     * @throws SceneException when the scene is malformed or a file cannot be read
     */
    public static SceneDescription parse(String mainFile, SceneResources resources) {
        SceneResources.Resource main = resources.open(null, mainFile, "scene file", new FileLoc(mainFile, 0, 0));
        ParseState st = read(resources, main, null);
        if (st.guessedWrong()) {
            // A LookAt in the world block was read before the file showed its dialect, and wrongly.
            st = read(resources, main, st.dialect.decide());
        }
        return st.toDescription(mainFile);
    }

    private static ParseState read(SceneResources resources, SceneResources.Resource main, Dialect knownDialect) {
        ParseState st = new ParseState(resources, main, knownDialect);
        Token previous = null;
        while (true) {
            Token t = st.tokens().next();
            if (t.is(Token.Kind.EOF)) {
                break;
            }
            if (!t.is(Token.Kind.IDENT) || t.isBoolWord()) {
                throw new SceneException(t.loc(), "unexpected " + t.describe()
                        + (previous != null ? " after the " + previous.text() + " statement at " + previous.loc() : "")
                        + ": expected a statement name");
            }
            StatementHandler handler = Statements.TABLE.get(t.text());
            if (handler == null) {
                throw Statements.unknown(t);
            }
            if (st.phase == ParseState.Phase.ENDED) {
                throw new SceneException(t.loc(), t.text() + " after WorldEnd (at " + st.worldEndLoc
                        + "): a scene file describes one frame, nothing may follow WorldEnd");
            }
            handler.handle(st, t);
            previous = t;
        }
        if (st.phase != ParseState.Phase.ENDED) {
            st.closeOpenBlocks("the end of " + main.name());
        }
        return st;
    }

    /** Parses a scene from the local file system, relative paths against the working directory. */
    public static SceneDescription parse(Path mainFile) {
        return parse(mainFile.toString(), new FileSystemResources());
    }
}
