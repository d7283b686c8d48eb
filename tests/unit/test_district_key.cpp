#include <doctest/doctest.h>

#include "core/reps/address.hpp"
#include "core/reps/district_key.hpp"

using namespace civic::reps;

TEST_CASE("district keys meet across datasets") {
  CHECK(district_key("Second Worcester") == "2nd_worcester");
  CHECK(district_key("2nd_worcester") == "2nd_worcester");
  CHECK(district_key("Barnstable, Dukes and Nantucket") == "barnstable_dukes_and_nantucket");
  CHECK(district_key("Norfolk & Suffolk") == "norfolk_and_suffolk");
  CHECK(district_key("Chittenden-North") == district_key("chittenden_north"));
  CHECK(district_key("007") == "7");
  CHECK(district_key("at-large") == "at_large");
  CHECK(district_key("Ward 5") == "ward_5");
}

TEST_CASE("a seat letter matches its district, and a district its subdistricts") {
  CHECK(district_keys_match("8a", "8"));
  CHECK(district_keys_match("9", "9b"));
  CHECK(district_keys_match("24", "24"));
  CHECK_FALSE(district_keys_match("8", "18"));
  CHECK_FALSE(district_keys_match("8a", "8b"));
  CHECK_FALSE(district_keys_match("1", "10"));
  CHECK_FALSE(district_keys_match("", "a"));
}

TEST_CASE("the same words in another order are a weaker match") {
  CHECK(district_keys_same_words("windham_windsor_bennington", "windham_bennington_windsor"));
  CHECK_FALSE(district_keys_same_words("windham_1", "windham_2"));
  CHECK_FALSE(district_keys_same_words("", ""));
}

TEST_CASE("one-line postal addresses split into parts") {
  auto a = split_address("511 Hart Senate Office Building Washington DC 20510");
  CHECK(a.street == "511 Hart Senate Office Building");
  CHECK(a.city == "Washington");
  CHECK(a.state == "DC");
  CHECK(a.zip == "20510");
  CHECK(format_address(a) == "511 Hart Senate Office Building, Washington, DC 20510");

  a = split_address("Room 418, John L. O'Brien Building P.O. Box 40600, Olympia, WA 98504");
  CHECK(a.street == "Room 418, John L. O'Brien Building P.O. Box 40600");
  CHECK(a.city == "Olympia");
  CHECK(a.zip == "98504");

  a = split_address("Office of the Governor; PO Box 40002; Olympia, WA 98504-0002");
  CHECK(a.city == "Olympia");
  CHECK(a.zip == "98504-0002");
  CHECK(a.street == "Office of the Governor; PO Box 40002");

  a = split_address("State House, Room 1");
  CHECK(a.street == "State House, Room 1");
  CHECK(a.zip.empty());
}

TEST_CASE("an address is split only where it ends in a state and a ZIP code, however long it is") {
  auto a = split_address("12 Elm St, Kent, wa., 98030");  // a dot and a comma may follow the state
  CHECK(a.street == "12 Elm St");
  CHECK(a.city == "Kent");
  CHECK(a.state == "WA");
  CHECK(a.zip == "98030");
  a = split_address(", WA 98030");
  CHECK(a.street.empty());
  CHECK(a.state == "WA");
  for (const auto* unsplit : {"Kent WA98030", "Kent, WA , 98030", "WA 98030", "Kent, WA 980301", "Kent, WA 98030-12",
                              "Kent, W 98030", "Kent, 1A 98030"}) {
    CAPTURE(unsplit);
    a = split_address(unsplit);
    CHECK(a.street == unsplit);
    CHECK(a.zip.empty());
    CHECK(a.state.empty());
  }
  const std::string long_line(200000, 'x');
  a = split_address(long_line + ", Kent, WA 98030");
  CHECK(a.city == "Kent");
  CHECK(a.street == long_line);
  CHECK(is_state_and_zip("WA"));
  CHECK(is_state_and_zip("wa 98030-1234"));
  CHECK_FALSE(is_state_and_zip("WA98030"));
  CHECK_FALSE(is_state_and_zip("Washington 98030"));
}
