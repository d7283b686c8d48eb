# Every dependency comes from a Debian package (scripts/install-deps.sh names
# them); nothing is downloaded at configure or build time.
find_package(CLI11 CONFIG REQUIRED)
find_package(CURL REQUIRED)
find_package(SQLiteCpp REQUIRED)
find_package(fmt REQUIRED)
find_package(tomlplusplus REQUIRED)
find_package(yaml-cpp REQUIRED)
find_package(nlohmann_json REQUIRED)
find_package(OpenSSL REQUIRED COMPONENTS Crypto)
find_package(LibArchive REQUIRED)
find_package(LibXml2 REQUIRED)
find_package(GDAL REQUIRED)
find_package(GEOS REQUIRED)
find_package(Threads REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(PANGOCAIRO REQUIRED IMPORTED_TARGET pangocairo cairo-pdf)
if(CIVIC_JEMALLOC)
  pkg_check_modules(JEMALLOC REQUIRED IMPORTED_TARGET jemalloc)
endif()
find_path(MUSTACHE_INCLUDE_DIR kainjow/mustache.hpp REQUIRED)
if(CIVIC_BUILD_TESTS)
  find_package(doctest REQUIRED)
  pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
  # libical parses the calendars civic writes, as a calendar program would.
  pkg_check_modules(LIBICAL REQUIRED IMPORTED_TARGET libical)
endif()

message(STATUS "civic dependencies: CLI11 ${CLI11_VERSION}, fmt ${fmt_VERSION}, "
  "SQLiteCpp ${SQLiteCpp_VERSION}, toml++ ${tomlplusplus_VERSION}, yaml-cpp ${yaml-cpp_VERSION}, "
  "nlohmann_json ${nlohmann_json_VERSION}, curl ${CURL_VERSION_STRING}, libarchive ${LibArchive_VERSION}, GDAL ${GDAL_VERSION}, GEOS ${GEOS_VERSION}, pango ${PANGOCAIRO_pangocairo_VERSION}")
