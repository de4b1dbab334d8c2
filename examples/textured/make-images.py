#!/usr/bin/env python3
"""Writes the textured example's image files (numpy only; run from this directory):
tiles.png, a 128x128 sRGB image map (8x8 cells of hues along u, lightness along v, white grout, and an
orange corner cell so the orientation shows), and sky.pfm, a 256x128 lat-long environment map (a blue
sky over a brown ground, and a small bright sun 35 degrees up, at +z in the map's frame).
sky.pfm then becomes sky.exr (ZIP: 7 KB instead of 393 KB) through the project's ExrIO:
PfmIO.read(sky.pfm), then ExrIO.write(sky.exr, ...), with accumulator/target/classes on the class path."""
import struct
import zlib

import numpy as np


def png(path, rgb8):
    h, w, _ = rgb8.shape
    raw = b"".join(b"\x00" + rgb8[y].tobytes() for y in range(h))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n")
        f.write(chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)))
        f.write(chunk(b"IDAT", zlib.compress(raw, 9)))
        f.write(chunk(b"IEND", b""))


def hsv(h, s, v):
    i = np.floor(h * 6).astype(int) % 6
    f = h * 6 - np.floor(h * 6)
    p, q, t = v * (1 - s), v * (1 - f * s), v * (1 - (1 - f) * s)
    table = [(v, t, p), (q, v, p), (p, v, t), (p, q, v), (t, p, v), (v, p, q)]
    out = np.zeros(h.shape + (3,))
    for k, (r, g, b) in enumerate(table):
        m = i == k
        out[m] = np.stack([r[m], g[m], b[m]], axis=-1)
    return out


def tiles():
    n = 128
    y, x = np.mgrid[0:n, 0:n]
    cu, cv = x // 16, y // 16
    rgb = hsv(cu / 8.0, np.full(x.shape, 0.65), 0.35 + 0.08 * cv)
    corner = (cu == 0) & (cv == 0)
    rgb[corner] = (0.95, 0.45, 0.05)
    grout = (x % 16 < 2) | (y % 16 < 2)
    rgb[grout] = 0.85
    return np.clip(np.round(rgb * 255), 0, 255).astype(np.uint8)


def sky():
    w, h = 256, 128
    y, x = np.mgrid[0:h, 0:w]
    theta = (y + 0.5) / h * np.pi          # from the zenith
    phi = (x + 0.5) / w * 2 * np.pi
    elev = np.pi / 2 - theta
    up = np.clip(np.sin(elev), 0, 1)[..., None]
    zenith = np.array([0.12, 0.25, 0.65])
    horizon = np.array([0.65, 0.72, 0.8])
    img = horizon + (zenith - horizon) * up ** 0.5
    ground = np.array([0.2, 0.16, 0.12])
    img = np.where((elev < 0)[..., None], ground, img)
    # The sun: 35 degrees up, a Gaussian about 2.5 degrees wide.
    se, sp = np.radians(35), np.radians(60)
    d = np.stack([np.cos(elev) * np.cos(phi), np.cos(elev) * np.sin(phi), np.sin(elev)], -1)
    s = np.array([np.cos(se) * np.cos(sp), np.cos(se) * np.sin(sp), np.sin(se)])
    ang = np.arccos(np.clip(d @ s, -1, 1))
    img = img + np.exp(-(ang / np.radians(2.5)) ** 2)[..., None] * np.array([1200.0, 1110.0, 960.0])
    return img.astype(np.float32)


def pfm(path, img):
    h, w, _ = img.shape
    with open(path, "wb") as f:
        f.write(b"PF\n%d %d\n-1.0\n" % (w, h))
        f.write(np.ascontiguousarray(img[::-1]).astype("<f4").tobytes())  # PFM rows run bottom to top


png("tiles.png", tiles())
pfm("sky.pfm", sky())
