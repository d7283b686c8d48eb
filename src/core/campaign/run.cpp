#include "core/campaign/run.hpp"

#include <algorithm>
#include <utility>

#include "core/cancel.hpp"
#include "core/data/status.hpp"
#include "core/letters/record.hpp"
#include "core/letters/render.hpp"
#include "core/util/csv.hpp"
#include "core/util/files.hpp"
#include "core/util/ordered_work.hpp"
#include "core/util/sha256.hpp"

namespace civic::campaign {
namespace {

// Letters planned and handed to the renderers at a time; batches out at once.
constexpr std::size_t k_batch_letters = 256;
constexpr std::size_t k_batches_out = 16;

RunBasis basis_of(const Campaign& c, SQLite::Database& reference, const templates::SourceFile& source,
                  const bills::Bill& bill, const std::string& letter_date) {
  RunBasis basis{c.name, letter_date, source.origin, sha256_hex(source.text), bill.id.canonical(), {}};
  for (const auto& d : data::read_datasets(reference)) {
    // The digest of the files read changes with the data, even when a
    // mirror's recorded commit does not.
    basis.datasets.push_back(d.name + " " + (d.version.empty() ? "-" : d.version.substr(0, 12)) +
                             " sha256:" + d.sha256.substr(0, 16));
  }
  return basis;
}

// Calls `each` for every usable supporter, in file order, with the place
// it was located at (null when the campaign names its officials). Places
// are located in blocks as the run goes (coordinates and ZIPs offline,
// addresses through the Census batch geocoder).
using SupporterVisitor = std::function<void(const Supporter&, const geo::BulkRow*)>;

void each_supporter(const PreparedCampaign& p, const RunDeps& deps, const SupporterVisitor& each) {
  const auto& list = p.supporters;
  if (!p.campaign.officials.empty() || list.supporters.empty()) {
    for (const auto& supporter : list.supporters) {
      each(supporter, nullptr);
    }
    return;
  }
  std::size_t next = 0;
  geo::locate_rows(list.places, deps.bulk, deps.cancel,
                   [&](geo::BulkRow&& row) { each(list.supporters.at(next++), &row); });
}

// The named officials, each in the first seat they hold.
std::vector<letters::NamedSeat> named_seats(const Campaign& c, SQLite::Database& reference) {
  std::vector<letters::NamedSeat> named;
  for (const auto& id : c.officials) {
    auto official = reps::find_official(reference, id);
    if (!official || official->roles.empty()) {
      throw usage_error(c.file.string() + ": targets names '" + id + "', who holds no seat in the data")
          .hint("official ids are bioguide ids (C000127) or ocd-person/... ids; 'civic reps' lists them");
    }
    auto role = official->roles.front();
    named.push_back({std::make_shared<const reps::Official>(std::move(*official)), std::move(role)});
  }
  return named;
}

letters::PlanSettings plan_settings(const PreparedCampaign& p, SQLite::Database& reference) {
  const auto& c = p.campaign;
  return {reference, *p.bill, c.stance, c.channel, *parse_date(p.basis.letter_date), c.office, c.level,
          *p.letter_template, named_seats(c, reference)};
}

// Plans every supporter: `letters` gets each one's letters as they come.
void plan_all(const PreparedCampaign& p, const RunDeps& deps, letters::Planner& planner, PlanTally& tally,
              const std::function<void(std::vector<letters::PlannedLetter>&&)>& letters) {
  each_supporter(p, deps, [&](const Supporter& supporter, const geo::BulkRow* row) {
    deps.cancel.throw_if_cancelled();
    if (row != nullptr && !row->location) {
      tally.unlocated(supporter, row->error);
      return;
    }
    const auto* place = row != nullptr ? &*row->location : nullptr;
    auto plan = planner.plan(supporter, place);
    tally.add(supporter, plan, place);
    letters(std::move(plan.letters));
  });
}

letters::RunFiles run_files(const Campaign& c) {
  letters::RunFiles files;
  files.letter_files = c.letter_files;
  if (c.bundle == Bundle::office) {
    std::copy_if(c.formats.begin(), c.formats.end(), std::back_inserter(files.bundle_formats),
                 [](LetterFormat f) { return f == LetterFormat::txt || f == LetterFormat::pdf; });
  }
  files.labels = c.bundle == Bundle::office && c.channel == Channel::letter;
  return files;
}

std::vector<letters::LetterRenderer> make_renderers(const PreparedCampaign& p, unsigned jobs) {
  letters::LetterInput shared;
  shared.bill = p.bill;
  shared.stance = p.campaign.stance;
  shared.channel = p.campaign.channel;
  shared.date = *parse_date(p.basis.letter_date);
  std::vector<letters::LetterRenderer> renderers;
  for (unsigned i = 0; i < worker_threads(jobs); ++i) {
    renderers.emplace_back(*p.letter_template, shared);
  }
  return renderers;
}

void refuse_if_changed(const PreparedCampaign& p, const RunRequest& request) {
  if (p.previous && request.regenerate == Regenerate::no && request.dry_run == DryRun::no &&
      !(*p.previous == p.basis)) {
    throw usage_error("since the last run in " + p.campaign.output.string() + ", " +
                      describe_changes(*p.previous, p.basis) + " changed")
        .hint(
            "'civic campaign diff' shows whose letters would go elsewhere; --force regenerates every letter, "
            "dated today");
  }
}

// Plan, render, write and record every letter: `writer` and `recorder`
// are null for a dry run, which composes every letter and writes nothing.
RunReport run_steps(PreparedCampaign& p, const RunRequest& request, const RunDeps& deps,
                    letters::RunRecorder* recorder) {
  const auto& c = p.campaign;
  const auto title = p.bill->id.display() + ": " + c.name;
  const letters::RenderContext context{title, p.basis.letter_date, ""};
  std::optional<letters::RunWriter> writer;
  if (request.dry_run == DryRun::no) {
    writer.emplace(c.output, run_files(c), run_json(p.basis));
  }
  // Each letter's own files are written by the thread that rendered it:
  // creating files is most of the work when there is one per letter.
  const auto formats = writer && c.letter_files ? c.formats : std::vector<LetterFormat>{};
  auto renderers = make_renderers(p, request.jobs);
  using Batch = std::vector<letters::PlannedLetter>;
  using Rendered = std::vector<letters::RenderedLetter>;
  OrderedWork<Batch, Rendered> rendering(
      static_cast<unsigned>(renderers.size()), k_batches_out,
      [&](unsigned worker, Batch& batch) {
        Rendered out;
        out.reserve(batch.size());
        for (auto& planned : batch) {
          out.push_back(letters::render_letter(renderers[worker], std::move(planned), formats, context));
          if (writer && out.back().error.empty()) {
            writer->prepare(out.back(), deps.cancel);
          }
        }
        return out;
      },
      &deps.cancel);

  letters::Planner planner(plan_settings(p, deps.reference));
  PlanTally tally(c, std::move(p.supporters.problems));
  RunProgress progress{0, p.supporters.supporters.size(), 0};
  // Rendered letters, in order: into the manifest, the bundles and the journal.
  const auto take = [&](Rendered&& chunk) {
    const auto rejected = std::stable_partition(chunk.begin(), chunk.end(),
                                                [](const letters::RenderedLetter& l) { return l.error.empty(); });
    std::for_each(rejected, chunk.end(), [&](const letters::RenderedLetter& l) { tally.reject(l.meta, l.error); });
    chunk.erase(rejected, chunk.end());
    if (writer) {
      writer->add(chunk, deps.cancel);
      recorder->add(chunk);
    }
    progress.letters_done += chunk.size();
  };
  Batch pending;
  const auto submit = [&] {
    rendering.submit(std::exchange(pending, {}), take);
    if (deps.progress) {
      deps.progress(progress);
    }
  };
  plan_all(p, deps, planner, tally, [&](Batch&& letters) {
    ++progress.supporters_done;
    std::move(letters.begin(), letters.end(), std::back_inserter(pending));
    if (pending.size() >= k_batch_letters) {
      submit();
    }
  });
  if (!pending.empty()) {
    submit();
  }
  rendering.drain(take);
  if (recorder != nullptr) {
    recorder->start_rest();  // committed while the office bundles are written
  }
  RunReport report;
  report.plan = tally.finish();
  if (writer) {
    report.files = writer->finish(report.plan.problems, title, p.basis.letter_date);
  }
  return report;
}

}  // namespace

PreparedCampaign prepare_campaign(const std::filesystem::path& file, const std::filesystem::path& templates_dir,
                                  SQLite::Database& reference, Date today, Regenerate regenerate) {
  PreparedCampaign p;
  p.campaign = load_campaign(file);
  const auto& c = p.campaign;
  p.catalog = bills::load_catalog(templates_dir);
  p.bill = &p.catalog.require(c.bill, bills::congress_on(today));
  p.source = letters::letter_template_source(templates_dir, c.channel, c.template_file);
  p.letter_template = letters::LetterTemplate::compile(p.source);
  check_template_fields(c, *p.letter_template);
  p.previous = read_run_basis(c.output);
  const auto letter_date = p.previous && regenerate == Regenerate::no ? p.previous->letter_date : format_date(today);
  p.basis = basis_of(c, reference, p.source, *p.bill, letter_date);
  p.supporters = read_supporters(c, read_file(c.supporters));
  return p;
}

RunReport run_campaign(PreparedCampaign& p, const RunRequest& request, const RunDeps& deps) {
  refuse_if_changed(p, request);
  std::optional<letters::RunRecorder> recorder;
  if (request.dry_run == DryRun::no) {
    const auto& c = p.campaign;
    recorder.emplace(deps.journal(), letters::RunTag{c.name, p.bill->id.canonical(), c.channel, c.stance},
                     deps.now_utc);
  }
  try {
    auto report = run_steps(p, request, deps, recorder ? &*recorder : nullptr);
    if (recorder) {
      recorder->flush();
      report.recorded = recorder->added();
    }
    return report;
  } catch (...) {
    try {
      if (recorder) {
        recorder->flush();  // the letters written before the stop
      }
    } catch (const std::exception&) {
      // what stopped the run matters more; its rerun records the rest
    }
    throw;
  }
}

DiffReport diff_campaign(PreparedCampaign& p, const RunDeps& deps) {
  letters::Planner planner(plan_settings(p, deps.reference));
  PlanTally tally(p.campaign, {});
  Targets now;
  plan_all(p, deps, planner, tally, [&](std::vector<letters::PlannedLetter>&& letters) {
    for (const auto& letter : letters) {
      auto& entry = now[letter.meta.supporter_id];
      entry.first = letter.meta.row;
      entry.second.insert(letter.meta.target->official.id);
    }
  });
  const auto manifest_path = p.campaign.output / "manifest.csv";
  const auto manifest = read_file_if_exists(manifest_path);
  if (!manifest) {
    throw usage_error("no earlier run in " + p.campaign.output.string() + " to compare with (no manifest.csv)")
        .hint("run the campaign first: civic campaign run " + p.campaign.file.string());
  }
  DiffReport report;
  report.changes = target_changes(now, *manifest, manifest_path.string());
  report.supporters = tally.finish().supporters;
  report.data_changed = p.previous && p.previous->datasets != p.basis.datasets;
  return report;
}

std::vector<TargetChange> target_changes(const Targets& now, const std::string& manifest_csv,
                                         const std::string& manifest_name) {
  const auto manifest = csv::Table::parse(manifest_csv, manifest_name);
  const auto row_column = manifest.require_column("row");
  const auto supporter_column = manifest.require_column("supporter_id");
  const auto official_column = manifest.require_column("official_id");
  Targets before;
  for (const auto& row : manifest.rows()) {
    auto& entry = before[csv::Table::field(row, supporter_column)];
    entry.first = std::stoul(csv::Table::field(row, row_column));
    entry.second.insert(csv::Table::field(row, official_column));
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

}  // namespace civic::campaign
