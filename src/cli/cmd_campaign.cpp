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
#include "cli/subcommands.hpp"
#include "core/campaign/campaign_run.hpp"
#include "core/campaign/contact_recorder.hpp"
#include "core/data/status.hpp"
#include "core/util/csv.hpp"
#include "core/util/files.hpp"
#include "core/util/sha256.hpp"
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

// Supporters in file order with their places: located in blocks as the
// run goes (coordinates and ZIPs offline, addresses through the Census
// batch geocoder), so no more than a block is held at once.
campaign::SupporterFeed supporter_feed(const campaign::Campaign& c, const campaign::SupporterList& list, Runtime& rt,
                                       bool offline) {
  return [&c, &list, &rt, offline](const campaign::SupporterVisitor& each) {
    if (!c.officials.empty() || list.supporters.empty()) {
      for (const auto& supporter : list.supporters) {
        each(supporter, nullptr);
      }
      return;
    }
    const auto geocoder = offline ? nullptr : make_geocoder(rt, false);
    auto options = bulk_options(rt, geocoder.get());
    std::size_t next = 0;
    geo::locate_rows(list.places_csv, c.supporters.string(), options, rt.env().cancel,
                     [&](geo::BulkRow&& row) { each(list.supporters.at(next++), &row); });
  };
}

campaign::RunBasis basis_of(const campaign::Campaign& c, Runtime& rt, const templates::SourceFile& source,
                            const bills::Bill& bill, const std::string& letter_date) {
  campaign::RunBasis basis{c.name, letter_date, source.origin, sha256_hex(source.text), bill.id.canonical(), {}};
  for (const auto& d : data::read_datasets(rt.reference())) {
    // The digest of the files read changes with the data, even when a
    // mirror's recorded commit does not.
    basis.datasets.push_back(d.name + " " + (d.version.empty() ? "-" : d.version.substr(0, 12)) +
                             " sha256:" + d.sha256.substr(0, 16));
  }
  return basis;
}

std::size_t officials(const campaign::PlanSummary& plan) {
  std::set<std::string> ids;
  for (const auto& entry : plan.per_office) {
    ids.insert(entry.first.first);
  }
  return ids.size();
}

Table plan_table(const campaign::PlanSummary& plan) {
  Table table;
  table.columns = {{"official_id", "ID"}, {"official", "OFFICIAL"}, {"office", "OFFICE"}, {"letters", "LETTERS"}};
  for (const auto& [key, count] : plan.per_office) {
    table.rows.push_back({key.first, count.official, key.second, std::to_string(count.letters)});
  }
  return table;
}

void report_problems(const campaign::PlanSummary& plan, const campaign::Campaign& c, Runtime& rt) {
  constexpr std::size_t k_shown = 10;
  for (std::size_t i = 0; i < std::min(plan.problems.size(), k_shown); ++i) {
    const auto& p = plan.problems[i];
    rt.warn(fmt::format("{}:{}: {}{}{}", c.supporters.string(), p.row,
                        p.supporter_id.empty() ? "" : p.supporter_id + ": ",
                        p.column.empty() ? "" : "column '" + p.column + "': ", p.reason));
  }
  if (plan.problems.size() > k_shown) {
    rt.warn(fmt::format("... and {} more (problems.csv has them all)", plan.problems.size() - k_shown));
  }
}

// "supporters: 1200/5000, letters written: 3500, 410/s, about 9 s left"
std::string progress_line(const campaign::RunProgress& p, bool dry_run,
                          std::chrono::steady_clock::time_point started) {
  const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - started;
  const double rate = elapsed.count() > 0 ? static_cast<double>(p.letters_done) / elapsed.count() : 0;
  const double share = p.supporters_total > 0 ? static_cast<double>(p.supporters_done) / static_cast<double>(p.supporters_total) : 0;
  const auto left = share > 0 ? static_cast<long>(elapsed.count() * (1 - share) / share) : 0L;
  return fmt::format("supporters: {}/{}, letters {}: {}, {:.0f}/s, about {} s left", p.supporters_done,
                     p.supporters_total, dry_run ? "checked" : "written", p.letters_done, rate, left);
}

// A campaign read and checked, ready to plan.
struct Prepared {
  campaign::Campaign c;
  bills::Catalog catalog;
  const bills::Bill* bill = nullptr;
  templates::SourceFile source;
  std::optional<letters::LetterTemplate> letter_template;
  campaign::SupporterList supporters;
  campaign::RunBasis basis;
  std::optional<campaign::RunBasis> previous;
};

Prepared prepare(const Options& o, Runtime& rt) {
  Prepared p;
  p.c = campaign::load_campaign(o.file);
  const auto today = local_date(rt.env().clock.now());
  p.catalog = bills::load_catalog(rt.templates_dir());
  p.bill = &p.catalog.require(p.c.bill, bills::congress_on(today));
  p.source = letters::letter_template_source(rt.templates_dir(), p.c.channel,
                                            p.c.template_file);
  p.letter_template = letters::LetterTemplate::compile(p.source);
  campaign::check_template_fields(p.c, *p.letter_template);
  p.previous = campaign::read_run_basis(p.c.output);
  const auto letter_date = p.previous && !o.force ? p.previous->letter_date : format_date(today);
  p.basis = basis_of(p.c, rt, p.source, *p.bill, letter_date);
  p.supporters = campaign::read_supporters(p.c, read_file(p.c.supporters));
  return p;
}

campaign::PlanInputs plan_inputs(const Prepared& p, Runtime& rt) {
  return {p.c, rt.reference(), *p.bill, *p.letter_template, *parse_date(p.basis.letter_date)};
}

// Runs the campaign, with progress on a terminal and, unless a dry run, its
// letters recorded in the journal (`recorded`: how many were new there).
campaign::RunResult execute(Prepared& p, const Options& o, Runtime& rt, long& recorded) {
  const auto& c = p.c;
  campaign::RunSettings settings{c.output,    p.basis, p.bill->id.display() + ": " + c.name, o.dry_run, o.jobs,
                                 p.supporters.supporters.size()};
  std::optional<campaign::ContactRecorder> recorder;
  campaign::RunHooks hooks;
  const auto started = std::chrono::steady_clock::now();
  hooks.progress = [&](const campaign::RunProgress& progress) {
    rt.progress(progress_line(progress, o.dry_run, started));
  };
  if (!o.dry_run) {
    recorder.emplace(rt.journal(), c, p.bill->id.canonical(), rt.now_utc());
    hooks.record = [&recorder](const std::vector<campaign::RenderedLetter>& letters) { recorder->add(letters); };
    hooks.written = [&recorder] { recorder->start_rest(); };
  }
  const auto inputs = plan_inputs(p, rt);
  auto read_problems = std::move(p.supporters.problems);
  try {
    auto result = campaign::run_campaign(inputs, std::move(read_problems),
                                         supporter_feed(c, p.supporters, rt, o.offline), settings, rt.env().cancel,
                                         hooks);
    rt.end_progress();
    if (recorder) {
      recorder->flush();
      recorded = recorder->added();
    }
    return result;
  } catch (...) {
    rt.end_progress();
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

int run(const Options& o, Runtime& rt) {
  auto p = prepare(o, rt);
  const auto& c = p.c;
  if (p.previous && !o.force && !o.dry_run && !(*p.previous == p.basis)) {
    throw usage_error("since the last run in " + c.output.string() + ", " +
                      campaign::describe_changes(*p.previous, p.basis) + " changed")
        .hint(
            "'civic campaign diff' shows whose letters would go elsewhere; --force regenerates every letter, "
            "dated today");
  }
  long recorded = 0;
  const auto result = execute(p, o, rt, recorded);
  const auto& plan = result.plan;
  for (const auto& note : plan.notes) {
    rt.note(note);
  }
  report_problems(plan, c, rt);
  const auto summary = fmt::format(
      "{} supporter(s), {} letter(s) to {} official(s) at {} office(s), {} vacant seat(s) skipped, {} problem(s)",
      plan.supporters, plan.letters, officials(plan), plan.per_office.size(), plan.vacant_seats, plan.problems.size());
  if (o.dry_run) {
    rt.output().emit(plan_table(plan));
    rt.note(summary + "; nothing was written (--dry-run)");
  } else {
    rt.note(fmt::format("journal: {} new drafted contact(s) tagged '{}'", recorded, c.name));
    rt.out() << fmt::format("{}\n{} file(s) written, {} unchanged, in {}\n", summary, result.files.written,
                            result.files.unchanged, c.output.string());
  }
  return to_int(plan.problems.empty() ? ExitCode::ok : ExitCode::partial);
}

int diff(const Options& o, Runtime& rt) {
  const auto p = prepare(o, rt);
  campaign::PlanSummary plan;
  const auto now = campaign::plan_targets(plan_inputs(p, rt), supporter_feed(p.c, p.supporters, rt, o.offline), plan);
  const auto manifest_path = p.c.output / "manifest.csv";
  const auto manifest = read_file_if_exists(manifest_path);
  if (!manifest) {
    throw usage_error("no earlier run in " + p.c.output.string() + " to compare with (no manifest.csv)")
        .hint("run the campaign first: civic campaign run " + o.file);
  }
  const auto changes = campaign::target_changes(now, *manifest, manifest_path.string());
  Table table;
  table.columns = {{"row", "ROW"}, {"supporter_id", "SUPPORTER"}, {"before", "BEFORE"}, {"now", "NOW"}};
  for (const auto& change : changes) {
    table.rows.push_back(
        {std::to_string(change.row), change.supporter_id, text::join(change.before, ";"), text::join(change.now, ";")});
  }
  rt.output().emit(table);
  if (p.previous && p.previous->datasets != p.basis.datasets) {
    rt.note("the reference data changed since the last run");
  }
  rt.note(fmt::format("{} of {} supporter(s) would now write to other officials{}", changes.size(), plan.supporters,
                      changes.empty() ? "" : "; 'civic campaign run --force' regenerates the letters"));
  return to_int(ExitCode::ok);
}

campaign::RunBasis require_run(const std::string& dir) {
  const auto basis = campaign::read_run_basis(dir);
  if (!basis) {
    throw usage_error("no campaign run in " + dir + " (no run.json)").hint("give the campaign's output folder");
  }
  return *basis;
}

int status(const Options& o, Runtime& rt) {
  const auto basis = require_run(o.dir);
  const auto manifest_text = read_file_if_exists(fs::path(o.dir) / "manifest.csv");
  const auto problems_text = read_file_if_exists(fs::path(o.dir) / "problems.csv");
  if (!manifest_text || !problems_text) {
    throw Error("the run in " + o.dir + " did not finish (no manifest.csv)")
        .hint("run the campaign again: it writes only what is missing");
  }
  const auto manifest = csv::Table::parse(*manifest_text, o.dir + "/manifest.csv");
  const auto problems = csv::Table::parse(*problems_text, o.dir + "/problems.csv");
  std::set<std::string> supporters, officials;
  for (const auto& row : manifest.rows()) {
    supporters.insert(csv::Table::field(row, 1));
    officials.insert(csv::Table::field(row, 2));
  }
  auto* db = rt.journal_if_exists();
  const auto outcomes = db ? journal::campaign_outcomes(*db, basis.campaign) : std::map<std::string, long>{};
  Table table;
  table.columns = {{"what", "WHAT"}, {"count", "COUNT"}};
  table.rows = {{"campaign", basis.campaign},
                {"bill", basis.bill},
                {"letters dated", basis.letter_date},
                {"files", std::to_string(manifest.rows().size())},
                {"supporters with letters", std::to_string(supporters.size())},
                {"officials", std::to_string(officials.size())},
                {"problems", std::to_string(problems.rows().size())}};
  for (const auto& [outcome, count] : outcomes) {
    table.rows.push_back(
        {"contacts " + (outcome.empty() ? std::string("(no outcome)") : outcome), std::to_string(count)});
  }
  rt.output().emit(table);
  return to_int(ExitCode::ok);
}

int mark_sent(const Options& o, Runtime& rt) {
  const auto basis = require_run(o.dir);
  const auto marked = journal::mark_campaign_sent(rt.journal(), basis.campaign, o.official, rt.now_utc());
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
  run_cmd->add_option("--jobs,-j", o->jobs, "threads that render letters (default: one per core)")
      ->check(CLI::Range(1U, 256U));
  subcommands.add("status", "totals of a run and what the journal says was sent", status)
      ->add_option("dir", o->dir, "the campaign's output folder")
      ->required();
  auto* diff_cmd =
      subcommands.add("diff", "whose letters would now go to other officials, after 'civic data update'", diff);
  diff_cmd->add_option("file", o->file, "the campaign file")->required();
  diff_cmd->add_flag("--offline", o->offline, "send nothing over the network: addresses fall back to their ZIP");
  auto* sent = subcommands.add("mark-sent", "record the campaign's letters as sent in the journal", mark_sent);
  sent->add_option("dir", o->dir, "the campaign's output folder")->required();
  sent->add_option("--official", o->official, "only the letters to this official");
  return subcommands.action();
}

}  // namespace civic::cli
