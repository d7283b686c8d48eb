// The table of configuration keys: one row per key, in the order
// `civic config show` prints them. Append new keys; never rename silently.
#include "core/config.hpp"

namespace civic {

const std::vector<KeySpec>& config_keys() {
  static const std::vector<KeySpec> keys = {
      {"paths.data_dir", ValueKind::path, "", "CIVIC_DATA_DIR", "", Secret::no,
       "where reference.db and journal.db live"},
      {"paths.cache_dir", ValueKind::path, "", "CIVIC_CACHE_DIR", "", Secret::no,
       "downloads and cached lookups"},
      {"paths.templates_dir", ValueKind::path, "", "", "", Secret::no,
       "your own letter templates, tried before the shipped ones"},
      {"output.format", ValueKind::choice, "table", "CIVIC_FORMAT", "table|json|csv", Secret::no,
       "default --format for listings"},
      {"output.color", ValueKind::choice, "auto", "", "auto|always|never", Secret::no,
       "colour on a terminal (NO_COLOR always wins)"},
      {"data.source", ValueKind::string, "", "CIVIC_DATA_FROM", "", Secret::no,
       "default mirror for 'civic data update' (a directory or http:// URL); empty = upstream"},
      {"data.max_age_days", ValueKind::integer, "30", "", "", Secret::no,
       "warn when the open data is older than this"},
      {"geocoder.census_url", ValueKind::string, "https://geocoding.geo.census.gov/geocoder", "CIVIC_CENSUS_URL", "",
       Secret::no, "the Census Geocoder's base URL (addresses leave the machine only through it)"},
      {"geocoder.retries", ValueKind::integer, "3", "", "", Secret::no,
       "retries after a 5xx or 429 answer, with growing waits"},
      {"congress.url", ValueKind::string, "https://api.congress.gov/v3", "CIVIC_CONGRESS_URL", "", Secret::no,
       "the Congress.gov API's base URL, for 'civic bills sync'"},
      {"congress.api_key", ValueKind::string, "", "CONGRESS_API_KEY", "", Secret::yes,
       "your Congress.gov API key (free at https://api.congress.gov/sign-up/); never printed"},
      {"house.floor_url", ValueKind::string, "https://docs.house.gov/billsthisweek", "CIVIC_HOUSE_FLOOR_URL", "",
       Secret::no, "where the House publishes its weekly floor schedule, for 'civic upcoming --fetch'"},
      {"journal.no_reply_days", ValueKind::integer, "21", "", "", Secret::no,
       "remind when a letter, email or form has had no reply for this many days"},
      {"journal.vote_window_days", ValueKind::integer, "7", "", "", Secret::no,
       "remind to call this many days before a vote on a bill you wrote about"},
      {"journal.remind_note", ValueKind::boolean, "true", "", "", Secret::no,
       "after other commands, a one-line note on stderr when reminders are due"},
  };
  return keys;
}

}  // namespace civic
