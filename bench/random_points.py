#!/usr/bin/env python3
"""Seeded random points for the bulk-location benchmark.

Usage: random_points.py COUNT SEED > points.csv

Points are drawn uniformly (by area on the sphere) from boxes around the
50 states, DC and Puerto Rico; bench_locate.sh keeps those inside a
congressional district, so every point is inside the United States.
"""
import math
import random
import sys

# (west, south, east, north, weight): weights roughly follow land area.
BOXES = [
    (-124.8, 24.5, -66.9, 49.4, 80),   # contiguous states
    (-179.2, 51.2, -129.9, 71.4, 17),  # Alaska
    (172.4, 51.3, 180.0, 53.1, 0.3),   # the western Aleutians, across the antimeridian
    (-160.3, 18.9, -154.8, 22.2, 0.5), # Hawaii
    (-67.3, 17.9, -65.2, 18.5, 0.2),   # Puerto Rico
]


def point(rng, box):
    west, south, east, north, _ = box
    # Uniform by area: sine of latitude is uniform.
    s = rng.uniform(math.sin(math.radians(south)), math.sin(math.radians(north)))
    return math.degrees(math.asin(s)), rng.uniform(west, east)


def main():
    count, seed = int(sys.argv[1]), int(sys.argv[2])
    rng = random.Random(seed)
    weights = [b[4] for b in BOXES]
    print("id,lat,lon")
    for i in range(count):
        lat, lon = point(rng, rng.choices(BOXES, weights)[0])
        print(f"{i + 1},{lat:.6f},{lon:.6f}")


if __name__ == "__main__":
    main()
