#include "core/campaign/campaign_run.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <optional>
#include <thread>

#include "core/campaign/render_pool.hpp"

#include "core/cancel.hpp"
#include "core/util/csv.hpp"
#include "core/util/stable_id.hpp"

namespace civic::campaign {
namespace {

// Letters planned and handed to the renderers at a time.
constexpr std::size_t k_batch_letters = 256;

std::vector<letters::LetterRenderer> make_renderers(const PlanInputs& in, unsigned jobs) {
  letters::LetterInput shared;
  shared.bill = &in.bill;
  shared.stance = in.campaign.stance;
  shared.channel = in.campaign.channel;
  shared.date = in.letter_date;
  std::vector<letters::LetterRenderer> renderers;
  const auto count = jobs != 0 ? jobs : std::max(1U, std::thread::hardware_concurrency());
  for (unsigned i = 0; i < count; ++i) {
    renderers.emplace_back(in.letter_template, shared);
  }
  return renderers;
}

// The writing thread: rendered letters, in order, into the manifest and
// the office bundles (the rendering threads wrote their own files; a dry
// run writes nothing), then their contacts to the journal. Letters that
// could not be rendered are kept for the planner, the calling thread's.
class OutputThread {
public:
  OutputThread(RenderPool& pool, RunWriter* writer, const CancelToken& cancel, const RunHooks& hooks)
      : m_thread([this, &pool, writer, &cancel, &hooks] { run(pool, writer, cancel, hooks); }) {}
  ~OutputThread() { join(); }
  OutputThread(const OutputThread&) = delete;
  OutputThread& operator=(const OutputThread&) = delete;

  void join() {
    if (m_thread.joinable()) {
      m_thread.join();
    }
  }
  // After join: rethrows what stopped the thread.
  void rethrow_failure() const {
    if (m_failure) {
      std::rethrow_exception(m_failure);
    }
  }
  std::size_t letters() const { return m_letters; }
  std::vector<RenderedLetter>& rejected() { return m_rejected; }

private:
  void run(RenderPool& pool, RunWriter* writer, const CancelToken& cancel, const RunHooks& hooks) {
    try {
      while (auto chunk = pool.next()) {
        take_rejected(*chunk);
        if (writer != nullptr) {
          writer->add(*chunk, cancel);
          if (hooks.record) {
            hooks.record(*chunk);
          }
        }
        m_letters += chunk->size();
      }
      if (writer != nullptr && hooks.written) {
        hooks.written();
      }
    } catch (...) {
      m_failure = std::current_exception();
      pool.fail(m_failure);
    }
  }
  void take_rejected(Chunk& chunk) {
    const auto rejected = std::stable_partition(chunk.begin(), chunk.end(),
                                                [](const RenderedLetter& l) { return l.error.empty(); });
    std::move(rejected, chunk.end(), std::back_inserter(m_rejected));
    chunk.erase(rejected, chunk.end());
  }

  std::atomic<std::size_t> m_letters{0};
  std::vector<RenderedLetter> m_rejected;
  std::exception_ptr m_failure;
  std::thread m_thread;  // last: it starts once the rest is ready
};

}  // namespace

RunResult run_campaign(const PlanInputs& in, std::vector<Problem> read_problems, const SupporterFeed& feed,
                       const RunSettings& settings, const CancelToken& cancel, const RunHooks& hooks) {
  Planner planner(in, std::move(read_problems));
  const RenderSettings render_settings{in.campaign, settings.title, settings.basis.letter_date, !settings.dry_run};
  std::optional<RunWriter> writer;
  if (!settings.dry_run) {
    writer.emplace(settings.output, in.campaign, settings.basis);
  }
  // Each letter's own files are written by the thread that rendered it:
  // creating files is most of the work when there is one per letter.
  RenderPool pool(make_renderers(in, settings.jobs), render_settings, [&](RenderedLetter& letter) {
    if (writer && letter.error.empty()) {
      writer->prepare(letter, cancel);
    }
  });
  OutputThread output(pool, writer ? &*writer : nullptr, cancel, hooks);
  std::vector<LetterJob> pending;
  RunProgress progress{0, settings.supporters_total, 0};
  auto submit = [&] {
    pool.submit(std::move(pending));
    pending = {};
    progress.letters_done = output.letters();
    if (hooks.progress) {
      hooks.progress(progress);
    }
  };
  try {
    feed([&](const Supporter& supporter, const geo::BulkRow* located) {
      cancel.throw_if_cancelled();
      auto jobs = planner.plan(supporter, located);
      std::move(jobs.begin(), jobs.end(), std::back_inserter(pending));
      ++progress.supporters_done;
      if (pending.size() >= k_batch_letters) {
        submit();
      }
    });
    if (!pending.empty()) {
      submit();
    }
    pool.close();
  } catch (...) {
    pool.fail(std::current_exception());
    output.join();
    throw;
  }
  output.join();
  output.rethrow_failure();
  for (const auto& letter : output.rejected()) {
    planner.reject(letter.meta, letter.error);
  }
  RunResult result;
  result.plan = std::move(planner.finish());
  if (writer) {
    result.files = writer->finish(result.plan.problems, settings.title, settings.basis.letter_date);
  }
  return result;
}

journal::Contact campaign_contact(const Campaign& campaign, const std::string& bill, const std::string& at) {
  journal::Contact c;
  c.at = at;
  c.channel = campaign.channel;
  c.bill = bill;
  c.stance = campaign.stance;
  c.outcome = Outcome::drafted;
  c.campaign = campaign.name;
  c.origin = "campaign";
  return c;
}

void add_campaign_contacts(const std::vector<RenderedLetter>& letters, const Campaign& campaign,
                           const std::string& bill, std::vector<journal::ContactEntry>& out) {
  for (const auto& rendered : letters) {
    const auto& letter = rendered.meta;
    out.push_back({std::shared_ptr<const journal::OfficialSnapshot>(letter.target, &letter.target->official),
                   stable_id("campaign|" + campaign.name + "|" + letter.supporter_id + "|" +
                             letter.target->official.id + "|" + bill + "|" + std::string(to_string(campaign.channel))),
                   "for supporter " + letter.supporter_id});
  }
}

Targets plan_targets(const PlanInputs& in, const SupporterFeed& feed, PlanSummary& summary) {
  Planner planner(in, {});
  Targets targets;
  feed([&](const Supporter& supporter, const geo::BulkRow* located) {
    for (const auto& job : planner.plan(supporter, located)) {
      const auto& letter = job.meta;
      auto& entry = targets[letter.supporter_id];
      entry.first = letter.row;
      entry.second.insert(letter.target->official.id);
    }
  });
  summary = std::move(planner.finish());
  return targets;
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
