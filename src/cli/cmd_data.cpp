// civic data update [--from DIR|URL] | civic data status
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/runtime.hpp"
#include "cli/schema.hpp"
#include "core/clock.hpp"
#include "core/data/status.hpp"
#include "core/data/update.hpp"
#include "civic_version.hpp"

namespace civic::cli {
namespace {

std::string short_commit(const std::string& commit) { return commit.substr(0, 8); }



void warn_stale(Runtime& rt, const data::DataStatus& status) {
  for (const auto& dataset : status.datasets) {
    if (dataset.stale) {
      rt.warn(fmt::format("{} is {} days old (as of {}); run 'civic data update' with a newer source",
                          dataset.record.name, dataset.age_days, dataset.as_of));
    }
  }
  if (status.ended_terms.empty()) {
    return;
  }
  std::string names;
  for (std::size_t i = 0; i < std::min<std::size_t>(status.ended_terms.size(), 5); ++i) {
    const auto& term = status.ended_terms[i];
    names += fmt::format("\n  {} ({} {}{}, ended {})", term.name, term.state, term.title,
                         term.district.empty() ? "" : " " + term.district, term.end_date);
  }
  if (status.ended_terms.size() > 5) {
    names += fmt::format("\n  ... and {} more", status.ended_terms.size() - 5);
  }
  rt.warn(fmt::format("{} stored official(s) have a term that has ended; the data may not know who holds "
                      "those seats now:{}",
                      status.ended_terms.size(), names));
}

data::DataStatus current_status(Runtime& rt) {
  return data::read_status(rt.reference(), utc_date(rt.env().clock.now()),
                           static_cast<int>(rt.config().integer("data.max_age_days")));
}

int run_update(const std::string& from_flag, Runtime& rt) {
  data::UpdateOptions options;
  options.from = from_flag.empty() ? rt.config().string("data.source") : from_flag;
  options.data_dir = rt.data_dir();
  options.cache_dir = rt.cache_dir();
  options.civic_version = k_civic_version;
  rt.note(options.from.empty() ? "reading the datasets upstream (network)" : "reading the mirror at " + options.from);
  const auto summary = data::update_reference(options, rt.env(), [&](const data::ImportProgress& p) {
    rt.progress(fmt::format("{}: {}/{} files", p.dataset, p.done, p.total));
  });
  rt.end_progress();
  for (const auto& dataset : summary.datasets) {
    rt.note(fmt::format("{}: {} records from {} file(s){}", dataset.name, dataset.record_count, dataset.files.size(),
                        dataset.version.empty()
                            ? std::string()
                            : fmt::format(" (commit {}, {})", short_commit(dataset.version), dataset.version_date)));
  }
  rt.note("wrote " + summary.database.string());
  warn_stale(rt, current_status(rt));
  return to_int(ExitCode::ok);
}

const Schema<data::DatasetAge>& dataset_schema() {
  using D = data::DatasetAge;
  const auto text = [](auto get) { return json_text<D>(get); };
  static const Schema<D> schema{
      {
          {"dataset", "DATASET", [](const D& d) { return Cell(d.record.name); }, text([](const D& d) { return d.record.name; })},
          {"title", "", [](const D& d) { return Cell(d.record.title); }, text([](const D& d) { return d.record.title; })},
          {"records", "RECORDS", [](const D& d) { return Cell(std::to_string(d.record.record_count)); },
           json_value<D>([](const D& d) { return d.record.record_count; })},
          {"files", "FILES", [](const D& d) { return Cell(std::to_string(d.file_count)); },
           json_value<D>([](const D& d) { return d.file_count; })},
          {"short_version", "VERSION", [](const D& d) { return Cell(short_commit(d.record.version)); }, nullptr, "version"},
          {"version", "", [](const D& d) { return Cell(d.record.version); }},
          {"version_date", "", [](const D& d) { return Cell(d.record.version_date); }},
          {"as_of", "AS OF", [](const D& d) { return Cell(d.as_of); }, text([](const D& d) { return d.as_of; })},
          {"age_days", "AGE (DAYS)",
           [](const D& d) { return Cell(std::to_string(d.age_days), d.stale ? Style::warn : Style::none); },
           json_value<D>([](const D& d) { return d.age_days; })},
          {"stale", "", [](const D&) { return Cell(); }, json_value<D>([](const D& d) { return d.stale; })},
          {"sha256", "", [](const D& d) { return Cell(d.record.sha256); }, text([](const D& d) { return d.record.sha256; })},
          {"license", "LICENSE", [](const D& d) { return Cell(d.record.license); }, text([](const D& d) { return d.record.license; })},
          {"source", "SOURCE", [](const D& d) { return Cell(d.record.source); }, text([](const D& d) { return d.record.source; })},
          {"upstream", "", [](const D& d) { return Cell(d.record.upstream); }, text([](const D& d) { return d.record.upstream; })},
          {"retrieved_at", "", [](const D& d) { return Cell(d.record.retrieved_at); },
           text([](const D& d) { return d.record.retrieved_at; })},
      },
      {"dataset", "records", "files", "short_version", "as_of", "age_days", "license", "source"},
      {},
      {"dataset", "title", "records", "files", "version", "version_date", "as_of", "age_days", "stale", "sha256",
       "license", "source", "upstream", "retrieved_at"},
  };
  return schema;
}

int run_status(Runtime& rt) {
  const auto status = current_status(rt);
  rt.note(fmt::format("{} built {} by civic {}: {} officials, {} vacant districts", rt.reference_path().string(),
                      status.built_at, status.civic_version, status.officials, status.vacant_districts));
  rt.output().emit(listing_of(dataset_schema(), status.datasets));
  warn_stale(rt, status);
  return to_int(ExitCode::ok);
}

}  // namespace

Action setup_data(CLI::App& command) {
  command.require_subcommand(1);
  auto from = std::make_shared<std::string>();
  auto* update = command.add_subcommand("update", "build reference.db from a mirror or upstream, atomically");
  update->add_option("--from", *from, "a mirror directory or http:// URL (default: data.source, else upstream)");
  update->fallthrough();
  auto* status = command.add_subcommand("status", "each dataset: source, version, age, records");
  status->fallthrough();
  return [from, update, status](Runtime& rt) {
    if (update->parsed()) {
      return run_update(*from, rt);
    }
    (void)status;
    return run_status(rt);
  };
}

}  // namespace civic::cli
