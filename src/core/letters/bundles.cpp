#include "core/letters/bundles.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <exception>
#include <utility>

#include <fcntl.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "core/modules/print.hpp"
#include "core/util/csv.hpp"
#include "core/util/ordered_work.hpp"

namespace civic::letters {
namespace {

std::FILE* open_spool(const std::filesystem::path& path) {
  auto* file = std::fopen(path.c_str(), "w+b");
  if (file == nullptr) {
    throw Error("cannot write " + path.string() + ": " + std::strerror(errno));
  }
  return file;
}

std::string doc_json(const LetterDocument& doc) {
  nlohmann::json j;
  j["channel"] = std::string(to_string(doc.channel));
  j["official_id"] = doc.official_id;
  j["official_name"] = doc.official_name;
  j["file_stem"] = doc.file_stem;
  j["sender_lines"] = doc.sender_lines;
  j["date"] = doc.date;
  j["recipient_lines"] = doc.recipient_lines;
  j["to"] = doc.to;
  j["subject"] = doc.subject;
  j["body"] = doc.body;
  return j.dump();
}

void append_to_spool(const std::filesystem::path& path, const std::string& text) {
  auto* file = std::fopen(path.c_str(), "ab");
  const bool written = file != nullptr && std::fwrite(text.data(), 1, text.size(), file) == text.size() &&
                       std::fflush(file) == 0;
  if (written) {
    // The disk starts on it now, while the run goes on: the run ends by
    // waiting until every file is on disk, and a large run's bundles are
    // hundreds of megabytes. A hint only; nothing waits for it here.
    ::sync_file_range(fileno(file), 0, 0, SYNC_FILE_RANGE_WRITE);
  }
  if (file == nullptr || std::fclose(file) != 0 || !written) {
    throw Error("cannot spool the office bundles to " + path.string() + ": " + std::strerror(errno))
        .hint("check the free space of the output folder");
  }
}

LetterDocument parse_doc(const std::string& text) {
  const auto j = nlohmann::json::parse(text);
  LetterDocument doc;
  doc.channel = *parse_channel(j.at("channel").get<std::string>());
  doc.official_id = j.at("official_id").get<std::string>();
  doc.official_name = j.at("official_name").get<std::string>();
  doc.file_stem = j.at("file_stem").get<std::string>();
  doc.sender_lines = j.at("sender_lines").get<std::vector<std::string>>();
  doc.date = j.at("date").get<std::string>();
  doc.recipient_lines = j.at("recipient_lines").get<std::vector<std::string>>();
  doc.to = j.at("to").get<std::string>();
  doc.subject = j.at("subject").get<std::string>();
  doc.body = j.at("body").get<std::string>();
  return doc;
}

}  // namespace

BundleSpool::BundleSpool(const std::filesystem::path& folder, std::vector<LetterFormat> formats, Labels labels,
                         std::size_t text_budget)
    : m_folder(folder), m_formats(std::move(formats)), m_labels(labels), m_text_budget(text_budget) {
  for (const auto format : m_formats) {
    if (format == LetterFormat::txt) {
      m_texts = true;
    } else if (format == LetterFormat::pdf) {
      m_docs = open_spool(folder / "bundles-docs.spool");
    }
  }
  if (m_texts) {
    m_spilling = std::make_unique<OrderedWork<Spill, Spilled>>(1, 1, [](unsigned, Spill& texts) {
      for (const auto& [path, text] : texts) {
        append_to_spool(path, text);
      }
      return Spilled{};
    });
  }
}

BundleSpool::~BundleSpool() {
  if (m_docs != nullptr) {
    std::fclose(m_docs);
  }
}

BundleSpool::Piece BundleSpool::append_doc(const std::string& bytes) {
  Piece piece{m_docs_end, bytes.size()};
  m_docs_end += static_cast<long>(bytes.size());
  if (std::fwrite(bytes.data(), 1, bytes.size(), m_docs) != bytes.size()) {
    throw Error(std::string("cannot spool the office bundles: ") + std::strerror(errno))
        .hint("check the free space of the output folder");
  }
  return piece;
}

std::string BundleSpool::read_doc(const Piece& piece) const {
  // pread: no stream position to move, no buffer thrown away per letter.
  std::string bytes(piece.size, '\0');
  if (::pread(fileno(m_docs), bytes.data(), piece.size, piece.offset) != static_cast<ssize_t>(piece.size)) {
    throw Error("cannot read back the office bundles' spool");
  }
  return bytes;
}

std::filesystem::path BundleSpool::text_spool(const Bundle& bundle) const {
  return m_folder / ("bundle-" + std::to_string(bundle.spool_number) + ".spool");
}

// Every office's text held in memory goes on to the end of its spool
// file, written while the next texts are gathered.
void BundleSpool::spill_texts() {
  Spill texts;
  for (auto& [stem, bundle] : m_bundles) {
    if (bundle.text.empty()) {
      continue;
    }
    if (bundle.spool_number == 0) {
      bundle.spool_number = ++m_text_spools;
    }
    texts.emplace_back(text_spool(bundle), std::exchange(bundle.text, {}));
  }
  m_text_held = 0;
  // The spill before this one is finished first: its failure is thrown here.
  m_spilling->submit(std::move(texts), [](Spilled) {});
}

// Rethrows what stopped the last spill.
void BundleSpool::wait_for_spill() {
  if (m_spilling) {
    m_spilling->drain([](Spilled) {});
  }
}

void BundleSpool::add(const RenderedLetter& letter, const std::string& text) {
  auto& bundle = m_bundles[letter.meta.target->bundle];
  if (bundle.official_id.empty()) {
    bundle.official_id = letter.meta.target->official.id;
    bundle.recipient_lines = letter.doc.recipient_lines;
  }
  if (m_texts) {
    if (bundle.letters > 0) {
      bundle.text += "\f\n";
    }
    bundle.text += text;
    m_text_held += text.size() + 2;
    if (m_text_held > m_text_budget) {
      spill_texts();
    }
  }
  ++bundle.letters;
  if (m_docs != nullptr) {
    bundle.docs.push_back(append_doc(doc_json(letter.doc)));
  }
}

// The text bundles on every core. An office whose text was all held is
// written out; one that was spilled gets the rest appended to its spool
// file, which is then put in place. A failure is reported for the first
// office in order that had one.
void BundleSpool::write_texts(const Output& out) {
  wait_for_spill();
  std::vector<std::pair<const std::string*, Bundle*>> bundles;
  for (auto& [stem, bundle] : m_bundles) {
    bundles.emplace_back(&stem, &bundle);
  }
  std::vector<std::exception_ptr> failures(bundles.size());
  parallel_for(bundles.size(), [&](std::size_t i) {
    const auto path = *bundles[i].first + ".txt";
    auto& bundle = *bundles[i].second;
    try {
      if (bundle.spool_number == 0) {
        out.write(path, bundle.text);
      } else {
        append_to_spool(text_spool(bundle), bundle.text);
        out.place(path, text_spool(bundle));
      }
      std::string().swap(bundle.text);
    } catch (...) {
      failures[i] = std::current_exception();
    }
  });
  for (const auto& failure : failures) {
    if (failure) {
      std::rethrow_exception(failure);
    }
  }
}

void BundleSpool::finish(const Output& out, const std::string& title, const std::string& date) {
  if (m_docs != nullptr) {
    std::fflush(m_docs);
  }
  if (m_texts) {
    write_texts(out);
  }
  std::vector<std::pair<std::string, const Bundle*>> by_official;
  for (auto& [stem, bundle] : m_bundles) {
    by_official.emplace_back(bundle.official_id + "\x1f" + stem, &bundle);
    if (m_docs != nullptr) {
      std::vector<LetterDocument> docs;
      for (const auto& piece : bundle.docs) {
        docs.push_back(parse_doc(read_doc(piece)));
      }
      out.write(stem + ".pdf", print_module().letters_pdf(docs, title, date));
    }
  }
  if (m_labels == Labels::no) {
    return;
  }
  std::sort(by_official.begin(), by_official.end());
  std::string labels = csv::format_row({"official_id", "bundle", "line1", "line2", "line3", "line4", "letters"});
  for (const auto& [key, bundle] : by_official) {
    std::vector<std::string> row{bundle->official_id, key.substr(key.find('\x1f') + 1)};
    auto lines = bundle->recipient_lines;
    lines.resize(4);
    row.insert(row.end(), lines.begin(), lines.end());
    row.push_back(std::to_string(bundle->letters));
    labels += csv::format_row(row);
  }
  out.write("labels.csv", labels);
}

}  // namespace civic::letters
