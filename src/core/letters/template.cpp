#include "core/letters/template.hpp"

#include <algorithm>
#include <optional>
#include <unordered_map>

#include <kainjow/mustache.hpp>

#include "core/error.hpp"
#include "core/util/text.hpp"

namespace civic::letters {
namespace {

using kainjow::mustache::data;
using kainjow::mustache::mustache;

// Absent facts are false, so {{#x}}...{{/x}} skips them (an empty string
// would count as present).
data text_or_false(const std::string& value) { return value.empty() ? data(false) : data(value); }

data list_of(const std::vector<std::string>& items) {
  data list(data::type::list);
  for (const auto& item : items) {
    list.push_back(data(item));
  }
  return list;
}

data stance_data(Stance stance) {
  data out(data::type::object);
  out.set("name", std::string(to_string(stance)));
  out.set("support", data(stance == Stance::support));
  out.set("oppose", data(stance == Stance::oppose));
  out.set("thanks", data(stance == Stance::thanks));
  out.set("follow_up", data(stance == Stance::follow_up));
  return out;
}

data bill_data(const bills::Bill& bill) {
  data out(data::type::object);
  out.set("id", bill.id.canonical());
  out.set("number", bill.id.display());
  out.set("congress", bills::ordinal(bill.id.congress) + " Congress");
  out.set("title", bill.title);
  out.set("name", bill.name());
  out.set("sponsor", bill.sponsor);
  out.set("introduced", bill.introduced);
  out.set("status", bill.status_line());
  out.set("status_as_of", format_date(bill.status.as_of));
  out.set("status_unconfirmed", data(bill.is_uncertain("status")));
  out.set("law", text_or_false(bill.status.law ? bill.status.law->display() : ""));
  out.set("enacted", data(bill.enacted()));
  out.set("pending", data(bill.pending()));
  out.set("passed_house", data(bill.status.stage == bills::Stage::passed_house));
  out.set("summary", bill.summary);
  out.set("talking_points", list_of(bill.talking_points));
  out.set("url", bill.id.url());
  out.set("companion", text_or_false(bill.companion ? bill.companion->display() : ""));
  return out;
}

data recipient_data(const Recipient& r) {
  data out(data::type::object);
  out.set("name", r.name);
  out.set("formal_name", r.formal_name);
  out.set("title", r.title);
  out.set("last_name", r.last_name);
  out.set("salutation", r.salutation);
  out.set("office", r.office_label);
  out.set("body", r.body);
  out.set("state", r.state_name);
  out.set("district", text_or_false(r.district));
  out.set("federal", data(r.level == reps::Level::federal));
  out.set("state_official", data(r.level == reps::Level::state));
  out.set("address", list_of(r.address_lines));
  out.set("office_kind", r.office_kind);
  out.set("office_name", !r.office_name.empty() ? r.office_name
                         : r.office_kind.empty() ? std::string("office")
                                                 : r.office_kind + " office");
  out.set("phone", text_or_false(r.phone));
  out.set("email", text_or_false(r.email));
  out.set("contact_form", text_or_false(r.contact_form));
  out.set("website", text_or_false(r.website));
  return out;
}

data sender_data(const Sender& s) {
  data out(data::type::object);
  out.set("name", text_or_false(s.name));
  out.set("address", list_of(s.address_lines));
  out.set("address_line", text_or_false(text::join(s.address_lines, ", ")));
  out.set("city_line", text_or_false(s.address_lines.empty() ? "" : s.address_lines.back()));
  out.set("email", text_or_false(s.email));
  out.set("phone", text_or_false(s.phone));
  return out;
}

// What every letter of a run shares, under the letter's own data.
data shared_data(const LetterInput& input) {
  data root(data::type::object);
  root.set("date", long_date(input.date));
  root.set("date_iso", format_date(input.date));
  root.set("stance", stance_data(input.stance));
  root.set("bill", bill_data(*input.bill));
  return root;
}

data supporter_data(const std::map<std::string, std::string>& fields) {
  data out(data::type::object);
  for (const auto& [field, value] : fields) {
    out.set(field, text_or_false(value));
  }
  return out;
}

std::string recipient_key(const Recipient& r) {
  return r.official_id + '\x1f' + r.office_label + '\x1f' + r.office_kind + '\x1f' + text::join(r.address_lines, "\x1f");
}

// The engine's own context looks up a dotted name ("bill.title") by
// splitting it through a string stream, which costs more than the rest of
// the rendering; this one walks the name in place.
class LetterContext : public kainjow::mustache::basic_context<std::string> {
public:
  void push(const data* layer) override { m_layers.insert(m_layers.begin(), layer); }
  void pop() override { m_layers.erase(m_layers.begin()); }

  const data* get(const std::string& name) const override {
    if (name == ".") {
      return m_layers.front();
    }
    for (const auto* layer : m_layers) {
      if (const auto* found = walk(layer, name)) {
        return found;
      }
    }
    return nullptr;
  }
  const data* get_partial(const std::string& name) const override {
    for (const auto* layer : m_layers) {
      if (const auto* found = layer->get(name)) {
        return found;
      }
    }
    return nullptr;
  }

private:
  static const data* walk(const data* layer, const std::string& name) {
    std::size_t start = 0;
    while (layer != nullptr) {
      const auto dot = name.find('.', start);
      layer = layer->get(name.substr(start, dot == std::string::npos ? std::string::npos : dot - start));
      if (dot == std::string::npos) {
        return layer;
      }
      start = dot + 1;
    }
    return nullptr;
  }

  std::vector<const data*> m_layers;  // innermost first
};

// The engine writes to a stream; this one appends to a string.
// A letter is a few pages: one that renders past this is refused while it
// renders, before it can take the memory a hostile template asks for.
constexpr std::size_t k_largest_letter = 256 * 1024;

struct StringSink {
  const std::string& origin;
  std::string text;
  StringSink& operator<<(const std::string& piece) {
    if (text.size() + piece.size() > k_largest_letter) {
      throw usage_error(origin + ": the letter renders to more than " + std::to_string(k_largest_letter / 1024) +
                        " KiB")
          .hint("shorten the template, or the story or fields it repeats");
    }
    text += piece;
    return *this;
  }
};

// Mustache drops a line that holds only a section or comment tag. The
// engine keeps an empty line where such a section is skipped, so those
// lines are joined to the next one before it sees them, with a marker that
// keeps it from treating the joined line as tags alone; the marker is
// removed from what it renders.
constexpr char k_joined = '\x01';

std::string join_standalone_tags(const std::string& text) {
  std::string out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const auto line_end = std::min(text.find('\n', pos), text.size());
    const auto tag = text.find_first_not_of(" \t", pos);
    if (tag < line_end && text.compare(tag, 2, "{{") == 0 && tag + 2 < text.size() &&
        std::string_view("#^/!").find(text[tag + 2]) != std::string_view::npos) {
      const auto close = text.find("}}", tag + 2);
      const auto after = close == std::string::npos ? close : text.find_first_not_of(" \t\r", close + 2);
      if (close != std::string::npos && (after == std::string::npos || text[after] == '\n')) {
        out.append(text, tag, close + 2 - tag);
        out += k_joined;
        pos = after == std::string::npos ? text.size() : after + 1;
        continue;
      }
    }
    out.append(text, pos, line_end + 1 - pos);
    pos = line_end + 1;
  }
  return out;
}

}  // namespace

// The template as checked; each LetterRenderer parses it into an engine of
// its own.
struct LetterTemplate::Impl {
  std::string prepared;  // the text the engine parses
  std::string origin;
  TemplateUse use;
};

LetterTemplate LetterTemplate::compile(const templates::SourceFile& file) {
  auto use = check_template(file);
  auto prepared = join_standalone_tags(file.text);
  if (const mustache engine(prepared); !engine.is_valid()) {
    throw usage_error(file.origin + ": " + engine.error_message());
  }
  LetterTemplate compiled;
  compiled.m_impl = std::make_shared<Impl>(Impl{std::move(prepared), file.origin, std::move(use)});
  return compiled;
}

std::string LetterTemplate::render(const LetterInput& input) const { return LetterRenderer(*this, input).render(input); }

struct LetterRenderer::State {
  State(const LetterTemplate::Impl& impl, const LetterInput& common)
      : origin(impl.origin), engine(impl.prepared), shared(shared_data(common)) {
    // Values go in as they are; the output format does any escaping.
    engine.set_custom_escape([](const std::string& s) { return s; });
  }
  std::string origin;
  mustache engine;  // its own: the engine is not made to be shared between threads
  data shared;
  std::unordered_map<std::string, data> recipients;  // {"recipient": ...}, one per office written to
  // The last letter's own part ({"story", "sender", "supporter"}) and what
  // it was made from: a supporter's letters come one after another, and
  // comparing is cheaper than making it again.
  Sender own_sender;
  std::string own_story;
  std::map<std::string, std::string> own_fields;
  std::optional<data> own;

  const data& own_part(const LetterInput& input) {
    if (!own || input.sender != own_sender || input.story != own_story || input.supporter_fields != own_fields) {
      own.emplace(data::type::object);
      own->set("story", text_or_false(input.story));
      own->set("sender", sender_data(input.sender));
      own->set("supporter", supporter_data(input.supporter_fields));
      own_sender = input.sender;
      own_story = input.story;
      own_fields = input.supporter_fields;
    }
    return *own;
  }
};

LetterRenderer::LetterRenderer(const LetterTemplate& letter_template, const LetterInput& shared)
    : m_state(std::make_unique<State>(*letter_template.m_impl, shared)) {}
LetterRenderer::~LetterRenderer() = default;
LetterRenderer::LetterRenderer(LetterRenderer&&) noexcept = default;

std::string LetterRenderer::render(const LetterInput& input, const Recipient& to) {
  constexpr std::size_t k_recipients_kept = 4096;
  auto& state = *m_state;
  const auto key = recipient_key(to);
  auto recipient = state.recipients.find(key);
  if (recipient == state.recipients.end()) {
    if (state.recipients.size() >= k_recipients_kept) {
      state.recipients.clear();
    }
    data layer(data::type::object);
    layer.set("recipient", recipient_data(to));
    recipient = state.recipients.emplace(key, std::move(layer)).first;
  }
  LetterContext context;
  context.push(&state.shared);
  context.push(&recipient->second);
  context.push(&state.own_part(input));
  StringSink sink{state.origin, {}};
  state.engine.render(context, sink);
  if (!state.engine.is_valid()) {
    throw Error(state.origin + ": " + state.engine.error_message());
  }
  std::erase(sink.text, k_joined);
  return std::move(sink.text);
}

const std::set<std::string>& LetterTemplate::required_sender_fields() const {
  return m_impl->use.required_sender_fields;
}
const std::set<std::string>& LetterTemplate::supporter_fields() const { return m_impl->use.supporter_fields; }
const std::string& LetterTemplate::origin() const { return m_impl->origin; }

templates::SourceFile letter_template_source(const std::filesystem::path& templates_dir, Channel channel,
                                             const std::optional<std::filesystem::path>& file) {
  if (file) {
    return templates::read_source(*file);
  }
  const auto name = "letters/" + std::string(to_string(channel)) + ".mustache";
  auto found = templates::find_file(templates_dir, name);
  if (!found) {
    throw Error("no template " + name + " in " + templates_dir.string() + " or shipped with civic");
  }
  return std::move(*found);
}

LetterTemplate load_letter_template(const std::filesystem::path& templates_dir, Channel channel,
                                    const std::optional<std::filesystem::path>& file) {
  return LetterTemplate::compile(letter_template_source(templates_dir, channel, file));
}

}  // namespace civic::letters
