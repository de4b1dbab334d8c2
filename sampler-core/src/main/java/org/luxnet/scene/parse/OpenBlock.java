package org.luxnet.scene.parse;

import org.luxnet.scene.FileLoc;

/**
 * An {@code AttributeBegin}, {@code TransformBegin} or {@code ObjectBegin} not yet closed: where it
 * began and the graphics state to restore at its end.
 */
record OpenBlock(Kind kind, FileLoc loc, GraphicsState saved) {

    enum Kind {
        ATTRIBUTE("AttributeBegin", "AttributeEnd"),
        TRANSFORM("TransformBegin", "TransformEnd"),
        OBJECT("ObjectBegin", "ObjectEnd");

        final String begin;
        final String end;

        Kind(String begin, String end) {
            this.begin = begin;
            this.end = end;
        }
    }
}
