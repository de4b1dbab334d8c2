package org.luxnet.scene.parse;

/**
 * Reads the arguments of one statement kind from {@link ParseState#tokens()} and applies it. The
 * statement name token has already been consumed and is passed as {@code keyword} (for its place and
 * for messages).
 */
@FunctionalInterface
interface StatementHandler {
    void handle(ParseState st, Token keyword);
}
