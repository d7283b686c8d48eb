#include "core/campaign/campaign_run.hpp"

#include <algorithm>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "core/campaign/deliveries.hpp"
#include "core/cancel.hpp"
#include "core/error.hpp"
#include "core/letters/print_module.hpp"
#include "core/letters/recipient.hpp"
#include "core/reps/directory.hpp"
#include "core/reps/for_location.hpp"
#include "core/reps/states.hpp"
#include "core/util/csv.hpp"
#include "core/util/files.hpp"
#include "core/util/sha256.hpp"
#include "core/util/stable_id.hpp"
#include "core/util/text.hpp"

namespace civic::campaign {
namespace {

namespace fs = std::filesystem;

struct Target {
  std::shared_ptr<const reps::Official> official;
  reps::Role role;
  std::optional<std::size_t> nearest_office;
};

std::vector<Target> named_targets(const PlanInputs& in) {
  std::vector<Target> targets;
  for (const auto& id : in.campaign.officials) {
    auto official = reps::find_official(in.reference, id);
    if (!official || official->roles.empty()) {
      throw usage_error(in.campaign.file.string() + ": targets names '" + id + "', who holds no seat in the data")
          .hint("official ids are bioguide ids (C000127) or ocd-person/... ids; 'civic reps' lists them");
    }
    auto role = official->roles.front();
    targets.push_back({std::make_shared<const reps::Official>(std::move(*official)), std::move(role), std::nullopt});
  }
  return targets;
}

// The officials of one supporter's place; a problem (and no targets) when
// the place cannot say which districts.
std::optional<std::string> place_targets(const PlanInputs& in, const geo::BulkRow& row, Plan& plan,
                                         std::vector<Target>& targets, reps::SeatCache& cache) {
  if (!row.location) {
    return row.error;
  }
  const auto& location = *row.location;
  const auto& level = in.campaign.level;
  if (location.state.empty()) {
    return "the place is in no congressional district";
  }
  if (level != "state" && location.cd.size() > 1) {
    return "ZIP " + location.zip + " spans " + std::to_string(location.cd.size()) +
           " congressional districts; give the supporter's address or coordinates";
  }
  if (level != "federal" && !location.legislative_known) {
    return "a ZIP code cannot tell the state legislative districts; give the supporter's address or coordinates";
  }
  reps::SeatQuery filter;
  if (level != "all") {
    filter.level = reps::parse_level(level);
  }
  for (const auto& located : reps::seats_for_location(in.reference, location, filter, cache)) {
    if (located.seat.vacant()) {
      ++plan.vacant_seats;
      continue;
    }
    targets.push_back({located.seat.holder, located.seat.role, located.nearest_office});
  }
  return std::nullopt;
}

void plan_supporter(const PlanInputs& in, const Supporter& s, const std::vector<Target>& targets, Plan& plan) {
  letters::LetterInput input;
  input.bill = &in.bill;
  input.stance = *letters::parse_stance(in.campaign.stance);
  input.channel = *letters::parse_channel(in.campaign.channel);
  input.date = in.letter_date;
  input.story = s.story;
  input.sender = s.sender;
  for (const auto& field : letters::missing_sender_fields(in.letter_template, input.channel, input.sender)) {
    const auto column = in.campaign.columns.find(field);
    plan.problems.push_back({s.row, s.id, column == in.campaign.columns.end() ? "" : column->second,
                             column == in.campaign.columns.end()
                                 ? "the " + in.campaign.channel + " prints the sender's " + field +
                                       ": map a column to '" + field + "' in [supporters.columns]"
                                 : "no " + field + ", which the " + in.campaign.channel + " prints"});
  }
  if (!letters::missing_sender_fields(in.letter_template, input.channel, input.sender).empty()) {
    return;
  }
  const auto choice = *letters::parse_office_choice(in.campaign.office);
  for (const auto& target : targets) {
    const auto pick = letters::pick_office(*target.official, choice, target.nearest_office);
    if (pick.office == nullptr && input.channel == letters::Channel::letter) {
      plan.problems.push_back({s.row, s.id, "", "no postal address on record for " + target.official->name});
      continue;
    }
    if (!pick.note.empty()) {
      plan.notes.push_back(target.official->name + ": " + pick.note);
    }
    input.recipient = letters::make_recipient(*target.official, target.role, pick.office);
    try {
      PlannedLetter letter{s.row,
                           s.id,
                           {target.official->id, target.official->name, reps::office_label(target.role),
                            target.role.state, target.role.district},
                           input.recipient.office_kind,
                           pick.office ? pick.office->address : "",
                           s.sender.name,
                           s.sender.email,
                           letters::compose(in.letter_template, input)};
      plan.letters.push_back(std::move(letter));
    } catch (const Error& e) {
      plan.problems.push_back(
          {s.row, s.id, in.campaign.columns.count("story") ? in.campaign.columns.at("story") : "", e.what()});
    }
  }
}

std::string render(const PlannedLetter& letter, const std::string& format, const std::string& title,
                   const std::string& date) {
  const auto& doc = letter.doc;
  if (format == "eml") {
    return to_eml(letter, date);
  }
  if (format == "md") {
    return letters::to_markdown(doc);
  }
  if (format == "html") {
    return letters::to_html({doc});
  }
  if (format == "pdf") {
    return letters::print_module().letters_pdf({doc}, title, date);
  }
  return letters::to_text(doc);
}

std::string manifest_csv(const Plan& plan, const std::vector<OutputFile>& files) {
  std::string out = csv::format_row(
      {"row", "supporter_id", "official_id", "official_name", "office_kind", "office", "format", "file", "sha256"});
  for (const auto& file : files) {
    if (file.letter == OutputFile::k_no_letter) {
      continue;  // bundles and labels repeat what the letters' rows say
    }
    const auto& l = plan.letters[file.letter];
    out += csv::format_row({std::to_string(l.row), l.supporter_id, l.official.id, l.official.name, l.office_kind,
                            l.office, file.format, file.path, sha256_hex(file.bytes)});
  }
  return out;
}

std::string problems_csv(const Plan& plan) {
  std::string out = csv::format_row({"row", "supporter_id", "column", "reason"});
  for (const auto& p : plan.problems) {
    out += csv::format_row({std::to_string(p.row), p.supporter_id, p.column, p.reason});
  }
  return out;
}

std::string run_json(const RunBasis& b) {
  nlohmann::ordered_json j;
  j["campaign"] = b.campaign;
  j["letter_date"] = b.letter_date;
  j["bill"] = b.bill;
  j["template"] = b.template_origin;
  j["template_sha256"] = b.template_sha256;
  j["datasets"] = b.datasets;
  return j.dump(2) + "\n";
}

enum class Sync { each, batch };

// Letters are written in a batch and synced once before the manifest that
// lists them: one disk flush per run instead of one per letter.
void write_if_changed(const fs::path& path, const std::string& bytes, WriteResult& result, Sync sync) {
  if (const auto existing = read_file_if_exists(path); existing && *existing == bytes) {
    ++result.unchanged;
    return;
  }
  fs::create_directories(path.parent_path());
  if (sync == Sync::each) {
    write_file_atomic(path, bytes);
  } else {
    write_file_replace(path, bytes);
  }
  ++result.written;
}

// A run killed between writing a letter's temp file and renaming it leaves
// "<letter>.tmp-<pid>" behind; the next run clears them.
void remove_abandoned_temps(const fs::path& dir) {
  std::error_code ec;
  std::vector<fs::path> stale;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    const auto name = it->path().filename().string();
    const auto mark = name.rfind(".tmp-");
    if (mark != std::string::npos && name.find_first_not_of("0123456789", mark + 5) == std::string::npos) {
      stale.push_back(it->path());
    }
  }
  for (const auto& path : stale) {
    fs::remove(path, ec);
  }
}

}  // namespace

void check_sender_columns(const Campaign& c, const letters::LetterTemplate& letter_template) {
  letters::Sender mapped;
  mapped.name = c.columns.count("name") ? "x" : "";
  if (c.columns.count("address") || c.columns.count("street")) {
    mapped.address_lines = {"x"};
  }
  mapped.email = c.columns.count("email") ? "x" : "";
  mapped.phone = c.columns.count("phone") ? "x" : "";
  const auto missing = letters::missing_sender_fields(letter_template, *letters::parse_channel(c.channel), mapped);
  if (!missing.empty()) {
    throw usage_error(c.file.string() + ": the " + c.channel + " template (" + letter_template.origin() +
                      ") prints the sender's " + text::join(missing, ", ") +
                      ", and [supporters.columns] maps no column to it")
        .hint("add e.g. " + missing.front() + " = \"<column>\"" +
              (missing.front() == "address" ? " (or street, city, state and zip)" : "") + " to [supporters.columns]");
  }
}

Plan plan_letters(const PlanInputs& in, const SupporterList& supporters, const std::vector<geo::BulkRow>& located) {
  Plan plan;
  plan.supporters = supporters.supporters.size();
  plan.problems = supporters.problems;
  const auto named = in.campaign.officials.empty() ? std::vector<Target>{} : named_targets(in);
  reps::SeatCache cache;
  for (std::size_t i = 0; i < supporters.supporters.size(); ++i) {
    const auto& s = supporters.supporters[i];
    auto targets = named;
    if (named.empty()) {
      if (const auto problem = place_targets(in, located.at(i), plan, targets, cache)) {
        plan.problems.push_back({s.row, s.id, s.place_column, *problem});
        continue;
      }
    }
    plan_supporter(in, s, targets, plan);
  }
  std::stable_sort(plan.problems.begin(), plan.problems.end(),
                   [](const Problem& a, const Problem& b) { return a.row < b.row; });
  return plan;
}

std::vector<OutputFile> render_outputs(const Plan& plan, const Campaign& campaign, const std::string& title,
                                       const std::string& date) {
  std::vector<OutputFile> files;
  for (std::size_t i = 0; i < plan.letters.size(); ++i) {
    const auto& letter = plan.letters[i];
    for (const auto& format : campaign.formats) {
      const auto path = letters::file_slug(letter.supporter_id) + "/" + letter.doc.file_stem + "." + format;
      files.push_back({i, format, path, render(letter, format, title, date)});
    }
  }
  auto bundles = render_bundles(plan, campaign, title, date);
  files.insert(files.end(), std::make_move_iterator(bundles.begin()), std::make_move_iterator(bundles.end()));
  return files;
}

WriteResult write_outputs(const fs::path& dir, const Plan& plan, const std::vector<OutputFile>& files,
                          const RunBasis& basis, const CancelToken& cancel,
                          const std::function<void(std::size_t)>& progress) {
  WriteResult result;
  fs::create_directories(dir);
  remove_abandoned_temps(dir);
  // run.json first: a run stopped half way is resumed against the same basis.
  write_if_changed(dir / "run.json", run_json(basis), result, Sync::each);
  for (std::size_t i = 0; i < files.size(); ++i) {
    cancel.throw_if_cancelled();
    write_if_changed(dir / files[i].path, files[i].bytes, result, Sync::batch);
    if (progress) {
      progress(i + 1);
    }
  }
  sync_filesystem(dir);
  write_if_changed(dir / "manifest.csv", manifest_csv(plan, files), result, Sync::each);
  write_if_changed(dir / "problems.csv", problems_csv(plan), result, Sync::each);
  return result;
}

std::optional<RunBasis> read_run_basis(const fs::path& dir) {
  const auto text = read_file_if_exists(dir / "run.json");
  if (!text) {
    return std::nullopt;
  }
  try {
    const auto j = nlohmann::json::parse(*text);
    RunBasis b;
    b.campaign = j.at("campaign").get<std::string>();
    b.letter_date = j.at("letter_date").get<std::string>();
    b.bill = j.at("bill").get<std::string>();
    b.template_origin = j.at("template").get<std::string>();
    b.template_sha256 = j.at("template_sha256").get<std::string>();
    b.datasets = j.at("datasets").get<std::vector<std::string>>();
    return b;
  } catch (const nlohmann::json::exception&) {
    throw Error((dir / "run.json").string() + " is damaged").hint("remove it, or run with --force to start over");
  }
}

std::string describe_changes(const RunBasis& before, const RunBasis& now) {
  std::vector<std::string> changes;
  if (before.campaign != now.campaign) {
    changes.push_back("the campaign's name ('" + before.campaign + "' -> '" + now.campaign + "')");
  }
  if (before.bill != now.bill) {
    changes.push_back("the bill (" + before.bill + " -> " + now.bill + ")");
  }
  if (before.template_sha256 != now.template_sha256 || before.template_origin != now.template_origin) {
    changes.push_back("the template (" + now.template_origin + ")");
  }
  if (before.datasets != now.datasets) {
    changes.push_back("the reference data ('civic data update' since the last run)");
  }
  return text::join(changes, "; ");
}

std::vector<TargetChange> target_changes(const Plan& plan, const std::string& manifest_csv,
                                         const std::string& manifest_name) {
  const auto manifest = csv::Table::parse(manifest_csv, manifest_name);
  const auto row_column = manifest.require_column("row");
  const auto supporter_column = manifest.require_column("supporter_id");
  const auto official_column = manifest.require_column("official_id");
  std::map<std::string, std::pair<std::size_t, std::set<std::string>>> before;
  for (const auto& row : manifest.rows()) {
    auto& entry = before[csv::Table::field(row, supporter_column)];
    entry.first = std::stoul(csv::Table::field(row, row_column));
    entry.second.insert(csv::Table::field(row, official_column));
  }
  std::map<std::string, std::pair<std::size_t, std::set<std::string>>> now;
  for (const auto& letter : plan.letters) {
    auto& entry = now[letter.supporter_id];
    entry.first = letter.row;
    entry.second.insert(letter.official.id);
  }
  std::vector<TargetChange> changes;
  auto add = [&](const std::string& id, std::size_t row) {
    const auto b = before.count(id) ? before.at(id).second : std::set<std::string>{};
    const auto n = now.count(id) ? now.at(id).second : std::set<std::string>{};
    if (b != n) {
      changes.push_back({row, id, {b.begin(), b.end()}, {n.begin(), n.end()}});
    }
  };
  for (const auto& [id, entry] : now) {
    add(id, entry.first);
  }
  for (const auto& [id, entry] : before) {
    if (!now.count(id)) {
      add(id, entry.first);
    }
  }
  std::sort(changes.begin(), changes.end(), [](const TargetChange& a, const TargetChange& b) { return a.row < b.row; });
  return changes;
}

std::vector<journal::Contact> campaign_contacts(const Plan& plan, const Campaign& campaign, const std::string& bill,
                                                const std::string& at) {
  std::vector<journal::Contact> out;
  for (const auto& letter : plan.letters) {
    journal::Contact c;
    c.uid = stable_id("campaign|" + campaign.name + "|" + letter.supporter_id + "|" + letter.official.id + "|" + bill +
                      "|" + campaign.channel);
    c.at = at;
    c.official = letter.official;
    c.channel = campaign.channel;
    c.bill = bill;
    c.stance = campaign.stance;
    c.outcome = "drafted";
    c.notes = "for supporter " + letter.supporter_id;
    c.campaign = campaign.name;
    c.origin = "campaign";
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace civic::campaign
