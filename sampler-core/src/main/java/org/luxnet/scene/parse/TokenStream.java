package org.luxnet.scene.parse;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.luxnet.scene.FileLoc;
import org.luxnet.scene.SceneException;

/**
 * The tokens of a scene file and the files it includes, as one stream. {@code Include "file"} is
 * taken here, between any two tokens, as LuxRender's lexer (core/luxlex.l) and pbrt-v3's (pbrtlex.ll)
 * take it: inside a parameter list too, which pbrt scenes that keep a volume's density values in their
 * own file rely on. At the end of an included file the stream goes on in the including one, so a
 * statement may begin in one file and end in the other, as in both renderers.
 */
final class TokenStream {
    /** LuxRender and pbrt-v3 refuse more than 32 nested Includes. */
    static final int MAX_INCLUDE_DEPTH = 32;

    /** Reads the file an {@code Include} at {@code loc} names. */
    interface IncludeOpener {
        SceneResources.Resource open(String path, FileLoc loc);
    }

    private final ArrayDeque<Tokenizer> files = new ArrayDeque<>();
    private final IncludeOpener opener;

    TokenStream(SceneResources.Resource mainFile, IncludeOpener opener) {
        this.opener = opener;
        files.push(new Tokenizer(mainFile));
    }

    /** The resolved name of the file being read (the innermost Include). */
    String file() {
        return files.peek().file();
    }

    /** The next token without consuming it; {@link Token.Kind#EOF} only at the end of the main file. */
    Token peek() {
        while (true) {
            Token t = files.peek().peek();
            if (t.is(Token.Kind.EOF) && files.size() > 1) {
                files.pop();
            } else if (t.is(Token.Kind.IDENT) && t.text().equals("Include")) {
                files.peek().next();
                include(t);
            } else {
                return t;
            }
        }
    }

    /** Consumes and returns the next token. */
    Token next() {
        Token t = peek();
        files.peek().next();
        return t;
    }

    /** Continues reading in {@code r} until its end; a file already being read is an Include cycle. */
    void push(SceneResources.Resource r, FileLoc includeLoc) {
        List<String> chain = new ArrayList<>();
        Iterator<Tokenizer> outermostFirst = files.descendingIterator();
        boolean inCycle = false;
        while (outermostFirst.hasNext()) {
            String name = outermostFirst.next().file();
            inCycle |= name.equals(r.name());
            if (inCycle) {
                chain.add("'" + name + "'");
            }
        }
        if (inCycle) {
            chain.add("'" + r.name() + "'");
            throw new SceneException(includeLoc, "Include cycle: " + String.join(" includes ", chain));
        }
        if (files.size() > MAX_INCLUDE_DEPTH) {
            throw new SceneException(includeLoc, "more than " + MAX_INCLUDE_DEPTH
                    + " nested Includes (LuxRender and pbrt-v3 allow " + MAX_INCLUDE_DEPTH + ")");
        }
        files.push(new Tokenizer(r));
    }

    private void include(Token keyword) {
        Token name = files.peek().next();
        if (!name.is(Token.Kind.STRING)) {
            throw new SceneException(name.loc(), "Include expects the file to include (a quoted string) after it, found "
                    + name.describe());
        }
        push(opener.open(name.text(), keyword.loc()), keyword.loc());
    }
}
