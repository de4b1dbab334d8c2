package org.luxnet.render.sampler;

/**
 * Independent uniform numbers (LuxRender's "random" sampler): every value is a hash of (seed, pixel,
 * index, dimension). No stratification, so it converges slower than {@link OwenSobolSampler}; useful
 * as the unbiased baseline that tests compare against.
 */
public final class IndependentSampler implements Sampler {
    private int sampleSeed;
    private final float[] bounce = new float[8];

    @Override
    public void startSample(long streamSeed, int pixel, int sampleIndex) {
        sampleSeed = Hash.combine(Hash.combine(Hash.fold(streamSeed), pixel), sampleIndex);
    }

    private float dim(int d) {
        return Hash.toUnit(Hash.mix32(Hash.combine(sampleSeed, d)));
    }

    @Override
    public float cameraU() {
        return dim(0);
    }

    @Override
    public float cameraV() {
        return dim(1);
    }

    @Override
    public float lensU() {
        return dim(2);
    }

    @Override
    public float lensV() {
        return dim(3);
    }

    @Override
    public void startBounce(int b) {
        int s = Hash.combine(sampleSeed, 0x10000 + b);
        for (int i = 0; i < 8; i++) {
            bounce[i] = Hash.toUnit(Hash.mix32(s + i * 0x9e3779b9));
        }
    }

    @Override
    public float get(int slot) {
        return bounce[slot];
    }
}
