#include "core/campaign/campaign_run.hpp"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>

#include "core/cancel.hpp"
#include "core/util/csv.hpp"
#include "core/util/stable_id.hpp"

namespace civic::campaign {
namespace {

// Letters rendered and handed to the writer at a time: enough to keep
// every thread busy, few enough that memory stays flat.
constexpr std::size_t k_chunk_letters = 256;
constexpr std::size_t k_chunks_waiting = 8;

using Chunk = std::vector<RenderedLetter>;

// Chunks from the renderers to the writing thread. A full queue makes the
// renderers wait, which bounds memory; a failure on the writing side is
// rethrown to the renderers.
class ChunkQueue {
public:
  void push(Chunk&& chunk) {
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return m_chunks.size() < k_chunks_waiting || m_failure; });
    if (m_failure) {
      std::rethrow_exception(m_failure);
    }
    m_chunks.push_back(std::move(chunk));
    m_changed.notify_all();
  }
  std::optional<Chunk> pop() {
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return !m_chunks.empty() || m_closed; });
    if (m_chunks.empty()) {
      return std::nullopt;
    }
    auto chunk = std::move(m_chunks.front());
    m_chunks.pop_front();
    m_changed.notify_all();
    return chunk;
  }
  void close() {
    std::lock_guard lock(m_mutex);
    m_closed = true;
    m_changed.notify_all();
  }
  void fail(std::exception_ptr failure) {
    std::lock_guard lock(m_mutex);
    m_failure = std::move(failure);
    m_chunks.clear();
    m_changed.notify_all();
  }
  void rethrow_failure() {
    std::lock_guard lock(m_mutex);
    if (m_failure) {
      std::rethrow_exception(m_failure);
    }
  }

private:
  std::mutex m_mutex;
  std::condition_variable m_changed;
  std::deque<Chunk> m_chunks;
  bool m_closed = false;
  std::exception_ptr m_failure;
};

// Renders a chunk in order, split in contiguous parts, one per renderer.
Chunk render_chunk(std::vector<letters::LetterRenderer>& renderers, std::vector<LetterJob>&& jobs,
                   const RenderSettings& settings) {
  Chunk out(jobs.size());
  const auto parts = std::min<std::size_t>(renderers.size(), std::max<std::size_t>(jobs.size(), 1));
  const auto part_size = (jobs.size() + parts - 1) / parts;
  std::vector<std::exception_ptr> failures(parts);
  auto render_part = [&](std::size_t part) {
    try {
      const auto end = std::min(jobs.size(), (part + 1) * part_size);
      for (auto i = part * part_size; i < end; ++i) {
        out[i] = render_letter(renderers[part], std::move(jobs[i]), settings);
      }
    } catch (...) {
      failures[part] = std::current_exception();
    }
  };
  std::vector<std::thread> helpers;
  for (std::size_t part = 1; part < parts; ++part) {
    helpers.emplace_back(render_part, part);
  }
  render_part(0);
  for (auto& helper : helpers) {
    helper.join();
  }
  for (const auto& failure : failures) {
    if (failure) {
      std::rethrow_exception(failure);
    }
  }
  return out;
}

std::vector<letters::LetterRenderer> make_renderers(const PlanInputs& in, unsigned jobs) {
  letters::LetterInput shared;
  shared.bill = &in.bill;
  shared.stance = *letters::parse_stance(in.campaign.stance);
  shared.channel = *letters::parse_channel(in.campaign.channel);
  shared.date = in.letter_date;
  std::vector<letters::LetterRenderer> renderers;
  const auto count = jobs != 0 ? jobs : std::max(1U, std::thread::hardware_concurrency());
  for (unsigned i = 0; i < count; ++i) {
    renderers.emplace_back(in.letter_template, shared);
  }
  return renderers;
}

// The writing thread: letters to files, then their contacts to the journal.
class WritingThread {
public:
  WritingThread(const PlanInputs& in, const RunSettings& settings, const CancelToken& cancel, const RunHooks& hooks)
      : m_writer(settings.output, in.campaign, settings.basis) {
    m_thread = std::thread([this, &cancel, &hooks] {
      try {
        while (auto chunk = m_queue.pop()) {
          m_writer.add(*chunk, cancel);
          if (hooks.record) {
            hooks.record(*chunk);
          }
          m_letters += chunk->size();
        }
      } catch (...) {
        m_queue.fail(std::current_exception());
      }
    });
  }
  ~WritingThread() { stop(); }
  WritingThread(const WritingThread&) = delete;
  WritingThread& operator=(const WritingThread&) = delete;

  void push(Chunk&& chunk) { m_queue.push(std::move(chunk)); }
  // Waits for the letters queued so far; rethrows what stopped the thread.
  void stop() {
    m_queue.close();
    if (m_thread.joinable()) {
      m_thread.join();
    }
  }
  void rethrow_failure() { m_queue.rethrow_failure(); }
  RunWriter& writer() { return m_writer; }
  std::size_t letters() const { return m_letters; }

private:
  RunWriter m_writer;
  ChunkQueue m_queue;
  std::atomic<std::size_t> m_letters{0};
  std::thread m_thread;
};

}  // namespace

RunResult run_campaign(const PlanInputs& in, std::vector<Problem> read_problems, const SupporterFeed& feed,
                       const RunSettings& settings, const CancelToken& cancel, const RunHooks& hooks) {
  Planner planner(in, std::move(read_problems));
  auto renderers = make_renderers(in, settings.jobs);
  const RenderSettings render_settings{in.campaign, settings.title, settings.basis.letter_date, !settings.dry_run};
  std::optional<WritingThread> writing;
  if (!settings.dry_run) {
    writing.emplace(in, settings, cancel, hooks);
  }
  std::vector<LetterJob> pending;
  RunProgress progress{0, settings.supporters_total, 0};
  auto flush = [&] {
    auto chunk = render_chunk(renderers, std::move(pending), render_settings);
    pending.clear();
    std::erase_if(chunk, [&](const RenderedLetter& l) {
      if (!l.error.empty()) {
        planner.reject(l.meta, l.error);
      }
      return !l.error.empty();
    });
    if (writing) {
      writing->push(std::move(chunk));
      progress.letters_done = writing->letters();
    } else {
      progress.letters_done += chunk.size();
    }
    if (hooks.progress) {
      hooks.progress(progress);
    }
  };
  feed([&](const Supporter& supporter, const geo::BulkRow* located) {
    cancel.throw_if_cancelled();
    auto jobs = planner.plan(supporter, located);
    std::move(jobs.begin(), jobs.end(), std::back_inserter(pending));
    ++progress.supporters_done;
    if (pending.size() >= k_chunk_letters) {
      flush();
    }
  });
  flush();
  RunResult result;
  result.plan = std::move(planner.finish());
  if (writing) {
    writing->stop();
    writing->rethrow_failure();
    result.files = writing->writer().finish(result.plan.problems, settings.title, settings.basis.letter_date);
  }
  return result;
}

std::vector<journal::Contact> campaign_contacts(const std::vector<RenderedLetter>& letters, const Campaign& campaign,
                                                const std::string& bill, const std::string& at) {
  std::vector<journal::Contact> out;
  out.reserve(letters.size());
  for (const auto& rendered : letters) {
    const auto& letter = rendered.meta;
    journal::Contact c;
    c.uid = stable_id("campaign|" + campaign.name + "|" + letter.supporter_id + "|" + letter.target->official.id + "|" +
                      bill + "|" + campaign.channel);
    c.at = at;
    c.official = letter.target->official;
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
