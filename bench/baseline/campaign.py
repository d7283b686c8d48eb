"""The campaign benchmark's baseline: the letters of `civic campaign run`
(one file per supporter per member of Congress, at the nearest district
office) made the way a data person would script them, with geopandas for
the spatial join and Jinja2 for the text.

Usage: /usr/bin/python3 campaign.py SUPPORTERS.csv MIRROR BILL.toml OUT
(Debian's python3 with python3-geopandas and python3-jinja2)
"""
import math
import os
import sys
import tomllib

import geopandas as gpd
import jinja2
import pandas as pd
import yaml

FIPS = {"01": "AL", "02": "AK", "04": "AZ", "05": "AR", "06": "CA", "08": "CO", "09": "CT", "10": "DE",
        "11": "DC", "12": "FL", "13": "GA", "15": "HI", "16": "ID", "17": "IL", "18": "IN", "19": "IA",
        "20": "KS", "21": "KY", "22": "LA", "23": "ME", "24": "MD", "25": "MA", "26": "MI", "27": "MN",
        "28": "MS", "29": "MO", "30": "MT", "31": "NE", "32": "NV", "33": "NH", "34": "NJ", "35": "NM",
        "36": "NY", "37": "NC", "38": "ND", "39": "OH", "40": "OK", "41": "OR", "42": "PA", "44": "RI",
        "45": "SC", "46": "SD", "47": "TN", "48": "TX", "49": "UT", "50": "VT", "51": "VA", "53": "WA",
        "54": "WV", "55": "WI", "56": "WY", "60": "AS", "66": "GU", "69": "MP", "72": "PR", "78": "VI"}


def km(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 12742 * math.asin(math.sqrt(a))


def main(supporters_csv, mirror, bill_toml, out):
    supporters = pd.read_csv(supporters_csv, dtype=str)
    points = gpd.GeoDataFrame(supporters, geometry=gpd.points_from_xy(supporters.lon.astype(float),
                                                                      supporters.lat.astype(float)), crs="EPSG:4326")
    districts = gpd.read_file(f"{mirror}/congressional-districts/trackamerica/us-congressional-districts-119.topojson")
    districts = districts.set_crs("EPSG:4326", allow_override=True)
    located = gpd.sjoin(points, districts[["GEOID", "geometry"]], how="left", predicate="within")
    located = located[~located.index.duplicated(keep="first")]

    with open(f"{mirror}/congress-legislators/legislators-current.yaml") as f:
        members = yaml.safe_load(f)
    with open(f"{mirror}/congress-legislators/legislators-district-offices.yaml") as f:
        offices = {entry["id"]["bioguide"]: entry.get("offices", []) for entry in yaml.safe_load(f)}
    seats = {}
    for m in members:
        term = m["terms"][-1]
        key = (term["state"], "senate") if term["type"] == "sen" else (term["state"], int(term.get("district", 0)))
        seats.setdefault(key, []).append(m)

    with open(bill_toml, "rb") as f:
        bill = tomllib.load(f)
    bill_data = {"number": "H.R. 1144", "title": bill["title"], "summary": " ".join(bill["summary"].split()),
                 "talking_points": bill["talking_points"], "status": bill["status"]["text"]}
    template = jinja2.Environment(loader=jinja2.FileSystemLoader(os.path.dirname(__file__)),
                                  keep_trailing_newline=True).get_template("letter.txt.j2")

    for row in located.itertuples():
        if not isinstance(row.GEOID, str):
            continue
        state = FIPS[row.GEOID[:2]]
        district = int(row.GEOID[2:])
        lat, lon = float(row.lat), float(row.lon)
        folder = os.path.join(out, row.id)
        os.makedirs(folder, exist_ok=True)
        for member in seats.get((state, "senate"), []) + seats.get((state, district), []):
            term = member["terms"][-1]
            near = [o for o in offices.get(member["id"]["bioguide"], [])
                    if all(k in o for k in ("latitude", "longitude", "address", "city", "state", "zip"))]
            near.sort(key=lambda o: km(lat, lon, o["latitude"], o["longitude"]))
            if near:
                o = near[0]
                street = str(o["address"]) + (", " + str(o["suite"]) if o.get("suite") else "")
                address = [street, f"{o['city']}, {o['state']} {o['zip']}"]
            else:
                address = term.get("address", "").rsplit(" ", 3)[:1]
            name = member["name"]
            recipient = {"formal_name": "The Honorable " + name.get("official_full", name["last"]),
                         "body": "United States Senate" if term["type"] == "sen"
                         else "United States House of Representatives",
                         "address": address, "last_name": name["last"],
                         "title": "Senator" if term["type"] == "sen" else "Representative"}
            text = template.render(sender={"name": row.name, "address": row.address.split(", ", 1)},
                                   date="November 28, 2026", recipient=recipient, bill=bill_data)
            with open(os.path.join(folder, f"{member['id']['bioguide'].lower()}.txt"), "w") as f:
                f.write(text)


if __name__ == "__main__":
    main(*sys.argv[1:5])
