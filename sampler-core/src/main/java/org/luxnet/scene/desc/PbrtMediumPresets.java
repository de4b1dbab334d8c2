package org.luxnet.scene.desc;

import java.util.Map;

/**
 * pbrt-v3's named scattering presets (core/medium.cpp SubsurfaceParameterTable, looked up by
 * GetMediumScatteringProperties): measured sigma_a and reduced scattering sigma'_s in mm^-1, from Jensen
 * et al., "A Practical Model for Subsurface Light Transport" (2001) and Narasimhan et al., "Acquiring
 * Scattering Properties of Participating Media by Dilution" (2006). MakeNamedMedium's "preset" sets
 * sigma_a and sigma_s from them before "scale" applies.
 */
public final class PbrtMediumPresets {
    private PbrtMediumPresets() {
    }

    /** Per name: {sigma_a, sigma_s}, RGB each. */
    private static final Map<String, float[][]> TABLE = Map.ofEntries(
            Map.entry("Apple", new float[][] {{0.003f, 0.0034f, 0.046f}, {2.29f, 2.39f, 1.97f}}),
            Map.entry("Chicken1", new float[][] {{0.015f, 0.077f, 0.19f}, {0.15f, 0.21f, 0.38f}}),
            Map.entry("Chicken2", new float[][] {{0.018f, 0.088f, 0.2f}, {0.19f, 0.25f, 0.32f}}),
            Map.entry("Cream", new float[][] {{0.0002f, 0.0028f, 0.0163f}, {7.38f, 5.47f, 3.15f}}),
            Map.entry("Ketchup", new float[][] {{0.061f, 0.97f, 1.45f}, {0.18f, 0.07f, 0.03f}}),
            Map.entry("Marble", new float[][] {{0.0021f, 0.0041f, 0.0071f}, {2.19f, 2.62f, 3.0f}}),
            Map.entry("Potato", new float[][] {{0.0024f, 0.009f, 0.12f}, {0.68f, 0.7f, 0.55f}}),
            Map.entry("Skimmilk", new float[][] {{0.0014f, 0.0025f, 0.0142f}, {0.7f, 1.22f, 1.9f}}),
            Map.entry("Skin1", new float[][] {{0.032f, 0.17f, 0.48f}, {0.74f, 0.88f, 1.01f}}),
            Map.entry("Skin2", new float[][] {{0.013f, 0.07f, 0.145f}, {1.09f, 1.59f, 1.79f}}),
            Map.entry("Spectralon", new float[][] {{0.0f, 0.0f, 0.0f}, {11.6f, 20.4f, 14.9f}}),
            Map.entry("Wholemilk", new float[][] {{0.0011f, 0.0024f, 0.014f}, {2.55f, 3.21f, 3.77f}}),
            Map.entry("Lowfat Milk", new float[][] {{0.002875f, 0.00575f, 0.0115f}, {0.89187f, 1.5136f, 2.532f}}),
            Map.entry("Reduced Milk", new float[][] {{0.0025556f, 0.0051111f, 0.012778f}, {2.4858f, 3.1669f, 4.5214f}}),
            Map.entry("Regular Milk", new float[][] {{0.0015333f, 0.0046f, 0.019933f}, {4.5513f, 5.8294f, 7.136f}}),
            Map.entry("Espresso", new float[][] {{4.7984f, 6.5751f, 8.8493f}, {0.72378f, 0.84557f, 1.0247f}}),
            Map.entry("Mint Mocha Coffee", new float[][] {{3.772f, 5.8228f, 7.82f}, {0.31602f, 0.38538f, 0.48131f}}),
            Map.entry("Lowfat Soy Milk", new float[][] {{0.0014375f, 0.0071875f, 0.035937f}, {0.30576f, 0.34233f, 0.61664f}}),
            Map.entry("Regular Soy Milk", new float[][] {{0.0019167f, 0.0095833f, 0.065167f}, {0.59223f, 0.73866f, 1.4693f}}),
            Map.entry("Lowfat Chocolate Milk", new float[][] {{0.0115f, 0.0368f, 0.1564f}, {0.64925f, 0.83916f, 1.1057f}}),
            Map.entry("Regular Chocolate Milk", new float[][] {{0.010063f, 0.043125f, 0.14375f}, {1.4585f, 2.1289f, 2.9527f}}),
            Map.entry("Coke", new float[][] {{0.10014f, 0.16503f, 0.2468f}, {8.9053e-05f, 8.372e-05f, 0.0f}}),
            Map.entry("Pepsi", new float[][] {{0.091641f, 0.14158f, 0.20729f}, {6.1697e-05f, 4.2564e-05f, 0.0f}}),
            Map.entry("Sprite", new float[][] {{0.001886f, 0.0018308f, 0.0020025f}, {6.0306e-06f, 6.4139e-06f, 6.5504e-06f}}),
            Map.entry("Gatorade", new float[][] {{0.024794f, 0.019289f, 0.008878f}, {0.0024574f, 0.003007f, 0.0037325f}}),
            Map.entry("Chardonnay", new float[][] {{0.010782f, 0.011855f, 0.023997f}, {1.7982e-05f, 1.3758e-05f, 1.2023e-05f}}),
            Map.entry("White Zinfandel", new float[][] {{0.012072f, 0.016184f, 0.019843f}, {1.7501e-05f, 1.9069e-05f, 1.288e-05f}}),
            Map.entry("Merlot", new float[][] {{0.11632f, 0.25191f, 0.29434f}, {2.1129e-05f, 0.0f, 0.0f}}),
            Map.entry("Budweiser Beer", new float[][] {{0.011492f, 0.024911f, 0.057786f}, {2.4356e-05f, 2.4079e-05f, 1.0564e-05f}}),
            Map.entry("Coors Light Beer", new float[][] {{0.006164f, 0.013984f, 0.034983f}, {5.0922e-05f, 4.301e-05f, 0.0f}}),
            Map.entry("Clorox", new float[][] {{0.0033542f, 0.014892f, 0.026297f}, {0.0024035f, 0.0031373f, 0.003991f}}),
            Map.entry("Apple Juice", new float[][] {{0.012957f, 0.023741f, 0.052184f}, {0.00013612f, 0.00015836f, 0.000227f}}),
            Map.entry("Cranberry Juice", new float[][] {{0.039437f, 0.094223f, 0.12426f}, {0.00010402f, 0.00011646f, 7.8139e-05f}}),
            Map.entry("Grape Juice", new float[][] {{0.10404f, 0.23958f, 0.29325f}, {5.382e-05f, 0.0f, 0.0f}}),
            Map.entry("Ruby Grapefruit Juice", new float[][] {{0.085867f, 0.18314f, 0.25262f}, {0.011002f, 0.010927f, 0.011036f}}),
            Map.entry("White Grapefruit Juice", new float[][] {{0.0138f, 0.018831f, 0.056781f}, {0.22826f, 0.23998f, 0.32748f}}),
            Map.entry("Shampoo", new float[][] {{0.014107f, 0.045693f, 0.061717f}, {0.0007176f, 0.0008303f, 0.0009016f}}),
            Map.entry("Strawberry Shampoo", new float[][] {{0.01449f, 0.05796f, 0.075823f}, {0.00015671f, 0.00015947f, 1.518e-05f}}),
            Map.entry("Head & Shoulders Shampoo", new float[][] {{0.084621f, 0.15688f, 0.20365f}, {0.023805f, 0.028804f, 0.034306f}}),
            Map.entry("Lemon Tea Powder", new float[][] {{2.4288f, 4.5757f, 7.2127f}, {0.040224f, 0.045264f, 0.051081f}}),
            Map.entry("Orange Powder", new float[][] {{0.001449f, 0.003441f, 0.007863f}, {0.00015617f, 0.00017482f, 0.0001762f}}),
            Map.entry("Pink Lemonade Powder", new float[][] {{0.001165f, 0.002366f, 0.003195f}, {0.00012103f, 0.00013073f, 0.00012528f}}),
            Map.entry("Cappuccino Powder", new float[][] {{35.844f, 49.547f, 61.084f}, {1.8436f, 2.5851f, 2.1662f}}),
            Map.entry("Salt Powder", new float[][] {{0.28415f, 0.3257f, 0.34148f}, {0.027333f, 0.032451f, 0.031979f}}),
            Map.entry("Sugar Powder", new float[][] {{0.012638f, 0.031051f, 0.050124f}, {0.00022272f, 0.00025513f, 0.000271f}}),
            Map.entry("Suisse Mocha Powder", new float[][] {{17.502f, 27.004f, 35.433f}, {2.7979f, 3.5452f, 4.3365f}}),
            Map.entry("Pacific Ocean Surface Water", new float[][] {{0.031845f, 0.031324f, 0.030147f}, {0.0001764f, 0.00032095f, 0.00019617f}}));

    /** {sigma_a, sigma_s} of preset {@code name} (RGB), or null when pbrt-v3 has no such preset. */
    public static float[][] find(String name) {
        float[][] v = TABLE.get(name);
        return v == null ? null : new float[][] {v[0].clone(), v[1].clone()};
    }
}
