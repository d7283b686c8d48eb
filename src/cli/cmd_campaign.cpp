// civic campaign init [FILE] | run FILE [--dry-run] [--force] [--offline] [--jobs N] | diff FILE
//                | status DIR | mark-sent DIR [--official ID]
#include <chrono>
#include <map>
#include <set>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "cli/commands.hpp"
#include "cli/place.hpp"
#include "cli/runtime.hpp"
#include "cli/schema.hpp"
#include "cli/subcommands.hpp"
#include "core/campaign/run.hpp"
#include "core/campaign/status.hpp"
#include "core/util/files.hpp"
#include "core/util/text.hpp"

namespace civic::cli {
namespace {

namespace fs = std::filesystem;

struct Options {
  std::string file = "campaign.toml";
  std::string dir;
  bool dry_run = false;
  bool force = false;
  bool offline = false;
  bool no_cache = false;
  unsigned jobs = 0;
  std::optional<std::string> official;
};

int init(const Options& o, Runtime& rt) {
  if (fs::exists(o.file)) {
    throw usage_error(o.file + " exists already").hint("give another name: civic campaign init drive.toml");
  }
  write_file_atomic(o.file, campaign::example_campaign());
  rt.out() << "wrote " << o.file << "\n";
  rt.note("edit it, then: civic campaign run " + o.file + " --dry-run");
  return to_int(ExitCode::ok);
}

std::size_t officials(const campaign::PlanSummary& plan) {
  std::set<std::string> ids;
  for (const auto& entry : plan.per_office) {
    ids.insert(entry.first.first);
  }
  return ids.size();
}

// The letters of a run to one office of an official.
using OfficeLetters = std::pair<const std::pair<std::string, std::string>, campaign::OfficeCount>;

const Schema<OfficeLetters>& office_letters_schema() {
  using O = OfficeLetters;
  static const Schema<O> schema{
      {
          {"official_id", "ID", [](const O& o) { return Cell(o.first.first); }},
          {"official", "OFFICIAL", [](const O& o) { return Cell(o.second.official); }},
          {"office", "OFFICE", [](const O& o) { return Cell(o.first.second); }},
          {"letters", "LETTERS", [](const O& o) { return Cell(std::to_string(o.second.letters)); }},
      },
      {"official_id", "official", "office", "letters"},
  };
  return schema;
}

const Schema<campaign::TargetChange>& change_schema() {
  using C = campaign::TargetChange;
  static const Schema<C> schema{
      {
          {"row", "ROW", [](const C& c) { return Cell(std::to_string(c.row)); }},
          {"supporter_id", "SUPPORTER", [](const C& c) { return Cell(c.supporter_id); }},
          {"before", "BEFORE", [](const C& c) { return Cell(text::join(c.before, ";")); }},
          {"now", "NOW", [](const C& c) { return Cell(text::join(c.now, ";")); }},
      },
      {"row", "supporter_id", "before", "now"},
  };
  return schema;
}

void report_problems(const campaign::PlanSummary& plan, Runtime& rt) {
  constexpr std::size_t k_shown = 10;
  for (std::size_t i = 0; i < std::min(plan.problems.size(), k_shown); ++i) {
    rt.warn(to_string(plan.problems[i]));
  }
  if (plan.problems.size() > k_shown) {
    rt.warn(fmt::format("... and {} more (problems.csv has them all)", plan.problems.size() - k_shown));
  }
}

// "supporters: 1200/5000, letters written: 3500, 410/s, about 9 s left"
std::string progress_line(const campaign::RunProgress& p, campaign::DryRun dry_run,
                          std::chrono::steady_clock::time_point started) {
  const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - started;
  const double rate = elapsed.count() > 0 ? static_cast<double>(p.letters_done) / elapsed.count() : 0;
  const double share = p.supporters_total > 0 ? static_cast<double>(p.supporters_done) / static_cast<double>(p.supporters_total) : 0;
  const auto left = share > 0 ? static_cast<long>(elapsed.count() * (1 - share) / share) : 0L;
  return fmt::format("supporters: {}/{}, letters {}: {}, {:.0f}/s, about {} s left", p.supporters_done,
                     p.supporters_total, dry_run == campaign::DryRun::yes ? "checked" : "written", p.letters_done, rate, left);
}

campaign::PreparedCampaign prepare(const Options& o, Runtime& rt) {
  return campaign::prepare_campaign(o.file, rt.templates_dir(), rt.reference(), local_date(rt.env().clock.now()),
                                    o.force ? campaign::Regenerate::yes : campaign::Regenerate::no);
}

// What the core needs from here; the geocoder stays alive with it.
struct Deps {
  std::unique_ptr<geo::CensusGeocoder> geocoder;
  campaign::RunDeps run;
};

std::unique_ptr<Deps> deps(const Options& o, Runtime& rt) {
  auto geocoder = o.offline ? nullptr : make_geocoder(rt, o.no_cache ? GeocoderCache::skip : GeocoderCache::use);
  auto* raw = geocoder.get();
  auto out = std::unique_ptr<Deps>(new Deps{std::move(geocoder),
                                            {rt.reference(), bulk_options(rt, raw), rt.env().cancel,
                                             [&rt]() -> SQLite::Database& { return rt.journal(); }, rt.now_utc(),
                                             nullptr}});
  return out;
}

int run(const Options& o, Runtime& rt) {
  auto p = prepare(o, rt);
  auto d = deps(o, rt);
  const auto dry_run = o.dry_run ? campaign::DryRun::yes : campaign::DryRun::no;
  const auto started = std::chrono::steady_clock::now();
  d->run.progress = [&](const campaign::RunProgress& progress) {
    rt.progress(progress_line(progress, dry_run, started));
  };
  campaign::RunReport report;
  try {
    report = campaign::run_campaign(
        p, {dry_run, o.force ? campaign::Regenerate::yes : campaign::Regenerate::no, o.jobs},
        d->run);
  } catch (...) {
    rt.end_progress();
    throw;
  }
  rt.end_progress();
  const auto& plan = report.plan;
  for (const auto& note : plan.notes) {
    rt.note(note);
  }
  report_problems(plan, rt);
  const auto summary = fmt::format(
      "{} supporter(s), {} letter(s) to {} official(s) at {} office(s), {} vacant seat(s) skipped, {} problem(s)",
      plan.supporters, plan.letters, officials(plan), plan.per_office.size(), plan.vacant_seats, plan.problems.size());
  const auto& c = p.campaign;
  if (dry_run == campaign::DryRun::yes) {
    rt.output().emit(listing_of(office_letters_schema(), plan.per_office));
    rt.note(summary + "; nothing was written (--dry-run)");
  } else {
    rt.note(fmt::format("journal: {} new drafted contact(s) tagged '{}'", report.recorded, c.name));
    rt.out() << fmt::format("{}\n{} file(s) written, {} unchanged, in {}\n", summary, report.files.written,
                            report.files.unchanged, c.output.string());
  }
  return to_int(plan.problems.empty() ? ExitCode::ok : ExitCode::partial);
}

int diff(const Options& o, Runtime& rt) {
  auto p = prepare(o, rt);
  const auto report = campaign::diff_campaign(p, deps(o, rt)->run);
  rt.output().emit(listing_of(change_schema(), report.changes));
  if (report.data_changed) {
    rt.note("the reference data changed since the last run");
  }
  rt.note(fmt::format("{} of {} supporter(s) would now write to other officials{}", report.changes.size(),
                      report.supporters,
                      report.changes.empty() ? "" : "; 'civic campaign run --force' regenerates the letters"));
  return to_int(ExitCode::ok);
}

int status(const Options& o, Runtime& rt) {
  const auto s = campaign::run_status(o.dir, [&rt] { return rt.journal_if_exists(); });
  Table table;
  table.columns = {{"what", "WHAT"}, {"count", "COUNT"}};
  table.rows = {{"campaign", s.basis.campaign},
                {"bill", s.basis.bill},
                {"letters dated", s.basis.letter_date},
                {"files", std::to_string(s.files)},
                {"supporters with letters", std::to_string(s.supporters)},
                {"officials", std::to_string(s.officials)},
                {"problems", std::to_string(s.problems)}};
  for (const auto& [outcome, count] : s.outcomes) {
    table.rows.push_back(
        {"contacts " + (outcome.empty() ? std::string("(no outcome)") : outcome), std::to_string(count)});
  }
  rt.output().emit(table);
  return to_int(ExitCode::ok);
}

int mark_sent(const Options& o, Runtime& rt) {
  const auto [basis, marked] = campaign::mark_run_sent(
      o.dir, [&rt]() -> SQLite::Database& { return rt.journal(); }, o.official, rt.now_utc());
  rt.out() << fmt::format("marked {} drafted contact(s) of '{}' as sent{}\n", marked, basis.campaign,
                          o.official ? " (" + *o.official + ")" : "");
  return to_int(ExitCode::ok);
}

}  // namespace

Action setup_campaign(CLI::App& command) {
  Subcommands<Options> subcommands(command);
  auto* o = &subcommands.options();
  subcommands.add("init", "write a commented example campaign.toml", init)
      ->add_option("file", o->file, "default campaign.toml");
  auto* run_cmd =
      subcommands.add("run", "a letter per supporter per official, with manifest.csv and problems.csv", run);
  run_cmd->add_option("file", o->file, "the campaign file")->required();
  run_cmd->add_flag("--dry-run", o->dry_run, "write nothing: print the letters per official and office, and problems");
  run_cmd->add_flag("--force", o->force, "regenerate every letter after the template or data changed (dated today)");
  run_cmd->add_flag("--offline", o->offline, "send nothing over the network: addresses fall back to their ZIP");
  run_cmd->add_flag("--no-cache", o->no_cache, "ask the geocoder again instead of using its cached answers");
  run_cmd->add_option("--jobs,-j", o->jobs, "threads that render letters (default: one per core)")
      ->check(CLI::Range(1U, 256U));
  subcommands.add("status", "totals of a run and what the journal says was sent", status)
      ->add_option("dir", o->dir, "the campaign's output folder")
      ->required();
  auto* diff_cmd =
      subcommands.add("diff", "whose letters would now go to other officials, after 'civic data update'", diff);
  diff_cmd->add_option("file", o->file, "the campaign file")->required();
  diff_cmd->add_flag("--offline", o->offline, "send nothing over the network: addresses fall back to their ZIP");
  diff_cmd->add_flag("--no-cache", o->no_cache, "ask the geocoder again instead of using its cached answers");
  auto* sent = subcommands.add("mark-sent", "record the campaign's letters as sent in the journal", mark_sent);
  sent->add_option("dir", o->dir, "the campaign's output folder")->required();
  sent->add_option("--official", o->official, "only the letters to this official");
  return subcommands.action();
}

}  // namespace civic::cli
