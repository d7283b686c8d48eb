#include "core/report/hotlines.hpp"

namespace civic::report {

const std::vector<Service>& services() {
  static const std::vector<Service> table = {
      {"emergency", "Emergency services", "someone is in immediate danger", "police, fire and ambulance",
       {{"call", "911", ""}}},
      {"hotline", "National Human Trafficking Hotline",
       "you suspect trafficking, need help, or want advice on what you saw",
       "confidential, 24/7, in English, Spanish and 200+ other languages; run by Polaris with federal funds; "
       "not law enforcement",
       {{"call", "1-888-373-7888", "24/7"},
        {"text", "233733", "BeFree; text HELP or INFO"},
        {"tty", "711", "relay, then the hotline number"},
        {"online", "https://humantraffickinghotline.org", "live chat and an online tip form"}}},
      {"dhs", "DHS / ICE Homeland Security Investigations Tip Line",
       "you want to report a suspected case to federal law enforcement",
       "U.S. Department of Homeland Security",
       {{"call", "1-866-347-2423", "24/7; 1-866-DHS-2-ICE"}, {"online", "https://www.ice.gov/tips", ""}}},
      {"cybertipline", "NCMEC CyberTipline",
       "a child is being sexually exploited online, including child sex trafficking",
       "National Center for Missing & Exploited Children; reports can be anonymous",
       {{"online", "https://report.cybertip.org", ""}, {"call", "1-800-843-5678", "24/7; 1-800-THE-LOST"}}},
  };
  return table;
}

}  // namespace civic::report
