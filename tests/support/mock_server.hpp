#pragma once
// An HTTP server on 127.0.0.1 for tests: serves a directory the way a
// mirror does (files, and HTML listings of folders), with per-path
// overrides to inject errors and garbage.

#include <atomic>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace httplib {
class Server;
struct Request;
struct Response;
}  // namespace httplib

namespace civic::test {

class MockServer {
public:
  using Handler = std::function<void(const httplib::Request&, httplib::Response&)>;

  MockServer();
  ~MockServer();
  MockServer(const MockServer&) = delete;
  MockServer& operator=(const MockServer&) = delete;

  // Serves files under `root`; a folder URL answers with an HTML listing.
  void serve_directory(const std::filesystem::path& root);
  // Answers `path` (exact, starting with "/") with `handler` instead.
  void on(const std::string& path, Handler handler);
  // Answers `path` with this status and body.
  void fail(const std::string& path, int status, const std::string& body = "");

  std::string url() const;  // http://127.0.0.1:PORT
  int requests() const { return m_requests.load(); }

private:
  void handle(const httplib::Request& request, httplib::Response& response);

  std::unique_ptr<httplib::Server> m_server;
  std::thread m_thread;
  int m_port = 0;
  std::filesystem::path m_root;
  std::mutex m_mutex;
  std::map<std::string, Handler> m_overrides;
  std::atomic<int> m_requests{0};
};

}  // namespace civic::test
