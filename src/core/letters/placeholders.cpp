// The placeholder vocabulary. Append freely; renaming one breaks users'
// templates, so never rename silently.
#include "core/letters/placeholders.hpp"

namespace civic::letters {

const std::vector<Placeholder>& placeholders() {
  using K = PlaceholderKind;
  static const std::vector<Placeholder> table = {
      {"date", K::text, "the letter's date: November 28, 2026"},
      {"date_iso", K::text, "the same date as 2026-11-28"},
      {"story", K::text, "the writer's own words from --story or --story-file (absent when not given)"},

      {"stance", K::object, "the stance, for {{#stance}}...{{/stance}}"},
      {"stance.name", K::text, "support, oppose, thanks or follow-up"},
      {"stance.support", K::flag, "yes when asking the official to support the bill"},
      {"stance.oppose", K::flag, "yes when asking the official to oppose the bill"},
      {"stance.thanks", K::flag, "yes when thanking the official"},
      {"stance.follow_up", K::flag, "yes when following up on an earlier message"},

      {"bill", K::object, "the bill, for {{#bill}}...{{/bill}}"},
      {"bill.id", K::text, "hr1144-119"},
      {"bill.number", K::text, "H.R. 1144"},
      {"bill.congress", K::text, "119th Congress"},
      {"bill.title", K::text, "the official title"},
      {"bill.name", K::text, "what people call it: the short title when there is one"},
      {"bill.sponsor", K::text, "Rep. Christopher H. Smith (R-NJ)"},
      {"bill.introduced", K::text, "the date it was introduced"},
      {"bill.status", K::text, "the latest known action, dated, marked (unconfirmed) when it is"},
      {"bill.status_as_of", K::text, "when the status was last checked: 2026-08-01"},
      {"bill.status_unconfirmed", K::flag, "yes when the research could not confirm the status"},
      {"bill.law", K::text, "P.L. 119-73, once enacted (absent before)"},
      {"bill.enacted", K::flag, "yes when the bill is law"},
      {"bill.pending", K::flag, "yes while the bill is still before Congress"},
      {"bill.passed_house", K::flag, "yes when the House has passed it and the Senate has not acted"},
      {"bill.summary", K::text, "a neutral summary"},
      {"bill.talking_points", K::list, "two to four talking points"},
      {"bill.url", K::text, "its congress.gov page"},
      {"bill.companion", K::text, "the companion bill in the other chamber: S. 2241 (absent when none)"},

      {"recipient", K::object, "the official, for {{#recipient}}...{{/recipient}}"},
      {"recipient.name", K::text, "Maria Cantwell"},
      {"recipient.formal_name", K::text, "The Honorable Maria Cantwell"},
      {"recipient.title", K::text, "Senator, Representative, Delegate, Resident Commissioner, Governor, "
                                   "Assemblymember, ..."},
      {"recipient.last_name", K::text, "Cantwell"},
      {"recipient.salutation", K::text, "Dear Senator Cantwell:"},
      {"recipient.office", K::text, "U.S. Senator, U.S. Representative, State Senator, Governor, ..."},
      {"recipient.body", K::text, "United States Senate, California State Assembly, Governor of Washington"},
      {"recipient.state", K::text, "the state's name: Washington"},
      {"recipient.district", K::text, "the district as the data writes it: 7 (absent for statewide seats)"},
      {"recipient.federal", K::flag, "yes for members of Congress"},
      {"recipient.state_official", K::flag, "yes for state legislators and governors"},
      {"recipient.address", K::list, "the lines of the chosen office's postal address"},
      {"recipient.office_kind", K::text, "district or capitol"},
      {"recipient.office_name", K::text, "the office's name: Everett office; district office or capitol office when "
                                         "the data names none"},
      {"recipient.phone", K::text, "the chosen office's phone (absent when unknown)"},
      {"recipient.email", K::text, "the official's email (absent when unknown)"},
      {"recipient.contact_form", K::text, "the official's web contact form (absent when unknown)"},
      {"recipient.website", K::text, "the official's website (absent when unknown)"},

      {"sender", K::object, "you, for {{#sender}}...{{/sender}}"},
      {"sender.name", K::text, "your name"},
      {"sender.address", K::list, "the lines of your postal address"},
      {"sender.address_line", K::text, "your postal address on one line"},
      {"sender.city_line", K::text, "the last line of your address: Seattle, WA 98101"},
      {"sender.email", K::text, "your email address"},
      {"sender.phone", K::text, "your phone number"},
      {"supporter", K::object, "a campaign supporter's own columns, for {{#supporter}}...{{/supporter}}"},
  };
  return table;
}

const Placeholder* find_placeholder(std::string_view name) {
  // A campaign maps its own columns to supporter.<field>; which fields
  // exist is the campaign's to say (LetterTemplate::supporter_fields).
  static const Placeholder k_supporter_field{"supporter.<field>", PlaceholderKind::text,
                                             "a column of the supporters CSV that a campaign maps to <field>"};
  if (name.rfind("supporter.", 0) == 0 && name.size() > 10 &&
      name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_", 10) == std::string_view::npos) {
    return &k_supporter_field;
  }
  for (const auto& placeholder : placeholders()) {
    if (placeholder.name == name) {
      return &placeholder;
    }
  }
  return nullptr;
}

}  // namespace civic::letters
