package org.luxnet.accumulator;

/**
 * A small rectangle of sums that one render thread fills for a pass over its tile, then adds to the
 * device's {@link Film} in one locked step ({@link Film#add(FilmTile)}). Reusable: clear and move it
 * with {@link #reset}.
 */
public final class FilmTile extends PixelSums {
    private int tx0, ty0, tw, th;

    /** A tile buffer able to hold up to {@code maxWidth x maxHeight} pixels. */
    public FilmTile(int maxWidth, int maxHeight, int scaleBits) {
        super(0, 0, maxWidth, maxHeight, scaleBits);
        this.tw = maxWidth;
        this.th = maxHeight;
    }

    /**
     * Clears the tile and places it at frame rectangle (x, y, w, h), which must fit the capacity given
     * at construction. Samples are then added with frame coordinates.
     */
    public void reset(int x, int y, int w, int h) {
        if (w > width || h > height || w <= 0 || h <= 0) {
            throw new IllegalArgumentException("tile " + w + "x" + h + " exceeds capacity " + width + "x" + height);
        }
        clear();
        tx0 = x;
        ty0 = y;
        tw = w;
        th = h;
    }

    /** Adds a sample at frame coordinates (x, y) inside the rectangle set by {@link #reset}. */
    public void add(int x, int y, float weight, float red, float green, float blue) {
        addSample(x - tx0 + x0, y - ty0 + y0, weight, red, green, blue);
    }

    /** Frame x of the current placement. */
    public int tileX() {
        return tx0;
    }

    /** Frame y of the current placement. */
    public int tileY() {
        return ty0;
    }

    /** Width of the current placement. */
    public int tileWidth() {
        return tw;
    }

    /** Height of the current placement. */
    public int tileHeight() {
        return th;
    }
}
